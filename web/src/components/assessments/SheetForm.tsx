// One sheet of an assessment as a form: every question of the instrument with its scale, guidance
// and evidence (text, and links to web pages or to Tacit records). An assessor's own sheet resumes
// from what they saved; the agreed sheet starts from the values all assessors already share.
// Everything is a native control, so the form works with the keyboard alone.
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useSubmit } from '../../api/hooks.ts';
import type { Assessment, AssessmentPrefill, Instrument } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inLang } from '../../i18n/localised.ts';
import { ErrorMessage, Success } from '../Status.tsx';
import { useEnumLabel } from '../Tags.tsx';
import { type EvidenceLink, linksFromText, linksToText } from './evidence-links.ts';
import { prefillMessage } from './prefill-message.ts';

interface Entry {
  value: string;
  evidence: string;
  links: string;
}
type Score = Assessment['assessors'][number]['scores'][number];

const entryOf = (s: Score): Entry => ({
  value: s.value,
  evidence: s.evidence.text ?? '',
  links: linksToText(s.evidence.links as EvidenceLink[]),
});

/** The saved scores of this sheet, or for a new agreed sheet the values every assessor gave alike. */
function startingEntries(assessment: Assessment, mode: 'mine' | 'agreed', me: string | null) {
  const entries: Record<string, Entry> = {};
  const saved =
    mode === 'agreed'
      ? assessment.agreed?.scores
      : assessment.assessors.find((a) => a.assessor.id === me)?.scores;
  if (saved) for (const s of saved) entries[s.question_id] = entryOf(s);
  else if (mode === 'agreed' && assessment.assessors.length > 1)
    for (const row of assessment.side_by_side) {
      const values = new Set(row.values.map((v) => v.value));
      if (row.values.length === assessment.assessors.length && values.size === 1)
        entries[row.question_id] = { value: row.values[0]!.value, evidence: '', links: '' };
    }
  return entries;
}

export function SheetForm({
  assessment,
  instrument,
  mode,
  me,
  prefill,
  onSaved,
}: {
  assessment: Assessment;
  instrument: Instrument;
  mode: 'mine' | 'agreed';
  me: string | null;
  prefill?: AssessmentPrefill | undefined;
  onSaved(a: Assessment): void;
}) {
  const { t, lang, formatDate } = useI18n();
  const label = useEnumLabel();
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [saved, setSaved] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start again only when another assessment or sheet opens
  useEffect(() => setEntries(startingEntries(assessment, mode, me)), [assessment.id, mode, me]);

  const scaleOf = (id: string) => instrument.scales.find((s) => s.id === id);
  const set = (question: string, patch: Partial<Entry>) => {
    setSaved(false);
    setEntries((all) => ({
      ...all,
      [question]: { value: '', evidence: '', links: '', ...all[question], ...patch },
    }));
  };
  const prefix = `${mode}-`;

  const { busy, error, submit } = useSubmit(
    () => {
      const scores = Object.entries(entries)
        .filter(([, entry]) => entry.value.trim())
        .map(([question, entry]) => {
          const links = linksFromText(entry.links);
          if (typeof links === 'string')
            throw new ApiError(422, 'validation_failed', t('assessments.badLink', { line: links }), [
              { field: `${question}.links`, message: t('assessments.badLink', { line: links }) },
            ]);
          return {
            question,
            value: entry.value,
            ...(entry.evidence.trim() || links.length
              ? { evidence: { ...(entry.evidence.trim() ? { text: entry.evidence } : {}), links } }
              : {}),
          };
        });
      const path = mode === 'agreed' ? 'agreed' : 'scores';
      return api<Assessment>('PUT', `/assessments/${assessment.id}/${path}`, { scores });
    },
    (updated) => {
      onSaved(updated);
      setSaved(true);
    },
  );

  const answered = Object.values(entries).filter((e) => e.value.trim()).length;
  const total = instrument.definition.areas.reduce((n, a) => n + a.questions.length, 0);
  return (
    <form
      className="form card"
      onSubmit={submit}
      aria-label={mode === 'agreed' ? t('assessments.agreedSheet') : t('assessments.mySheet')}
    >
      <h2>{mode === 'agreed' ? t('assessments.agreedSheet') : t('assessments.mySheet')}</h2>
      <p className="muted small">{t('assessments.answered', { answered, total })}</p>
      {instrument.definition.areas.map((area) => (
        <fieldset key={area.id}>
          <legend>{inLang(area.title, lang)}</legend>
          {area.questions.map((q) => {
            const entry = entries[q.id] ?? { value: '', evidence: '', links: '' };
            const scale = scaleOf(q.scale);
            const suggestion = prefill?.items.find((p) => p.question_id === q.id);
            const id = `${prefix}${q.id}`;
            return (
              <div key={q.id} className="field assessment-question">
                <label htmlFor={id}>
                  {q.number && <strong>{q.number}. </strong>}
                  {inLang(q.text, lang)}
                </label>
                {q.guidance && <p className="muted small">{inLang(q.guidance, lang)}</p>}
                {q.scale === 'free_text' ? (
                  <textarea
                    id={id}
                    value={entry.value}
                    onChange={(e) => set(q.id, { value: e.target.value })}
                  />
                ) : (
                  <select id={id} value={entry.value} onChange={(e) => set(q.id, { value: e.target.value })}>
                    <option value="">{t('assessments.notScored')}</option>
                    {scale?.values.map((v) => (
                      <option key={v.name} value={v.name}>
                        {inLang(v.label, lang)}
                      </option>
                    ))}
                  </select>
                )}
                {suggestion && mode === 'mine' && (
                  <p className="prefill small">
                    {t('assessments.suggested', {
                      value: inLang(scale?.values.find((v) => v.name === suggestion.value)?.label, lang),
                    })}{' '}
                    {prefillMessage(suggestion.message, t, formatDate, (s) => label('projectStatus', s))}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        set(q.id, {
                          value: suggestion.value,
                          evidence: prefillMessage(suggestion.message, t, formatDate, (s) =>
                            label('projectStatus', s),
                          ),
                          links: linksToText(suggestion.evidence.links as EvidenceLink[]),
                        })
                      }
                    >
                      {t('assessments.useSuggestion')}
                    </button>
                  </p>
                )}
                <details open={Boolean(entry.evidence || entry.links)}>
                  <summary>{t('assessments.evidence')}</summary>
                  <label>
                    {t('assessments.evidenceText')}
                    <textarea
                      value={entry.evidence}
                      onChange={(e) => set(q.id, { evidence: e.target.value })}
                    />
                  </label>
                  <label>
                    {t('assessments.evidenceLinks')}
                    <textarea
                      value={entry.links}
                      aria-describedby={`${prefix}links-hint`}
                      onChange={(e) => set(q.id, { links: e.target.value })}
                    />
                  </label>
                </details>
              </div>
            );
          })}
        </fieldset>
      ))}
      <p className="muted small" id={`${prefix}links-hint`}>
        {t('assessments.linksHint')}
      </p>
      <ErrorMessage error={error} />
      {saved && <Success>{t('assessments.saved')}</Success>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy
            ? t('common.saving')
            : mode === 'agreed'
              ? t('assessments.saveAgreed')
              : t('assessments.save')}
        </button>
      </div>
    </form>
  );
}
