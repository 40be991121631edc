// Organisation administration: members and invitations, roles, sharing defaults, the user's API
// tokens, and the organisation's audit trail. Every change shows its result or its error.
import { type FormEvent, useState } from 'react';
import { api, get } from '../api/client.ts';
import { useLoad, useWrite } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Organisation, Visibility } from '../api/types.ts';
import { OrganisationPicker } from '../components/OrganisationPicker.tsx';
import { ErrorMessage, FieldError, Loading, Success } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { VisibilitySelect } from '../components/VisibilitySelect.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Audit } from './admin/Audit.tsx';
import { DeletedRecords } from './admin/DeletedRecords.tsx';
import { Members } from './admin/Members.tsx';
import { Tokens } from './admin/Tokens.tsx';

function SharingDefaults({ orgId, orgName }: { orgId: string; orgName: string }) {
  const { t } = useI18n();
  const label = useEnumLabel();
  const session = useSession();
  const org = useLoad(() => get<Organisation>(`/organisations/${orgId}`), [orgId]);
  const [records, setRecords] = useState<Visibility>();
  const [documents, setDocuments] = useState<Visibility>();
  const { busy, error, run } = useWrite();
  const [message, setMessage] = useState<string>();
  const current = org.data;

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!current) return;
    setMessage(undefined);
    await run(async () => {
      const saved = await api<Organisation>('PATCH', `/organisations/${orgId}`, {
        default_visibility: records ?? current.default_visibility,
        default_document_visibility: documents ?? current.default_document_visibility,
        version: current.version,
      });
      setMessage(
        t('admin.defaultsSaved', {
          records: label('visibility', saved.default_visibility),
          documents: label('visibility', saved.default_document_visibility),
        }),
      );
      setRecords(undefined);
      setDocuments(undefined);
      org.reload();
      await session.refresh();
    });
  }

  return (
    <section className="card" aria-labelledby="defaults-h">
      <h2 id="defaults-h">{t('admin.defaults')}</h2>
      <p>{t('admin.defaultsLead', { org: orgName })}</p>
      <ErrorMessage error={org.error} />
      {org.loading && !current && <Loading />}
      {current && (
        <form className="form-row form" onSubmit={save}>
          {(
            [
              ['default_visibility', t('admin.defaultRecords'), records, setRecords],
              ['default_document_visibility', t('admin.defaultDocuments'), documents, setDocuments],
            ] as const
          ).map(([field, fieldLabel, chosen, choose]) => (
            <div key={field} className="field">
              <VisibilitySelect
                label={fieldLabel}
                value={chosen ?? current[field]}
                onChange={choose}
                describedBy="defaults-hint"
              />
              <FieldError error={error} field={field} />
            </div>
          ))}
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t('common.saving') : t('admin.saveDefaults')}
            </button>
          </div>
        </form>
      )}
      <p className="muted small" id="defaults-hint">
        {t('admin.defaultsHint', { org: orgName })}
      </p>
      <ErrorMessage error={error} />
      {message && <Success>{message}</Success>}
    </section>
  );
}

export function AdminPage() {
  const { t } = useI18n();
  const session = useSession();
  const [chosen, setChosen] = useState('');
  const org = session.orgs.find((o) => o.id === chosen) ?? session.orgs[0];
  if (!session.signedIn) return <p className="muted">{t('contribute.signInNeeded')}</p>;
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <OrganisationPicker value={org?.id} onChange={setChosen} />
      {org && <p className="lead">{t('admin.lead', { org: org.name })}</p>}
      {org && org.role === 'admin' ? (
        <>
          <Members orgId={org.id} />
          <SharingDefaults orgId={org.id} orgName={org.name} />
          <Audit orgId={org.id} />
        </>
      ) : (
        <p className="muted">{t('admin.onlyAdmins')}</p>
      )}
      {org && org.role !== 'viewer' && <DeletedRecords orgId={org.id} />}
      <Tokens />
    </div>
  );
}
