// From a confirmed extraction record to the inputs of the registry's own services (projects,
// reviews, evaluations, recommendations, lessons, meetings), validated by their own schemas.
// A value the registry refuses is reported under the record field it came from.
import type { z } from 'zod';
import type { ExtractedOrganisation, ExtractionRecord } from '../ingest/extraction-record.ts';
import type { ParticipantRole } from '../projects/projects.schema.ts';
import { RISK_RATINGS } from '../reference/scales.ts';
import { errors, type FieldProblem } from '../server/errors.ts';

type Role = NonNullable<ExtractedOrganisation['role']>;

const PARTICIPANT_ROLE: Record<Role, z.infer<typeof ParticipantRole>> = {
  funder: 'funder',
  lead: 'lead',
  implementer: 'implementer',
  partner: 'partner',
  counterpart: 'counterpart',
  beneficiary: 'beneficiary',
  evaluator: 'evaluator',
  chair: 'other',
  author: 'other',
  other: 'other',
};

const MEETING_ROLE: Record<Role, string> = {
  funder: 'funder',
  lead: 'organiser',
  implementer: 'implementer',
  partner: 'partner',
  counterpart: 'participant',
  beneficiary: 'participant',
  evaluator: 'participant',
  chair: 'chair',
  author: 'organiser',
  other: 'other',
};

export const participantRole = (role: Role | undefined) => PARTICIPANT_ROLE[role ?? 'other'];
export const meetingRole = (role: Role | undefined) => MEETING_ROLE[role ?? 'other'];

/**
 * Parses `input` with a registry schema; a refusal becomes a 422 naming the record field the
 * value came from (`paths` maps the schema's top-level keys to record paths).
 */
export function parseAs<S extends z.ZodType>(
  schema: S,
  input: unknown,
  paths: Record<string, string>,
): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems: FieldProblem[] = parsed.error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const mapped = head !== undefined ? (paths[head] ?? head) : '';
    return { field: ['record', mapped, ...rest].filter(Boolean).join('.'), message: issue.message };
  });
  throw errors.validation(`${problems[0]!.field}: ${problems[0]!.message}`, problems);
}

/** Project fields a record carries, in ProjectCreate/ProjectUpdate shape (absent ones left out). */
export function projectFields(record: ExtractionRecord): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (record.title) f.title = record.title;
  if (record.project_code) f.code = record.project_code;
  if (record.countries?.length) f.countries = record.countries;
  if (record.regions?.length) f.regions = record.regions.map((name) => ({ name }));
  if (record.period?.start) f.start = record.period.start;
  if (record.period?.end) f.end = record.period.end;
  if (record.period?.ongoing !== undefined) f.ongoing = record.period.ongoing;
  if (record.themes?.length) f.themes = record.themes;
  if (record.budget?.length)
    f.budget = record.budget.map((b) => ({ amount: b.amount, currency: b.currency, category: b.category }));
  if (record.outputs?.length)
    f.outputs = record.outputs.map((o) => ({
      number: o.number,
      title: o.title,
      description: o.description,
      score: o.score,
    }));
  if (record.outcome) f.outcome = { statement: record.outcome.statement, score: record.outcome.score };
  if (record.language && ['en', 'es', 'fr'].includes(record.language)) f.language = record.language;
  return f;
}

export const PROJECT_PATHS: Record<string, string> = {
  code: 'project_code',
  start: 'period.start',
  end: 'period.end',
  ongoing: 'period.ongoing',
  participants: 'organisations',
};

/** "Medium" whatever its case; undefined for a rating that is on no scale (the schema reports it). */
function riskRating(risk: string | undefined): string | undefined {
  if (!risk) return undefined;
  return RISK_RATINGS.find((r) => r.toLowerCase() === risk.trim().toLowerCase()) ?? risk;
}

/** A UK financial year as a review names it ("2016/17") is April to March. */
export function financialYear(label: string): { period_start?: string; period_end?: string } {
  const m = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(label.trim());
  if (!m) return {};
  const start = Number(m[1]);
  return { period_start: `${start}-04-01`, period_end: `${start + 1}-03-31` };
}

/** The review this annual review records: the last year of its score table, with every score. */
export function currentReview(record: ExtractionRecord): Record<string, unknown> {
  const latest = record.score_history?.at(-1);
  return {
    kind: 'annual',
    scale: 'uk_annual_review',
    period_label: latest?.period,
    ...(latest ? financialYear(latest.period) : {}),
    overall_score: latest?.score,
    outcome_score: record.outcome?.score,
    risk_rating: riskRating(record.risk_rating ?? latest?.risk),
    output_scores: (record.outputs ?? [])
      .filter((o) => o.score)
      .map((o) => ({ number: o.number, title: o.title, score: o.score })),
    progress: (record.progress ?? []).map((p) => ({ text: p.text, country: p.country })),
  };
}

export const CURRENT_REVIEW_PATHS: Record<string, string> = {
  period_label: 'score_history',
  overall_score: 'score_history',
  outcome_score: 'outcome.score',
  output_scores: 'outputs',
};

/** Reviews of earlier years, from the rows of the score table before the last. */
export function earlierReviews(record: ExtractionRecord): Record<string, unknown>[] {
  return (record.score_history ?? []).slice(0, -1).map((row) => ({
    kind: 'annual',
    scale: 'uk_annual_review',
    period_label: row.period,
    ...financialYear(row.period),
    overall_score: row.score,
    risk_rating: riskRating(row.risk),
  }));
}

export function evaluationFields(record: ExtractionRecord, title: string): Record<string, unknown> {
  const ev = record.evaluation ?? {};
  return {
    title,
    type: ev.type === 'ex_post' ? 'other' : ev.type,
    independent: ev.independent,
    evaluators: ev.team,
    methods: ev.methods,
    field_missions: ev.field_missions,
    stakeholders_total: ev.stakeholders?.total,
    stakeholders_female: ev.stakeholders?.female,
    stakeholders_male: ev.stakeholders?.male,
    findings: (record.findings ?? []).map((f) => ({ criterion: f.criterion, text: f.text })),
  };
}

export const EVALUATION_PATHS: Record<string, string> = {
  evaluators: 'evaluation.team',
  methods: 'evaluation.methods',
  field_missions: 'evaluation.field_missions',
  stakeholders_total: 'evaluation.stakeholders.total',
  type: 'evaluation.type',
};

export function meetingFields(record: ExtractionRecord, title: string): Record<string, unknown> {
  const start = record.period?.start;
  return {
    title,
    held_on: start && start.length === 10 ? start : undefined,
    countries: record.countries,
    regions: record.regions,
    themes: record.themes,
    people: record.people?.map((p) => ({ name: p.name, role: p.role })),
    figures: withAttendance(record),
    instruments_mentioned: record.instruments_mentioned,
  };
}

/** A meeting's attendance is stored among its figures: "42 participants", "13 women participants". */
function withAttendance(record: ExtractionRecord) {
  const { total, female, male } = record.stakeholders ?? {};
  const counts = [
    total !== undefined ? { value: total, unit: 'participants' } : null,
    female !== undefined ? { value: female, unit: 'women participants' } : null,
    male !== undefined ? { value: male, unit: 'men participants' } : null,
  ].filter((f) => f !== null);
  if (!counts.length) return record.figures;
  const figures = record.figures ?? [];
  return [...figures, ...counts.filter((c) => !figures.some((f) => f.value === c.value))];
}

export const MEETING_PATHS: Record<string, string> = { held_on: 'period.start' };
