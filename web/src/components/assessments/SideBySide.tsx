// The assessors' scores side by side, question by question, with the spread between them (the
// highest minus the lowest score, on 0..1) and the agreed value once there is one. A wide spread is
// marked, because that is where the assessors have to talk before they agree.
import type { Assessment, Instrument } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inLang } from '../../i18n/localised.ts';

/** From this spread on (half the scale or more), assessors disagree enough to discuss it. */
const WIDE_SPREAD = 0.5;

export function SideBySide({ assessment, instrument }: { assessment: Assessment; instrument: Instrument }) {
  const { t, lang, formatNumber } = useI18n();
  const questions = new Map(
    instrument.definition.areas.flatMap((a) => a.questions.map((q) => [q.id, q] as const)),
  );
  const labelOf = (questionId: string, value: string | null) => {
    if (value === null) return '—';
    const scale = instrument.scales.find((s) => s.id === questions.get(questionId)?.scale);
    return inLang(scale?.values.find((v) => v.name === value)?.label, lang) || value;
  };
  const assessors = assessment.assessors.map((a) => a.assessor);
  return (
    <section className="card" aria-labelledby="side-by-side">
      <h2 id="side-by-side">{t('assessments.sideBySide')}</h2>
      <p className="muted small">{t('assessments.sideBySideHint')}</p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('assessments.question')}</th>
              {assessors.map((a) => (
                <th key={a.id} scope="col">
                  {a.name ?? t('assessments.assessor')}
                </th>
              ))}
              <th scope="col">{t('assessments.spread')}</th>
              <th scope="col">{t('assessments.agreed')}</th>
            </tr>
          </thead>
          <tbody>
            {assessment.side_by_side.map((row) => {
              const q = questions.get(row.question_id);
              const wide = row.spread !== null && row.spread >= WIDE_SPREAD;
              return (
                <tr key={row.question_id}>
                  <th scope="row">
                    {q?.number ? `${q.number}. ` : ''}
                    {inLang(q?.text, lang)}
                  </th>
                  {assessors.map((a) => (
                    <td key={a.id}>
                      {labelOf(
                        row.question_id,
                        row.values.find((v) => v.assessor_id === a.id)?.value ?? null,
                      )}
                    </td>
                  ))}
                  <td>
                    {row.spread === null ? (
                      '—'
                    ) : (
                      <span className={wide ? 'badge badge-warn' : undefined}>
                        {formatNumber(Math.round(row.spread * 100))} %
                        {wide && ` · ${t('assessments.discuss')}`}
                      </span>
                    )}
                  </td>
                  <td>{labelOf(row.question_id, row.agreed)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
