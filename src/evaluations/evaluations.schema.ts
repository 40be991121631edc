import { z } from 'zod';
import { Completeness, incompleteFilter } from '../quality/quality.schema.ts';
import {
  Countries,
  OwnedListQuery,
  ownedCreateFields,
  ownedResponseFields,
  updateOf,
} from '../records/owned.schema.ts';
import { EVALUATION_CRITERIA, SCALES } from '../reference/scales.ts';
import { IsoDate } from '../server/schemas.ts';

const Finding = z.object({
  criterion: z.enum(EVALUATION_CRITERIA),
  text: z.string().trim().min(1).max(20_000),
  rating: z
    .string()
    .regex(SCALES.six_point, 'must be on the six-point scale (highly satisfactory … highly unsatisfactory)')
    .nullish(),
});

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(1000),
  type: z.enum(['mid_term', 'final', 'thematic', 'other']),
  independent: z.boolean(),
  evaluators: z.array(z.string().trim().min(1).max(300)).max(50),
  methods: z.array(z.string().trim().min(1).max(200)).max(50),
  field_missions: Countries,
  stakeholders_total: z.number().int().nonnegative().nullish(),
  stakeholders_female: z.number().int().nonnegative().nullish(),
  stakeholders_male: z.number().int().nonnegative().nullish(),
  completed_on: IsoDate.nullish(),
  summary: z.string().max(100_000).nullish(),
  findings: z.array(Finding).max(100),
  document_id: z.uuid().nullish(),
};

type Split = {
  stakeholders_total?: number | null;
  stakeholders_female?: number | null;
  stakeholders_male?: number | null;
};

/** Women and men consulted cannot outnumber everyone consulted. */
function checkSplit(e: Split, ctx: z.RefinementCtx) {
  const { stakeholders_total: total, stakeholders_female: f, stakeholders_male: m } = e;
  if (total != null && (f ?? 0) + (m ?? 0) > total) {
    ctx.addIssue({
      code: 'custom',
      path: ['stakeholders_total'],
      message: `is less than female + male (${(f ?? 0) + (m ?? 0)})`,
    });
  }
}

export const EvaluationCreate = z
  .object({
    ...ownedCreateFields,
    ...fields,
    type: fields.type.default('final'),
    independent: fields.independent.default(true),
    evaluators: fields.evaluators.default([]),
    methods: fields.methods.default([]),
    field_missions: fields.field_missions.default([]),
    findings: fields.findings.default([]),
  })
  .superRefine(checkSplit);
export const EvaluationUpdate = updateOf(fields).superRefine(checkSplit);

export const Evaluation = z
  .object({
    ...ownedResponseFields,
    completeness: Completeness,
    title: z.string(),
    type: z.string(),
    independent: z.boolean(),
    evaluators: z.array(z.string()),
    methods: z.array(z.string()),
    field_missions: z.array(z.string()),
    stakeholders_total: z.number().nullable(),
    stakeholders_female: z.number().nullable(),
    stakeholders_male: z.number().nullable(),
    completed_on: z.string().nullable(),
    summary: z.string().nullable(),
    findings: z.array(z.object({ criterion: z.string(), text: z.string(), rating: z.string().nullish() })),
    document_id: z.string().nullable(),
  })
  .meta({ id: 'Evaluation' });

export const EvaluationListQuery = OwnedListQuery.extend({
  ...incompleteFilter,
  type: fields.type.optional(),
  criterion: z
    .enum(EVALUATION_CRITERIA)
    .optional()
    .describe('Only evaluations with a finding on this criterion'),
});
