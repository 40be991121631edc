// Requests and replies of the evaluation criteria portfolio.
import { z } from 'zod';

export const CriteriaQuery = z.object({
  by: z
    .enum(['all', 'theme', 'region'])
    .default('all')
    .describe('Group by the evaluated project’s theme or region'),
  format: z.enum(['json', 'csv']).default('json'),
});

export const CriteriaPortfolio = z
  .object({
    by: z.string(),
    groups: z.array(
      z.object({
        key: z.string().nullable().describe('Theme slug or region name; null: none, or the whole portfolio'),
        label: z.string().nullable(),
        criteria: z.array(
          z.object({
            criterion: z.string(),
            findings: z.number().int(),
            rated: z.number().int(),
            weak: z.number().int().describe('Rated moderately unsatisfactory or below'),
            weak_share: z.number().nullable().describe('weak / rated; null when none is rated'),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CriteriaPortfolio' });
