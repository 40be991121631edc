// An organisation's audit trail for its administrators: who read, changed, exported and deleted
// what, by name with a link to the record, filtered (kept in the URL), and downloadable as CSV.
import { Link } from 'react-router-dom';
import { get, withQuery } from '../../api/client.ts';
import { useLoad } from '../../api/hooks.ts';
import type { AuditEntry, Page } from '../../api/types.ts';
import { useUrlFilters } from '../../api/url-filters';
import { ErrorMessage, Loading } from '../../components/Status.tsx';
import { useVocabulary } from '../../components/Tags.tsx';
import { useI18n } from '../../i18n/index.tsx';

const ACTIONS = ['create', 'update', 'delete', 'restore', 'read', 'export', 'merge', 'unmerge'] as const;

/** The fields an update changed, as "field: before → after". */
function changesOf(details: Record<string, unknown>): string {
  const changes = details.changes as Record<string, { before: unknown; after: unknown }> | undefined;
  if (!changes) return '';
  const show = (v: unknown) =>
    v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);
  return Object.entries(changes)
    .map(([field, c]) => `${field}: ${show(c.before)} → ${show(c.after)}`)
    .join('; ');
}

export function Audit({ orgId }: { orgId: string }) {
  const { t, formatDateTime } = useI18n();
  const vocabulary = useVocabulary();
  const [params, set] = useUrlFilters();
  const filters = {
    org_id: orgId,
    action: params.get('audit_action') ?? '',
    record_type: params.get('audit_type') ?? '',
    from: params.get('audit_from') ?? '',
    to: params.get('audit_to') ?? '',
  };
  const audit = useLoad(
    () => get<Page<AuditEntry>>('/audit', { ...filters, limit: 50 }),
    [orgId, filters.action, filters.record_type, filters.from, filters.to],
  );
  return (
    <section className="card" aria-labelledby="audit-h">
      <h2 id="audit-h">{t('admin.audit')}</h2>
      <div className="filters">
        <label>
          {t('admin.action')}
          <select value={filters.action} onChange={(e) => set('audit_action', e.target.value)}>
            <option value="">{t('admin.auditAll')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {vocabulary.auditAction(a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admin.entity')}
          <input value={filters.record_type} onChange={(e) => set('audit_type', e.target.value.trim())} />
        </label>
        <label>
          {t('admin.auditFrom')}
          <input type="date" value={filters.from} onChange={(e) => set('audit_from', e.target.value)} />
        </label>
        <label>
          {t('admin.auditTo')}
          <input type="date" value={filters.to} onChange={(e) => set('audit_to', e.target.value)} />
        </label>
        <a href={`/api/v1${withQuery('/audit', { ...filters, format: 'csv', limit: 5000 })}`} download>
          {t('admin.auditCsv')}
        </a>
      </div>
      <ErrorMessage error={audit.error} />
      {audit.loading && <Loading />}
      {audit.data && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.who')}</th>
              <th scope="col">{t('admin.action')}</th>
              <th scope="col">{t('admin.entity')}</th>
              <th scope="col">{t('admin.auditChanges')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.items.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at)}</td>
                <td>{a.actor ? (a.actor.name ?? a.actor.email) : '—'}</td>
                <td>{vocabulary.auditAction(a.action)}</td>
                <td>
                  {a.entity_type}{' '}
                  {a.record?.link ? (
                    <Link to={a.record.link}>{a.record.label ?? a.record.id}</Link>
                  ) : (
                    (a.record?.label ?? '')
                  )}
                </td>
                <td className="small">{changesOf(a.details)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
