// Request and response shapes of /api/v1/coordination: overlaps, duplicates, the 3W matrix,
// gaps and concentration, timeline and map.
import { z } from 'zod';
import { CountryCode, CurrencyCode, csv, DacCode, Id, PartialDate, ThemeSlug } from '../server/schemas.ts';

const OrgRef = z
  .union([Id, z.string().min(1).max(300)])
  .describe('An organisation id, or its name, acronym or alias');

export const OverlapRequest = z
  .object({
    project_id: Id.optional().describe('An existing project; or describe a draft with the fields below'),
    title: z.string().max(1000).optional(),
    description: z.string().max(20000).optional(),
    countries: z
      .array(CountryCode)
      .max(250)
      .optional()
      .describe('Found in the title and description when left out'),
    themes: z
      .array(ThemeSlug)
      .max(50)
      .optional()
      .describe('Found in the title and description when left out'),
    dac_codes: z.array(DacCode).max(50).optional(),
    partners: z.array(OrgRef).max(100).optional().describe('Partner and beneficiary institutions'),
    funders: z.array(OrgRef).max(20).optional(),
    start: PartialDate.optional(),
    end: PartialDate.optional(),
    exclude_same_donor: z.boolean().default(false),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .refine((r) => r.project_id || r.title || r.description || r.countries?.length || r.themes?.length, {
    message: 'give a project_id, or a draft with at least a title, description, countries or themes',
  });
export type OverlapRequest = z.infer<typeof OverlapRequest>;

const Named = z.object({ code: z.string(), name: z.string() });

export const OverlapReasons = z.object({
  countries: z.array(Named),
  regions: z
    .array(z.object({ name: z.string(), countries: z.array(z.string()) }))
    .describe(
      'Regions that place the project with the draft without a shared country (a regional project holding ' +
        'its countries, or its region holding the project’s), each with the countries it brings together',
    ),
  themes: z.array(Named),
  dac_codes: z.array(Named),
  institutions: z.array(z.object({ org_id: z.string(), name: z.string(), roles: z.array(z.string()) })),
  dates: z.object({ start: z.string().nullable(), end: z.string().nullable() }).nullable(),
  text: z.object({ similarity: z.number(), phrases: z.array(z.string()) }).nullable(),
});
export type OverlapReasons = z.infer<typeof OverlapReasons>;

/** A project as coordination answers name it: the overlaps, the country brief. */
export const ProjectHeading = z.object({
  id: z.string(),
  title: z.string(),
  code: z.string().nullable(),
  status: z.string(),
  start: z.string().nullable(),
  end: z.string().nullable(),
});

export const Overlap = z.object({
  project: ProjectHeading.extend({
    iati_identifier: z.string().nullable(),
    countries: z.array(Named),
    regions: z.array(z.string()),
    donors: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('Funders, else the owner of a project that names none'),
    owner_org: z.object({ id: z.string(), name: z.string() }),
  }),
  score: z.number(),
  reasons: OverlapReasons,
  likely_duplicate: z.boolean(),
});
export type Overlap = z.infer<typeof Overlap>;

export const OverlapResponse = z.object({
  draft: z.object({
    countries: z.array(z.string()),
    themes: z.array(z.string()),
    dac_codes: z.array(z.string()),
  }),
  items: z.array(Overlap),
});

export const AnalyticsQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2200)
    .optional()
    .describe('Projects running at some time in this year'),
  status: csv(z.string()).optional(),
  country: csv(CountryCode).optional(),
  theme: csv(ThemeSlug).optional(),
  dac: csv(DacCode).optional(),
  role: csv(z.string()).optional().describe('Participant roles that count as "who" (default: all)'),
  currency: CurrencyCode.default('USD'),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

export const GapsQuery = AnalyticsQuery.extend({
  by: z
    .enum(['country', 'region'])
    .default('country')
    .describe('Gaps per country, or per region as the projects name it ("Central America")'),
});
export type GapsQuery = z.infer<typeof GapsQuery>;

/** Cells in one page of the matrix as JSON when no limit is named. */
export const MATRIX_PAGE = 2000;

export const MatrixDimension = z.enum(['country', 'theme']);
export type MatrixDimension = z.infer<typeof MatrixDimension>;

export const MatrixQuery = AnalyticsQuery.extend({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  dimensions: csv(MatrixDimension)
    .default(['country', 'theme'])
    .describe(
      'What cells are split by besides the organisation (country, theme, both or none). A dimension left ' +
        'out is summed over: its column is null and each project counts once per cell, e.g. ' +
        '?dimensions=country gives organisation × country without counting a project once per theme.',
    ),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe(
      `Cells per page, largest budget first (default ${MATRIX_PAGE.toLocaleString('en')} as JSON; CSV and Excel give every cell unless a limit is named)`,
    ),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Cells to skip: the next page starts at offset + limit'),
});

export const MatrixCell = z.object({
  org_id: z.string(),
  organisation: z.string(),
  country: z.string().nullable(),
  country_name: z.string().nullable(),
  theme: z.string().nullable(),
  theme_label: z.string().nullable(),
  projects: z.number(),
  budget: z.number(),
  budgeted: z
    .number()
    .describe(
      'How many of the projects state a budget: with none the budget is unknown (blank in CSV and Excel), not 0',
    ),
});
export type MatrixCell = z.infer<typeof MatrixCell>;

const RateNote = z.object({
  source: z.string(),
  missing: z.array(z.string()).describe('Currencies without an exchange rate, left out of budgets'),
});

export const MatrixResponse = z.object({
  currency: z.string(),
  dimensions: z.array(MatrixDimension),
  rates: RateNote,
  total: z.number().int().describe('Cells in the whole matrix; `cells` is the page from `offset`'),
  offset: z.number().int(),
  cells: z.array(MatrixCell),
});

export const SummaryQuery = AnalyticsQuery.pick({ country: true, theme: true, dac: true, status: true });
export type SummaryQuery = z.infer<typeof SummaryQuery>;

const Count = z.number().int();

export const SummaryResponse = z
  .object({
    projects: Count.describe('Projects you may see that pass the filters'),
    active: Count.describe(
      'Of those, the projects active today: their dates say they run, their status that they are under way',
    ),
    countries: z.array(z.object({ country: z.string(), name: z.string(), projects: Count })),
    themes: z.array(z.object({ theme: z.string(), label: z.string(), projects: Count })),
    donors: z
      .array(z.object({ org_id: z.string(), name: z.string(), projects: Count }))
      .describe('Funders, else the owner of a project that names no funder'),
    recent: z
      .array(z.object({ id: z.string(), title: z.string(), owner_name: z.string(), updated_at: z.string() }))
      .describe('The projects changed last'),
  })
  .meta({ id: 'RegistrySummary' });

export const MapResponse = z.object({
  currency: z.string(),
  rates: RateNote,
  countries: z.array(
    z.object({
      country: z.string(),
      name: z.string(),
      projects: Count,
      budget: z.number(),
      budgeted: Count.describe(
        'How many of the projects state a budget: with none the budget is unknown, not 0',
      ),
    }),
  ),
});

export const GapCell = z.object({
  theme: z.string(),
  label: z.string(),
  projects: Count,
  donors: Count,
  budget: z.number(),
  hhi: z.number().nullable().describe('Herfindahl index of the donors’ shares: 1 is one donor'),
  gap: z.enum(['none', 'little']).nullable(),
});

export const GapsResponse = z.object({
  currency: z.string(),
  status: z
    .array(z.string())
    .describe(
      'The statuses counted; without a status filter ["active"]: projects active today by their dates, the status a hint (an ended project is not active)',
    ),
  by: GapsQuery.shape.by.unwrap(),
  countries: z.array(z.object({ country: z.string(), name: z.string(), themes: z.array(GapCell) })),
  regions: z.array(z.object({ region: z.string(), themes: z.array(GapCell) })),
});

export const TimelineResponse = z.object({
  truncated: z.boolean().describe('More projects than the timeline shows'),
  countries: z.array(
    z.object({
      country: z.string(),
      name: z.string(),
      projects: z.array(
        z.object({
          country: z.string(),
          id: z.string(),
          title: z.string(),
          status: z.string(),
          start: z.string().nullable(),
          end: z.string().nullable(),
          ongoing: z.boolean(),
        }),
      ),
      active_by_year: z.array(z.object({ year: z.number().int(), active: Count })),
    }),
  ),
});
