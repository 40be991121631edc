// Organisations probably entered twice, each pair with its reasons in the reader's language, a
// Merge button that asks for confirmation first, and Undo for the merge just made.
import { useState } from 'react';
import { type ApiError, api, get } from '../api/client.ts';
import { useLoad } from '../api/hooks.ts';
import { useSession } from '../api/session.tsx';
import type { OrganisationDuplicates as Candidates, MergeResult } from '../api/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/index.tsx';
import { ErrorMessage } from './Status.tsx';

type Pair = Candidates['items'][number];
type Reason = Pair['reasons'][number];
type Named = { id: string; name: string };

function useReasonText() {
  const { t } = useI18n();
  return (r: Reason, pair: Pair): string => {
    const key = `orgs.reason.${r.kind}` as MessageKey;
    if (r.kind === 'acronym_of')
      return t(key, { acronym: String(r.acronym), of: r.of === 'a' ? pair.a.name : pair.b.name });
    if (r.kind === 'same_name_in_language')
      return t(key, { language: t(`orgs.language.${r.language}` as MessageKey), name: String(r.known_as) });
    if (r.kind === 'similar_spelling') return t(key, { percent: Math.round(Number(r.similarity) * 100) });
    return t(key, { ref: String(r.ref ?? '') });
  };
}

export function OrganisationDuplicates({ onChange }: { onChange(): void }) {
  const { t } = useI18n();
  const session = useSession();
  const reasonText = useReasonText();
  const candidates = useLoad(
    () => get<Candidates>('/organisations/duplicates', { limit: 50 }),
    [session.me?.user_id],
  );
  const [asked, setAsked] = useState<{ from: Named; into: Named }>();
  const [done, setDone] = useState<MergeResult>();
  const [error, setError] = useState<ApiError>();

  const run = async (action: () => Promise<MergeResult>) => {
    setError(undefined);
    try {
      setDone(await action());
      candidates.reload();
      onChange();
    } catch (err) {
      setError(err as ApiError);
    }
  };
  const merge = (from: Named, into: Named) =>
    run(() => api<MergeResult>('POST', `/organisations/${from.id}/merge`, { into: into.id }));
  const undo = (m: MergeResult) => run(() => api<MergeResult>('POST', `/organisations/merges/${m.id}/undo`));

  return (
    <section className="card" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t('orgs.duplicates')}</h2>
      <p className="muted small">{t('orgs.duplicatesLead')}</p>
      <ErrorMessage error={candidates.error ?? error} />
      {done && (
        <p role="status" className="notice">
          {done.undone_at
            ? t('orgs.undone', { from: done.source.name, into: done.target.name })
            : t('orgs.merged', { from: done.source.name, into: done.target.name })}{' '}
          {!done.undone_at && (
            <button type="button" onClick={() => undo(done)}>
              {t('orgs.undo')}
            </button>
          )}
        </p>
      )}
      {candidates.data?.items.length === 0 && <p className="muted">{t('orgs.noDuplicates')}</p>}
      <ul className="plain-list">
        {candidates.data?.items.map((pair) => (
          <li key={`${pair.a.id} ${pair.b.id}`}>
            <strong>{pair.a.name}</strong> · <strong>{pair.b.name}</strong>
            <div className="muted small">{pair.reasons.map((r) => reasonText(r, pair)).join(' · ')}</div>
            {session.me && (
              <div className="actions">
                <button type="button" onClick={() => setAsked({ from: pair.b, into: pair.a })}>
                  {t('orgs.merge', { from: pair.b.name, into: pair.a.name })}
                </button>{' '}
                <button type="button" onClick={() => setAsked({ from: pair.a, into: pair.b })}>
                  {t('orgs.merge', { from: pair.a.name, into: pair.b.name })}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {asked && (
        <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="merge-title">
          <h3 id="merge-title">{t('orgs.confirmTitle')}</h3>
          <p>{t('orgs.confirmText', { from: asked.from.name, into: asked.into.name })}</p>
          <button
            type="button"
            onClick={() => {
              setAsked(undefined);
              void merge(asked.from, asked.into);
            }}
          >
            {t('orgs.confirm')}
          </button>{' '}
          <button type="button" onClick={() => setAsked(undefined)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
    </section>
  );
}
