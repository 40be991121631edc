// Response shape of GET /api/v1/countries/{code}/brief as JSON (the same route prints it as HTML).
import { z } from 'zod';
import { GapCell, ProjectHeading } from '../coordination/coordination.schema.ts';

const Tally = {
  projects: z.number().int(),
  budget: z
    .number()
    .nullable()
    .describe('In the brief’s currency; null where no project counted states a budget'),
};
const ProjectRef = z.object({ id: z.string(), title: z.string() });

export const BriefProject = ProjectHeading.extend({
  ongoing: z.boolean(),
  themes: z.array(z.string()),
  donors: z.array(z.object({ id: z.string(), name: z.string() })),
  budget: z
    .number()
    .nullable()
    .describe("The project's budget share for this country, in the brief's currency"),
});

export const CountryBrief = z.object({
  country: z.object({
    code: z.string(),
    name: z.string(),
    names: z.object({ en: z.string(), es: z.string(), fr: z.string() }),
  }),
  currency: z.string(),
  language: z.enum(['en', 'es', 'fr']).describe('The language of theme labels (and of the printed page)'),
  generated_at: z.string(),
  active: z.object({
    projects: z
      .array(BriefProject)
      .describe('Projects active today: dates say they run, status that they are under way'),
    budget: z.number().nullable().describe('Their budget shares summed; null when none states a budget'),
    by_theme: z.array(z.object({ theme: z.string(), label: z.string(), ...Tally })),
    by_donor: z.array(z.object({ org_id: z.string(), name: z.string(), ...Tally })),
  }),
  overlaps: z.array(z.object({ a: ProjectRef, b: ProjectRef, themes: z.array(z.string()) })),
  gaps: z.array(z.object({ theme: z.string(), label: z.string(), gap: z.enum(['none', 'little']) })),
  concentration: z.array(GapCell),
  open_recommendations: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      status: z.string(),
      category: z.string().nullable(),
      management_response: z.string().nullable(),
      project_id: z.string().nullable(),
      project_title: z.string().nullable(),
      next_due: z.string().nullable(),
    }),
  ),
  recurring_lessons: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      type: z.string(),
      themes: z.array(z.string()),
      project_id: z.string().nullable(),
      project_title: z.string().nullable(),
      recurs_in: z.number().int().describe('Other projects with a similar lesson'),
    }),
  ),
});
