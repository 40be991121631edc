// Check and confirm what Tacit extracted from a document: the draft as a form beside the text, each
// value's source highlighted; organisations matched to existing ones, registered or left out.
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, get } from '../api/client.ts';
import { useLoad, useWrite } from '../api/hooks.ts';
import { useReference } from '../api/reference.tsx';
import { useSession } from '../api/session.tsx';
import type { ConfirmReply, DocumentExtraction, TacitDocument, Visibility } from '../api/types.ts';
import { DocumentText, spansFromProvenance } from '../components/DocumentText.tsx';
import { DraftNarrative } from '../components/DraftNarrative.tsx';
import { DraftScores } from '../components/DraftScores.tsx';
import { InstrumentOffers } from '../components/InstrumentOffers.tsx';
import {
  type Decision,
  type DraftRecord,
  draftOverlapQuery,
  initialDecision,
  OrganisationDecision,
} from '../components/OrganisationDecision.tsx';
import { ErrorMessage, FieldError, Loading, Success } from '../components/Status.tsx';
import { useEnumLabel } from '../components/Tags.tsx';
import { narrowestVisibility, VisibilitySelect } from '../components/VisibilitySelect.tsx';
import { WhoElse } from '../components/WhoElse.tsx';
import { useI18n } from '../i18n/index.tsx';

