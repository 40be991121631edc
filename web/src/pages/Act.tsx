// The page a digest's signed link opens: record progress on one key action without signing in.
// The token travels in the address's fragment (#…), so it never reaches a server log.
import { type FormEvent, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { api } from '../api/client.ts';
import { useLoad, useWrite } from '../api/hooks.ts';
import type { LinkedAction } from '../api/types.ts';
import { type ProgressStatus, ProgressStatusSelect } from '../components/KeyActionProgressForm.tsx';
import { ErrorMessage, FieldError, Loading } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { useI18n } from '../i18n/index.tsx';

export function ActPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const label = useEnumLabel();
  const token = useLocation().hash.replace(/^#/, '');
  const link = useLoad(
    token ? () => api<LinkedAction>('POST', '/reminders/action-links/inspect', { token }) : null,
    [token],
  );
  const [status, setStatus] = useState<ProgressStatus>('completed');
  const [comment, setComment] = useState('');
  const [evidence, setEvidence] = useState('');
  const { busy, error, run } = useWrite();
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!link.data) return;
    const { recommendation_id, action_index } = link.data;
    const saved = await run(() =>
      api('POST', `/reminders/key-actions/${recommendation_id}/${action_index}/progress`, {
        token,
        status,
        comment,
        ...(evidence.trim() ? { evidence_url: evidence.trim() } : {}),
      }),
    );
    if (saved) setDone(true);
  }

  return (
    <section className="narrow">
      <h1>{t('act.title')}</h1>
      {!token && <p className="error">{t('act.noToken')}</p>}
      {link.loading && <Loading />}
      <ErrorMessage error={link.error} />
      {link.data && (
        <>
          <p className="muted">{link.data.recommendation_text}</p>
          <p>
            <strong>{link.data.action.text}</strong>
            <br />
            {t('act.due', { date: formatDate(link.data.action.due_on) })} ·{' '}
            {label('actionStatus', done ? status : link.data.action.status)}
          </p>
          {done ? (
            <p role="status" className="ok">
              {t('act.recorded')}
            </p>
          ) : (
            <form onSubmit={submit} className="form">
              <ErrorMessage error={error} />
              <ProgressStatusSelect title={t('common.status')} value={status} onChange={setStatus} />
              <label>
                {t('act.comment')}
                <textarea required value={comment} onChange={(e) => setComment(e.target.value)} />
                <FieldError error={error} field="comment" />
              </label>
              <label>
                {t('act.evidence')}
                <input type="url" value={evidence} onChange={(e) => setEvidence(e.target.value)} />
                <FieldError error={error} field="evidence_url" />
              </label>
              <button type="submit" disabled={busy}>
                {busy ? t('common.saving') : t('act.submit')}
              </button>
              <p className="muted">{t('act.expires', { at: formatDateTime(link.data.expires_at) })}</p>
            </form>
          )}
        </>
      )}
    </section>
  );
}
