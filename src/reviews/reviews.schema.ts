import { z } from 'zod';
import { Completeness, incompleteFilter } from '../quality/quality.schema.ts';
import { OwnedListQuery, ownedCreateFields, ownedResponseFields, updateOf } from '../records/owned.schema.ts';
import { RISK_RATINGS, SCALES } from '../reference/scales.ts';
import { CountryCode, IsoDate } from '../server/schemas.ts';

export const ReviewScale = z.enum(['uk_annual_review', 'cssf_numeric', 'six_point']);
const Score = z.string().trim().min(1).max(40);

const fields = {
  kind: z.enum(['annual', 'mid_term', 'completion', 'other']),
  period_label: z.string().trim().max(50).nullish().describe('As the review names it, e.g. 2016/17'),
  period_start: IsoDate.nullish(),
  period_end: IsoDate.nullish(),
  scale: ReviewScale,
  overall_score: Score.nullish(),
  outcome_score: Score.nullish(),
  risk_rating: z.enum(RISK_RATINGS).nullish(),
  output_scores: z
    .array(
      z.object({
        number: z.number().int().positive().nullish(),
        title: z.string().max(1000).nullish(),
        score: Score,
      }),
    )
    .max(100),
  progress: z
    .array(z.object({ text: z.string().trim().min(1).max(20_000), country: CountryCode.nullish() }))
    .max(200),
  narrative: z.string().max(100_000).nullish(),
  document_id: z.uuid().nullish(),
};

type Scored = {
  scale?: keyof typeof SCALES;
  overall_score?: string | null;
  outcome_score?: string | null;
  output_scores?: { score: string }[];
  period_start?: string | null;
  period_end?: string | null;
};

/** Every score must belong to the scale the review declares. */
export function checkScores(r: Scored, ctx: z.RefinementCtx) {
  const scale = SCALES[r.scale ?? 'uk_annual_review'];
  const check = (score: string | null | undefined, path: (string | number)[]) => {
    if (score && !scale.test(score))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `"${score}" is not on the ${r.scale ?? 'uk_annual_review'} scale`,
      });
  };
  check(r.overall_score, ['overall_score']);
  check(r.outcome_score, ['outcome_score']);
  for (const [i, o] of (r.output_scores ?? []).entries()) check(o.score, ['output_scores', i, 'score']);
  if (r.period_start && r.period_end && r.period_end < r.period_start) {
    ctx.addIssue({ code: 'custom', path: ['period_end'], message: 'is before period_start' });
  }
}

export const ReviewCreate = z
  .object({
    ...ownedCreateFields,
    project_id: z.uuid({ message: 'must be a UUID' }).describe('The project reviewed'),
    ...fields,
    kind: fields.kind.default('annual'),
    scale: fields.scale.default('uk_annual_review'),
    output_scores: fields.output_scores.default([]),
    progress: fields.progress.default([]),
  })
  .superRefine(checkScores);

export const ReviewUpdate = updateOf(fields).superRefine(checkScores);

export const Review = z
  .object({
    ...ownedResponseFields,
    completeness: Completeness,
    kind: z.string(),
    period_label: z.string().nullable(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    scale: ReviewScale,
    overall_score: z.string().nullable(),
    outcome_score: z.string().nullable(),
    risk_rating: z.string().nullable(),
    output_scores: z.array(
      z.object({ number: z.number().nullish(), title: z.string().nullish(), score: z.string() }),
    ),
    progress: z.array(z.object({ text: z.string(), country: z.string().nullish() })),
    narrative: z.string().nullable(),
    document_id: z.string().nullable(),
  })
  .meta({ id: 'Review' });

export const ReviewListQuery = OwnedListQuery.extend({
  ...incompleteFilter,
  kind: fields.kind.optional(),
});
