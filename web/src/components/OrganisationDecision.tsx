// One organisation a draft names, and what confirming does with it: match it to a registered one
// (the closest registered ones offered first, or one searched by name), register it (a deliberate
// choice, never the default), or leave it out.
import { useEffect, useState } from 'react';
import { get } from '../api/client.ts';
import type { DocumentExtraction, ExtractionRecord, Organisation, Page } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

export type DraftRecord = ExtractionRecord;
type DraftOrganisation = NonNullable<DraftRecord['organisations']>[number];
export type Decision =
  | { action: 'match'; org_id: string; label: string }
  | { action: 'create' }
  | { action: 'skip' };
export type Candidate = DocumentExtraction['organisation_suggestions'][number]['candidates'][number];

/** A reason this strong says the registered organisation is the one named, so it is proposed. */
const SURE = 0.8;

/**
 * What confirming does with a draft's organisation until the person decides: its registry match,
 * else the closest registered one when the reason is strong, else nothing (left out). Registering
 * a new organisation is never the default.
 */
export function initialDecision(org: DraftOrganisation, candidates: Candidate[]): Decision {
  if (org.id) return { action: 'match', org_id: org.id, label: org.name };
  const best = candidates[0];
  return best && best.score >= SURE
    ? { action: 'match', org_id: best.id, label: best.name }
    : { action: 'skip' };
}

export function OrganisationDecision({
  org,
  candidates,
  decision,
  onChange,
}: {
  org: DraftOrganisation;
  candidates: Candidate[];
  decision: Decision;
  onChange: (d: Decision) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Organisation[]>([]);
  useEffect(() => {
    if (query.trim().length < 2) return setMatches([]);
    const timer = setTimeout(() => {
      get<Page<Organisation>>('/organisations', { q: query, limit: 5 }).then(
        (p) => setMatches(p.items),
        () => setMatches([]),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);
  // The registry's match, the closest registered organisations, and one found by search, once each.
  const matchOptions: { id: string; name: string; reason?: Candidate['reason'] }[] = [];
  const offer = (m: { id: string; name: string; reason?: Candidate['reason'] }) => {
    if (!matchOptions.some((o) => o.id === m.id)) matchOptions.push(m);
  };
  if (org.id) offer({ id: org.id, name: org.name });
  for (const c of candidates) offer(c);
  if (decision.action === 'match') offer({ id: decision.org_id, name: decision.label });
  return (
    <div className="org-decision">
      <strong>{org.name}</strong> {org.acronym && <span className="muted">({org.acronym})</span>}{' '}
      <span className="muted small">{org.role}</span>
      <div className="form-row">
        <label>
          {t('contribute.orgDecision')}
          <select
            value={decision.action === 'match' ? `match:${decision.org_id}` : decision.action}
            onChange={(e) => {
              const v = e.target.value;
              const picked = matchOptions.find((m) => `match:${m.id}` === v);
              if (picked) onChange({ action: 'match', org_id: picked.id, label: picked.name });
              else if (v === 'create') onChange({ action: 'create' });
              else onChange({ action: 'skip' });
            }}
          >
            {matchOptions.map((m) => (
              <option key={m.id} value={`match:${m.id}`}>
                {t('contribute.orgMatch', { name: m.name })}
                {m.reason ? ` (${t(`contribute.orgReason.${m.reason}`)})` : ''}
              </option>
            ))}
            <option value="skip">{t('contribute.orgSkip')}</option>
            <option value="create">{t('contribute.orgCreate')}</option>
          </select>
        </label>
        <label>
          {t('contribute.orgSearch')}
          <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
      </div>
      {matches.length > 0 && (
        <ul className="plain-list small">
          {matches.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  onChange({ action: 'match', org_id: m.id, label: m.name });
                  setQuery('');
                }}
              >
                {t('contribute.orgUse', { name: m.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The draft as extracted (not as being edited), described for the overlap search. */
/**
 * The overlap search for the draft as it stands: only the organisations matched to registered ones
 * are partners (a name the registry does not know is no partner to search by, and one left out is
 * not the draft's any more).
 */
export function draftOverlapQuery(draft: DraftRecord | undefined, decisions: Decision[]) {
  const partners = decisions.flatMap((d) => (d.action === 'match' ? [d.org_id] : [])).slice(0, 100);
  return {
    title: draft?.title || undefined,
    countries: draft?.countries?.length ? draft.countries : undefined,
    themes: draft?.themes?.length ? draft.themes : undefined,
    partners: partners.length ? partners : undefined,
    // The record gives an unknown date as null; the overlap search takes a date or nothing.
    start: draft?.period?.start ?? undefined,
    end: draft?.period?.end ?? undefined,
  };
}
