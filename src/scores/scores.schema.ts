// Request and response shapes of scores: a project's score history with its flags, and the
// portfolio's distribution of marks by donor, country, theme or year.
import { z } from 'zod';
import { FLAG_RULES } from './flags.ts';
import { isOnScale } from './score-scales.ts';

const ScaleName = z.enum(['uk_annual_review', 'cssf_numeric', 'six_point']);

const ScoreValue = z
  .object({
    mark: z.string(),
    scale: ScaleName,
    parts: z.array(z.string()).describe('The marks a mixed mark such as A/B is made of'),
    value: z.number().nullable().describe('Position on its own scale; never compare across scales'),
    normalised: z.number().nullable().describe('0 (worst mark) … 1 (best mark) of its own scale'),
  })
  .meta({ id: 'ScoreValue' });

const Explanation = z.object({ en: z.string(), es: z.string(), fr: z.string() });

export const ScoreFlag = z
  .object({
    rule: z.enum(FLAG_RULES),
    review_id: z.string(),
    period: z.string(),
    explanation: Explanation,
  })
  .meta({ id: 'ScoreFlag' });

export const ProjectScores = z
  .object({
    project_id: z.string(),
    periods: z.array(
      z.object({
        review_id: z.string(),
        kind: z.string(),
        period: z.string().describe('The period label, or its dates when it has none'),
        period_start: z.string().nullable(),
        period_end: z.string().nullable(),
        programme: ScoreValue.nullable(),
        outcome: ScoreValue.nullable(),
        outputs: z.array(
          z.object({ number: z.number().nullable(), title: z.string().nullable(), score: ScoreValue }),
        ),
        risk: z
          .object({ rating: z.string(), scale: z.string(), step: z.number(), steps: z.number() })
          .nullable(),
        flags: z.array(z.enum(FLAG_RULES)),
      }),
    ),
    flags: z.array(ScoreFlag),
  })
  .meta({ id: 'ProjectScores' });

export const PortfolioQuery = z
  .strictObject({
    by: z.enum(['donor', 'country', 'theme', 'year']).default('donor'),
    kind: z.enum(['programme', 'outcome', 'output']).default('programme'),
    scale: ScaleName.optional(),
    mark: z.string().trim().min(1).max(40).optional().describe('Count only this mark (needs scale)'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .superRefine((q, ctx) => {
    if (q.mark && !q.scale)
      ctx.addIssue({
        code: 'custom',
        path: ['scale'],
        message: 'is required with mark: name the mark’s scale',
      });
    else if (q.mark && q.scale && !isOnScale(q.scale, q.mark))
      ctx.addIssue({ code: 'custom', path: ['mark'], message: `"${q.mark}" is not on the ${q.scale} scale` });
  });

export const ScorePortfolio = z
  .object({
    by: z.string(),
    kind: z.string(),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('Organisation id, country code, theme slug or year; null: none'),
        label: z.string().nullable(),
        scales: z.array(
          z.object({
            scale: ScaleName,
            count: z.number(),
            mean_value: z.number().nullable().describe('Mean on this scale only, never across scales'),
            marks: z.array(z.object({ mark: z.string(), value: z.number().nullable(), count: z.number() })),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ScorePortfolio' });
