// An organisation's digest, as the daily e-mail sends it: key actions due within 14 days, overdue
// ones, and records not updated for 12 months; and the switch that turns one's digests off.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { Digest, DigestPreferences } from '../api/types.ts';
import { OrganisationPicker } from '../components/OrganisationPicker.tsx';
import { ErrorMessage, Loading } from '../components/Status.tsx';
import { Badge } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

type Action = Digest['due_soon'][number];

function ActionList({ actions, overdue }: { actions: Action[]; overdue: boolean }) {
  const { t, formatDate } = useI18n();
  if (!actions.length) return <p className="muted">{t('common.none')}</p>;
  return (
    <ul className="digest-actions">
      {actions.map((a) => (
        <li key={`${a.recommendation_id}/${a.action_index}`}>
          <strong>{a.text}</strong>{' '}
          <Badge tone={overdue ? 'danger' : 'warn'}>
            {overdue ? t('digest.daysOverdue', { n: a.days }) : t('digest.dueIn', { n: a.days })}
          </Badge>
          <br />
          <span className="muted">
            {formatDate(a.due_on)} · {a.recommendation_text}
            {a.project_id && (
              <>
                {' · '}
                <Link to={`/projects/${a.project_id}`}>{a.project_title}</Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function DigestPage() {
  const { t, formatDate } = useI18n();
  const session = useSession();
  const [orgId, setOrgId] = useState<string>();
  const chosen = orgId ?? session.orgs[0]?.id;
  const digest = useLoad(chosen ? () => get<Digest>('/reminders/digest', { organisation: chosen }) : null, [
    chosen,
  ]);
  const prefs = useLoad(session.signedIn ? () => get<DigestPreferences>('/reminders/preferences') : null, [
    session.signedIn,
  ]);

  if (!session.signedIn) return <p>{t('digest.signIn')}</p>;
  return (
    <section>
      <h1>{t('digest.title')}</h1>
      <OrganisationPicker value={chosen} onChange={setOrgId} />
      {prefs.data && (
        <label className="inline">
          <input
            type="checkbox"
            checked={prefs.data.digest_enabled}
            onChange={(e) =>
              api('PUT', '/reminders/preferences', { digest_enabled: e.target.checked }).then(prefs.reload)
            }
          />{' '}
          {t('digest.email')}
        </label>
      )}
      {digest.loading && <Loading />}
      <ErrorMessage error={digest.error} />
      {digest.data && (
        <>
          <p className="muted">{t('digest.asOf', { date: formatDate(digest.data.as_of) })}</p>
          <h2>{t('digest.overdue')}</h2>
          <ActionList actions={digest.data.overdue} overdue />
          <h2>{t('digest.dueSoon')}</h2>
          <ActionList actions={digest.data.due_soon} overdue={false} />
          <h2>{t('digest.stale')}</h2>
          {digest.data.stale.length ? (
            <ul>
              {digest.data.stale.map((s) => (
                <li key={s.id}>
                  {s.kind === 'project' ? <Link to={`/projects/${s.id}`}>{s.title}</Link> : s.title}{' '}
                  <span className="muted">{t('digest.lastUpdated', { date: formatDate(s.updated_at) })}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('common.none')}</p>
          )}
        </>
      )}
    </section>
  );
}
