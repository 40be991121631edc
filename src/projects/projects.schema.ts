// Request and response shapes of projects, declared once: they validate input, type the code and
// document the API.
import { z } from 'zod';
import { Completeness, completenessFilters } from '../quality/quality.schema.ts';
import { isProjectScore } from '../reference/scales.ts';
import {
  CountryCode,
  CurrencyCode,
  csv,
  DacCode,
  Id,
  IsoDate,
  ListQuery,
  PartialDate,
  RecordVisibility,
  ThemeSlug,
  Version,
} from '../server/schemas.ts';
import { sharingInputFields, sharingResponseFields } from '../sharing/sharing.schema.ts';

export const ProjectStatus = z.enum([
  'pipeline',
  'active',
  'finalisation',
  'closed',
  'cancelled',
  'suspended',
]);
export const ParticipantRole = z.enum([
  'funder',
  'lead',
  'implementer',
  'partner',
  'beneficiary',
  'evaluator',
  'accountable',
  'extending',
  'counterpart',
  'other',
]);
const Score = z.string().trim().refine(isProjectScore, {
  message:
    'is not a score on the UK annual review scale (A++, A+, A, B+, B, C, or mixed such as A/B) or CSSF 1-4',
});
const Share = z.number().gt(0, 'must be more than 0').max(100, 'must be at most 100');
const Text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

const CountryShare = z.union([
  CountryCode.transform((code) => ({ code, share: null as number | null })),
  z.object({ code: CountryCode, share: Share.nullish().transform((s) => s ?? null) }),
]);
const DacShare = z.union([
  DacCode.transform((code) => ({ code, share: null as number | null })),
  z.object({ code: DacCode, share: Share.nullish().transform((s) => s ?? null) }),
]);

export const BudgetLine = z.object({
  amount: z.number({ message: 'must be a number' }).nonnegative('must not be negative').finite(),
  currency: CurrencyCode,
  category: z.enum(['ODA', 'non-ODA']).nullish(),
  period_start: IsoDate.nullish(),
  period_end: IsoDate.nullish(),
  value_date: IsoDate.nullish(),
  label: Text(300).nullish(),
});

export const ParticipantInput = z
  .object({
    org_id: Id.optional(),
    name: Text(300)
      .optional()
      .describe('Resolved against names, acronyms and aliases of registered organisations'),
    role: ParticipantRole,
  })
  .refine((p) => p.org_id || p.name, { message: 'needs org_id or name' });

export const OutputInput = z.object({
  number: z.number().int().positive().nullish(),
  title: Text(1000),
  description: z.string().max(10_000).nullish(),
  score: Score.nullish(),
});

export const IndicatorInput = z.object({
  output_number: z.number().int().positive().nullish(),
  title: Text(1000),
  unit: z.string().max(100).nullish(),
  baseline_value: z.number().finite().nullish(),
  baseline_date: IsoDate.nullish(),
  target_value: z.number().finite().nullish(),
  target_date: IsoDate.nullish(),
  actual_value: z.number().finite().nullish(),
  actual_date: IsoDate.nullish(),
});

const fields = {
  owner_org_id: Id.optional().describe('Defaults to your organisation when you write for only one'),
  visibility: RecordVisibility,
  shared_with: sharingInputFields.shared_with.unwrap(),
  embargo_until: sharingInputFields.embargo_until.unwrap(),
  field_visibility: sharingInputFields.field_visibility.unwrap(),
  code: Text(100).nullish().describe("The owner's own code, e.g. XCAX75"),
  iati_identifier: Text(200).nullish(),
  title: Text(1000),
  description: z.string().max(50_000).nullish(),
  status: ProjectStatus,
  start: PartialDate.nullish(),
  end: PartialDate.nullish(),
  ongoing: z.boolean(),
  countries: z.array(CountryShare).max(250),
  regions: z
    .array(z.object({ name: Text(200), code: z.string().max(20).nullish(), share: Share.nullish() }))
    .max(50),
  themes: z.array(ThemeSlug).max(30),
  dac_codes: z.array(DacShare).max(100),
  budget: z.array(BudgetLine).max(500),
  participants: z.array(ParticipantInput).max(200),
  outputs: z.array(OutputInput).max(100),
  outcome: z.object({ statement: z.string().max(10_000).nullish(), score: Score.nullish() }).nullish(),
  indicators: z.array(IndicatorInput).max(500),
  language: z.enum(['en', 'es', 'fr']).nullish(),
  extra: z.record(z.string(), z.unknown()).optional(),
};

/** What a new project gets when a field is left out. */
const createFields = {
  ...fields,
  visibility: fields.visibility
    .optional()
    .describe(
      'Defaults to the owner organisation’s sharing default for records (`default_visibility`, network unless its administrators changed it)',
    ),
  shared_with: fields.shared_with.optional(),
  embargo_until: fields.embargo_until.optional(),
  field_visibility: fields.field_visibility.optional(),
  status: fields.status.default('active'),
  ongoing: fields.ongoing.default(false),
  countries: fields.countries.default([]),
  regions: fields.regions.default([]),
  themes: fields.themes.default([]),
  dac_codes: fields.dac_codes.default([]),
  budget: fields.budget.default([]),
  participants: fields.participants.default([]),
  outputs: fields.outputs.default([]),
  indicators: fields.indicators.default([]),
};