export function DocumentReviewPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { countryName } = useReference();
  const label = useEnumLabel();
  const doc = useLoad(() => get<TacitDocument>(`/documents/${id}`), [id]);
  const extraction = useLoad(() => get<DocumentExtraction>(`/documents/${id}/extraction`), [id]);
  const [record, setRecord] = useState<DraftRecord>();
  const [decisions, setDecisions] = useState<Decision[]>([]);
  const session = useSession();
  const [chosenVisibility, setVisibility] = useState<Visibility>();
  const [active, setActive] = useState<string>();
  const { busy, error, run } = useWrite();
  const [done, setDone] = useState<ConfirmReply>();

  useEffect(() => {
    // Once confirmed, the page shows what was stored, never the draft it was corrected from.
    const draft = extraction.data?.confirmed_record ?? extraction.data?.draft?.record;
    if (!draft) return;
    setRecord(draft);
    const suggestions = extraction.data?.organisation_suggestions ?? [];
    setDecisions(
      (draft.organisations ?? []).map((o, i) =>
        initialDecision(o, suggestions.find((s) => s.index === i)?.candidates ?? []),
      ),
    );
  }, [extraction.data]);

  if (doc.error || extraction.error) return <ErrorMessage error={doc.error ?? extraction.error} />;
  if (!doc.data || !extraction.data) return <Loading />;
  if (!record) return <p className="muted">{t('contribute.noDraft')}</p>;

  // Until the user picks one, the records take what the server would give them: the owner's
  // default for records, never wider than the document.
  const ownerDefault = session.orgs.find((o) => o.id === doc.data?.owner_org.id)?.default_visibility;
  const visibility = chosenVisibility ?? narrowestVisibility(ownerDefault ?? 'network', doc.data.visibility);
  const set = (patch: Partial<DraftRecord>) => setRecord({ ...record, ...patch });
  const focus = (key: string) => () => setActive(key);
  const source = (key: string) =>
    record.provenance?.[key] ? (
      <button type="button" className="link-button small" onClick={() => setActive(key)}>
        {t('contribute.source')}
      </button>
    ) : null;

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!record || !extraction.data) return;
    const { version } = extraction.data;
    await run(async () => {
      const organisations = (record.organisations ?? []).map((o, i) => {
        const d = decisions[i] ?? { action: 'skip' as const };
        return d.action === 'match'
          ? { name: o.name, acronym: o.acronym, action: 'match' as const, org_id: d.org_id }
          : { name: o.name, acronym: o.acronym, action: d.action };
      });
      const reply = await api<ConfirmReply>('POST', `/documents/${id}/confirm`, {
        record,
        organisations,
        visibility,
        version,
      });
      setDone(reply);
    });
  }

  const field = (key: string) => `record.${key}`;
  const suggestions = extraction.data.organisation_suggestions;
  return (
    <div className="page">
      <p className="muted small">
        <Link to="/contribute">{t('contribute.title')}</Link> / {doc.data.filename}
      </p>
      <h1>
        {t('contribute.review')}: {doc.data.title ?? doc.data.filename}
      </h1>
      <p className="muted">
        {label('docKind', extraction.data.draft?.kind)} · {doc.data.language} ·{' '}
        {extraction.data.confirmation ? t('contribute.alreadyConfirmed') : t('contribute.reviewHint')}
      </p>
      <div className="split">
        <form className="form card" onSubmit={confirm} aria-label={t('contribute.extraction')}>
          <h2>{t('contribute.extraction')}</h2>
          <div className="field">
            <label>
              {t('contribute.fieldTitle')}
              <input
                value={record.title ?? ''}
                onFocus={focus('title')}
                onChange={(e) => set({ title: e.target.value })}
              />
              <FieldError error={error} field={field('title')} />
            </label>
            {source('title')}
          </div>
          <div className="form-row">
            <div className="field">
              <label>
                {t('contribute.fieldCode')}
                <input
                  value={record.project_code ?? ''}
                  onFocus={focus('project_code')}
                  onChange={(e) => set({ project_code: e.target.value || undefined })}
                />
              </label>
              {source('project_code')}
            </div>
            <div className="field">
              <label>
                {t('project.countries')}
                <input
                  value={(record.countries ?? []).join(', ')}
                  onFocus={focus('countries')}
                  onChange={(e) =>
                    set({
                      countries: e.target.value
                        .split(/[,\s]+/)
                        .map((c) => c.trim().toUpperCase())
                        .filter(Boolean),
                    })
                  }
                  aria-describedby="countries-names"
                />
                <span id="countries-names" className="muted small">
                  {(record.countries ?? []).map(countryName).join(', ')}
                </span>
                <FieldError error={error} field={field('countries')} />
              </label>
              {source('countries')}
            </div>
          </div>
          <div className="form-row">
            <div className="field">
              <label>
                {t('contribute.fieldStart')}
                <input
                  value={record.period?.start ?? ''}
                  onFocus={focus('period.start')}
                  onChange={(e) => set({ period: { ...record.period, start: e.target.value || undefined } })}
                />
                <FieldError error={error} field={field('period.start')} />
              </label>
              {source('period.start')}
            </div>
            <div className="field">
              <label>
                {t('contribute.fieldEnd')}
                <input
                  value={record.period?.end ?? ''}
                  onFocus={focus('period.end')}
                  onChange={(e) => set({ period: { ...record.period, end: e.target.value || undefined } })}
                />
                <FieldError error={error} field={field('period.end')} />
              </label>
              {source('period.end')}
            </div>
            <div className="field">
              <label>
                {t('project.risk')}
                <input
                  value={record.risk_rating ?? ''}
                  onFocus={focus('risk_rating')}
                  onChange={(e) => set({ risk_rating: e.target.value || undefined })}
                />
              </label>
              {source('risk_rating')}
            </div>
          </div>
          {(record.budget ?? []).map((b, i) => (
            <div className="form-row" key={`budget-${i.toString()}`}>
              <div className="field">
                <label>
                  {t('project.budget')}
                  <input
                    type="number"
                    value={b.amount}
                    onFocus={focus(`budget.${i}`)}
                    onChange={(e) => {
                      const budget = [...(record.budget ?? [])];
                      budget[i] = { ...b, amount: Number(e.target.value) };
                      set({ budget });
                    }}
                  />
                  <FieldError error={error} field={field(`budget.${i}.amount`)} />
                </label>
                {source(`budget.${i}`)}
              </div>
              <label>
                {t('contribute.fieldCurrency')}
                <input
                  value={b.currency}
                  onFocus={focus(`budget.${i}`)}
                  onChange={(e) => {
                    const budget = [...(record.budget ?? [])];
                    budget[i] = { ...b, currency: e.target.value.toUpperCase() };
                    set({ budget });
                  }}
                />
                <FieldError error={error} field={field(`budget.${i}.currency`)} />
              </label>
            </div>
          ))}
          <DraftScores record={record} set={set} focus={focus} source={source} />
          {(record.organisations ?? []).length > 0 && (
            <fieldset>
              <legend>{t('contribute.organisations')}</legend>
              {(record.organisations ?? []).map((o, i) => (
                <OrganisationDecision
                  key={`${o.name}-${o.role}`}
                  org={o}
                  candidates={suggestions.find((s) => s.index === i)?.candidates ?? []}
                  decision={decisions[i] ?? { action: 'skip' }}
                  onChange={(d) => setDecisions((list) => list.map((x, j) => (j === i ? d : x)))}
                />
              ))}
            </fieldset>
          )}
          <DraftNarrative
            record={record}
            original={extraction.data.confirmed_record ?? extraction.data.draft?.record ?? record}
            set={set}
            focus={focus}
            source={source}
          />
          <VisibilitySelect label={t('contribute.visibility')} value={visibility} onChange={setVisibility} />
          <ErrorMessage error={error} />
          {done && (
            <Success>
              {t('contribute.confirmed')}{' '}
              {done.confirmation.project && (
                <Link to={`/projects/${done.confirmation.project.id}`}>{t('contribute.openProject')}</Link>
              )}
            </Success>
          )}
          <InstrumentOffers
            documentId={id}
            offers={done ? done.confirmation.instrument_offers : extraction.data.instrument_offers}
          />
          <div className="actions">
            <button type="submit" disabled={busy || Boolean(done) || Boolean(extraction.data.confirmation)}>
              {busy ? t('common.saving') : t('contribute.confirm')}
            </button>
          </div>
        </form>
        <section className="card">
          <h2>{t('document.text')}</h2>
          <DocumentText
            text={doc.data.text ?? ''}
            spans={spansFromProvenance(record.provenance)}
            active={active}
            label={t('document.text')}
          />
        </section>
      </div>
      <WhoElse query={draftOverlapQuery(extraction.data.draft?.record, decisions)} />
    </div>
  );
}
