// An assessment as its readers see it: each assessor's sheet with its results, the scores side
// by side with their spread, the agreed result; and results and comparisons as CSV.
import { firstText, type InstrumentDefinition } from '../instruments/definition.schema.ts';
import { normalisedPoints } from '../instruments/scales.ts';
import { type SheetResult, scoreSheet } from '../instruments/scoring.ts';
import { sharingResponse } from '../sharing/sharing.schema.ts';
import type { AssessmentRow, ScoreRow } from './assessments.repository.ts';
import type { Assessment } from './assessments.schema.ts';

const toScore = (s: ScoreRow) => ({
  question_id: s.question_id,
  value: s.value,
  evidence: { text: s.evidence_text, links: s.evidence_links },
});

/** The sharing fields of a reply, as every kind's; an assessment restricts no field beyond itself. */
function assessmentSharing(row: AssessmentRow) {
  const { field_visibility: _none, ...sharing } = sharingResponse(row);
  return sharing;
}

/** What the audit trail keeps of an assessment: the record, not its sheets (their writes say so). */
export function auditedRecord(a: Assessment) {
  const { assessors: _a, side_by_side: _s, agreed: _g, ...record } = a;
  return record;
}

/** What a page and a list both say of an assessment, before its sheets. */
export function assessmentHeader(row: AssessmentRow) {
  return {
    id: row.id,
    owner_org: { id: row.owner_org_id, name: row.owner_name },
    ...assessmentSharing(row),
    instrument: { key: row.instrument_key, version: row.instrument_version },
    subject: { type: row.subject_type, id: row.subject_id, name: row.subject_name },
    title: row.title,
  };
}

const answersOf = (rows: ScoreRow[]) => new Map(rows.map((s) => [s.question_id, s.value]));

export function assessmentView(
  row: AssessmentRow,
  def: InstrumentDefinition,
  scores: ScoreRow[],
): Assessment {
  const byAssessor = new Map<string, ScoreRow[]>();
  for (const s of scores.filter((x) => !x.agreed))
    byAssessor.set(s.assessor_id!, [...(byAssessor.get(s.assessor_id!) ?? []), s]);
  const agreedRows = scores.filter((s) => s.agreed);
  const scaleOf = new Map(def.areas.flatMap((a) => a.questions.map((q) => [q.id, q.scale] as const)));
  const sideBySide = def.areas.flatMap((a) =>
    a.questions.map((q) => {
      const values = [...byAssessor].flatMap(([assessorId, rows]) => {
        const value = rows.find((r) => r.question_id === q.id)?.value;
        return value === undefined ? [] : [{ assessor_id: assessorId, value }];
      });
      const points = values
        .map((v) => normalisedPoints(scaleOf.get(q.id)!, v.value))
        .filter((p): p is number => p !== null);
      return {
        question_id: q.id,
        values,
        spread:
          points.length >= 2 ? Math.round((Math.max(...points) - Math.min(...points)) * 1000) / 1000 : null,
        agreed: agreedRows.find((r) => r.question_id === q.id)?.value ?? null,
      };
    }),
  );
  return {
    ...assessmentHeader(row),
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
    assessors: [...byAssessor].map(([id, rows]) => ({
      assessor: { id, name: rows[0]!.assessor_name },
      scores: rows.map(toScore),
      results: scoreSheet(def, answersOf(rows)),
    })),
    side_by_side: sideBySide,
    agreed: agreedRows.length
      ? { scores: agreedRows.map(toScore), results: scoreSheet(def, answersOf(agreedRows)) }
      : null,
  };
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s)
    ? `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`
    : s;
};
export const toCsv = (rows: unknown[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;

/** One row per area and one for the overall score, a column per sheet or assessment. */
export function resultsTable(
  def: InstrumentDefinition,
  columns: { name: string; results: SheetResult }[],
): unknown[][] {
  const header = ['area_id', 'area', ...columns.map((c) => c.name)];
  const rows = def.areas.map((area, i) => [
    area.id,
    firstText(area.title),
    ...columns.map((c) => c.results.areas[i]?.score ?? ''),
  ]);
  const overall =
    def.overall === 'none' ? [] : [['overall', 'Overall', ...columns.map((c) => c.results.overall ?? '')]];
  return [header, ...rows, ...overall];
}
