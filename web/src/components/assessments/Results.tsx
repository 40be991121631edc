// Results of an assessment: the score of each area as the instrument forms it (weighted average,
// weakest link or a conversion table's A–D rating), overall where the instrument defines one, the
// weakest areas, and a radar of the areas with one shape per sheet. The table says in text what
// the radar draws.
import { useMemo } from 'react';
import type { Assessment, Instrument } from '../../api/types.ts';
import { EChart } from '../../charts/EChart.tsx';
import { radarOption } from '../../charts/radar.ts';
import { useI18n } from '../../i18n/index.tsx';
import { inLang } from '../../i18n/localised.ts';

type SheetResult = Assessment['assessors'][number]['results'];
export interface NamedResult {
  name: string;
  results: SheetResult;
}

export function ResultsTable({
  instrument,
  columns,
}: {
  instrument: Pick<Instrument['definition'], 'areas' | 'overall'>;
  columns: NamedResult[];
}) {
  const { t, lang, formatNumber } = useI18n();
  const cell = (r: SheetResult['areas'][number] | undefined) =>
    !r || r.score === null
      ? '—'
      : `${formatNumber(Math.round(r.score * 100))} %${r.rating ? ` (${r.rating})` : ''}`;
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('assessments.area')}</th>
            {columns.map((c) => (
              <th key={c.name} scope="col">
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {instrument.areas.map((area, i) => (
            <tr key={area.id}>
              <th scope="row">{inLang(area.title, lang)}</th>
              {columns.map((c) => (
                <td key={c.name} title={c.results.areas[i]?.note ?? undefined}>
                  {cell(c.results.areas[i])}
                </td>
              ))}
            </tr>
          ))}
          {instrument.overall !== 'none' && (
            <tr>
              <th scope="row">{t('assessments.overall')}</th>
              {columns.map((c) => (
                <td key={c.name}>
                  <strong>
                    {c.results.overall === null
                      ? '—'
                      : `${formatNumber(Math.round(c.results.overall * 100))} %`}
                  </strong>
                </td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

export function ResultsRadar({
  instrument,
  columns,
  label,
}: {
  instrument: Pick<Instrument['definition'], 'areas'>;
  columns: NamedResult[];
  label: string;
}) {
  const { lang } = useI18n();
  const option = useMemo(
    () =>
      radarOption(
        instrument.areas.map((a) => inLang(a.title, lang)),
        columns.map((c) => ({ name: c.name, scores: c.results.areas.map((a) => a.score) })),
      ),
    [instrument, columns, lang],
  );
  return <EChart option={option} label={label} height={380} />;
}

export function AssessmentResults({
  assessment,
  instrument,
}: {
  assessment: Assessment;
  instrument: Instrument;
}) {
  const { t, lang } = useI18n();
  const columns: NamedResult[] = useMemo(
    () => [
      ...(assessment.agreed ? [{ name: t('assessments.agreed'), results: assessment.agreed.results }] : []),
      ...assessment.assessors.map((a) => ({
        name: a.assessor.name ?? t('assessments.assessor'),
        results: a.results,
      })),
    ],
    [assessment, t],
  );
  if (!columns.length) return null;
  const main = columns[0]!;
  const areaTitle = (id: string) => inLang(instrument.definition.areas.find((a) => a.id === id)?.title, lang);
  return (
    <section className="card" aria-labelledby="results">
      <h2 id="results">{t('assessments.results')}</h2>
      {main.results.weakest_areas.length > 0 && (
        <p>
          {t('assessments.weakest', { name: main.name })}{' '}
          <strong>{main.results.weakest_areas.map(areaTitle).join(' · ')}</strong>
        </p>
      )}
      <ResultsRadar
        instrument={instrument.definition}
        columns={columns}
        label={t('assessments.radarLabel', { name: inLang(instrument.definition.title, lang) })}
      />
      <ResultsTable instrument={instrument.definition} columns={columns} />
      <p>
        <a href={`/api/v1/assessments/${assessment.id}/results?format=csv`}>{t('assessments.downloadCsv')}</a>
      </p>
    </section>
  );
}