type Checked = {
  start?: string | null;
  end?: string | null;
  countries?: { code: string; share: number | null }[];
  dac_codes?: { code: string }[];
  themes?: string[];
};

/** Rules across fields: the end is not before the start; no code twice; shares add up to at most 100. */
function crossFieldRules(p: Checked, ctx: z.RefinementCtx) {
  if (p.start && p.end && p.end.padEnd(10, '~') < p.start) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `is before the start (${p.start})` });
  }
  const dupes = (list: string[] | undefined, path: string) => {
    const seen = new Set<string>();
    for (const v of list ?? []) {
      if (seen.has(v)) ctx.addIssue({ code: 'custom', path: [path], message: `lists ${v} twice` });
      seen.add(v);
    }
  };
  dupes(
    p.countries?.map((c) => c.code),
    'countries',
  );
  dupes(
    p.dac_codes?.map((c) => c.code),
    'dac_codes',
  );
  dupes(p.themes, 'themes');
  const total = (p.countries ?? []).reduce((s, c) => s + (c.share ?? 0), 0);
  if (total > 100.001)
    ctx.addIssue({
      code: 'custom',
      path: ['countries'],
      message: `shares add up to ${total}, more than 100`,
    });
}

export const ProjectCreate = z.object(createFields).superRefine(crossFieldRules);
export type ProjectCreate = z.infer<typeof ProjectCreate>;

export const ProjectUpdate = z
  .object(fields)
  .partial()
  .extend({ version: Version })
  .superRefine(crossFieldRules);
export type ProjectUpdate = z.infer<typeof ProjectUpdate>;

export const Project = z
  .object({
    id: Id,
    owner_org: z.object({ id: z.string(), name: z.string() }),
    ...sharingResponseFields,
    code: z.string().nullable(),
    iati_identifier: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    status: ProjectStatus,
    period: z.object({ start: z.string().nullable(), end: z.string().nullable(), ongoing: z.boolean() }),
    countries: z.array(z.object({ code: z.string(), name: z.string(), share: z.number().nullable() })),
    regions: z.array(
      z.object({ name: z.string(), code: z.string().nullable(), share: z.number().nullable() }),
    ),
    themes: z.array(z.string()),
    dac_codes: z.array(z.object({ code: z.string(), name: z.string(), share: z.number().nullable() })),
    budget: z
      .array(
        z.object({
          amount: z.number(),
          currency: z.string(),
          category: z.string().nullable(),
          period_start: z.string().nullable(),
          period_end: z.string().nullable(),
          value_date: z.string().nullable(),
          label: z.string().nullable(),
        }),
      )
      .nullable()
      .describe('null when withheld from you (see withheld_fields)'),
    participants: z.array(
      z.object({
        org_id: z.string(),
        name: z.string(),
        acronym: z.string().nullable(),
        role: ParticipantRole,
      }),
    ),
    outputs: z.array(
      z.object({
        number: z.number().nullable(),
        title: z.string(),
        description: z.string().nullable(),
        score: z.string().nullable(),
      }),
    ),
    outcome: z.object({ statement: z.string().nullable(), score: z.string().nullable() }),
    indicators: z.array(z.record(z.string(), z.unknown())),
    language: z.string().nullable(),
    extra: z.record(z.string(), z.unknown()),
    completeness: Completeness,
    version: z.number().int(),
    created_at: z.date(),
    updated_at: z.date(),
  })
  .meta({ id: 'Project' });
export type Project = z.infer<typeof Project>;

/** A listed project, and with a country filter, whether it is there itself or through a region. */
export const ProjectListItem = Project.extend({
  country_match: z
    .object({
      regional: z.boolean().describe('In none of the countries asked for, but in a region holding one'),
      regions: z.array(z.string()).describe('Its regions that hold a country asked for'),
    })
    .optional()
    .describe('Only when the list is filtered by country'),
}).meta({ id: 'ProjectListItem' });
export type ProjectListItem = z.infer<typeof ProjectListItem>;

export const ProjectListQuery = ListQuery.extend({
  country: csv(CountryCode)
    .optional()
    .describe(
      'ISO codes, comma-separated: any of them. Regional projects whose region holds one (Latin America for PE) are listed too, marked by country_match',
    ),
  theme: csv(ThemeSlug).optional(),
  dac: csv(DacCode).optional(),
  organisation: Id.optional().describe('Owner or participant'),
  role: ParticipantRole.optional().describe('With organisation: only this participant role'),
  status: csv(ProjectStatus).optional(),
  from: IsoDate.optional().describe('Active on or after this date'),
  to: IsoDate.optional().describe('Active on or before this date'),
  q: z.string().trim().min(1).max(200).optional().describe('Words in the title, code or identifier'),
  ...completenessFilters,
});
export type ProjectListQuery = z.infer<typeof ProjectListQuery>;
