// The instrument definition: what an assessment tool is, as data. One schema validates the
// built-in files, the API, and JSON and XLSForm imports, so all of them refuse the same mistakes.
import { z } from 'zod';
import { AREA_RATINGS, SCALE_IDS } from './scales.ts';

const Text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max);

/** A text in English, with Spanish and French where translated. */
export const Localised = (max = 4000) =>
  z.strictObject({ en: Text(max), es: Text(max).optional(), fr: Text(max).optional() });
export type Localised = z.infer<ReturnType<typeof Localised>>;

/**
 * A text as a draft drawn from a Spanish or French document holds it: in that language only until
 * translated (publishing asks for English, as every other instrument has).
 */
export type DraftText = Partial<Localised>;

/** The text in English, else in the first language it is given in (for one-language outputs). */
export const firstText = (text: DraftText): string => text.en ?? text.es ?? text.fr ?? '';

/** XLSForm names: a letter or underscore, then letters, digits and underscores. */
const Name = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'must start with a letter and hold only letters, digits and _');

export const InstrumentKey = z
  .string()
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'must be lowercase letters and digits joined by hyphens (e.g. heuni-checklist)',
  )
  .max(80);

export const SUBJECT_TYPES = ['project', 'organisation', 'country'] as const;
/** What Tacit can pre-fill a question from, for an assessment of a project. */
export const PREFILL_SOURCES = ['overlaps', 'monitoring', 'civil_society', 'timetable'] as const;
export const AGGREGATIONS = ['average', 'weakest_link', 'conversion_table'] as const;
const LETTERS = ['A', 'B', 'C', 'D'] as const;

const Weight = z.number().positive('must be more than 0').max(100).default(1);

/** Areas, questions and the definition, with texts of the kind given (English required, or any one language). */
function definitionSchemas<T extends z.ZodType<DraftText>>(text: (max?: number) => T) {
  const Question = z.strictObject({
    id: Name,
    number: Text(20).optional().describe('The number the source gives it, e.g. "5" or the indicator "2a"'),
    text: text(),
    guidance: text().optional(),
    scale: z.enum(SCALE_IDS),
    weight: Weight,
    prefill: z.enum(PREFILL_SOURCES).optional().describe('What Tacit pre-fills it from, for a project'),
  });
  const Area = z.strictObject({
    id: Name,
    title: text(),
    description: text().optional(),
    weight: Weight,
    aggregation: z.enum(AGGREGATIONS),
    conversion_table: z.array(ConversionRow).max(100).optional(),
    questions: z.array(Question).min(1).max(200),
  });
  const Definition = z
    .strictObject({
      key: InstrumentKey,
      title: text(300),
      description: text().optional(),
      source: text().optional().describe('Where the instrument comes from'),
      subjects: z.array(z.enum(SUBJECT_TYPES)).min(1).max(3),
      overall: z.enum(['average', 'weakest_link', 'none']),
      areas: z.array(Area).min(1).max(50),
    })
    .superRefine(checkConsistency);
  return { Question, Area, Definition };
}

export const ConversionRow = z.strictObject({
  when: z.array(z.enum(LETTERS)).min(1).max(6).describe('The criteria ratings, in any order'),
  rating: z.enum(Object.keys(AREA_RATINGS) as [string, ...string[]]),
});

const withEnglish = definitionSchemas(Localised);
export const Question = withEnglish.Question;
export type Question = z.infer<typeof Question>;
export const Area = withEnglish.Area;
export type Area = z.infer<typeof Area>;
/** An instrument as written, imported or edited: every text in English, Spanish and French where translated. */
export const InstrumentDefinition = withEnglish.Definition.meta({ id: 'InstrumentDefinition' });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;

/** A text in at least one of the three languages: a draft's, in its document's language until translated. */
export const AnyLanguage = (max = 4000) =>
  z
    .strictObject({ en: Text(max).optional(), es: Text(max).optional(), fr: Text(max).optional() })
    .refine((t) => Boolean(t.en ?? t.es ?? t.fr), 'needs a text in en, es or fr');

/** An instrument as stored and answered: a draft's texts may lack English (publishing asks for it). */
export const StoredDefinition = definitionSchemas(AnyLanguage).Definition.meta({ id: 'StoredDefinition' });
export type StoredDefinition = z.infer<typeof StoredDefinition>;

function multisetKey(letters: readonly string[]): string {
  return [...letters].sort().join('');
}

/** How many different sets of n ratings from A–D there are: every one needs a row. */
function combinations(n: number): number {
  let c = 1;
  for (let i = 1; i <= 3; i++) c = (c * (n + i)) / i;
  return c;
}

type Ctx = z.RefinementCtx;
/** What the consistency checks read of an area, whatever the kind of its texts. */
type CheckedArea = Pick<Area, 'id' | 'aggregation' | 'conversion_table'> & {
  questions: Pick<Question, 'id' | 'scale' | 'prefill'>[];
};

function checkConversionTable(area: CheckedArea, path: (string | number)[], ctx: Ctx) {
  const table = area.conversion_table;
  if (area.aggregation !== 'conversion_table') {
    if (table)
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'conversion_table'],
        message: 'is only read when aggregation is conversion_table',
      });
    return;
  }
  if (!table?.length) {
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'conversion_table'],
      message: 'is required when aggregation is conversion_table',
    });
    return;
  }
  const scored = area.questions.filter((q) => q.scale !== 'free_text');
  scored.forEach((q, i) => {
    if (q.scale !== 'a_to_d')
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'questions', area.questions.indexOf(q), 'scale'],
        message: `must be a_to_d in an area rated by a conversion table (question ${i + 1} of the area)`,
      });
  });
  const seen = new Set<string>();
  table.forEach((row, i) => {
    if (row.when.length !== scored.length)
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'conversion_table', i, 'when'],
        message: `must hold ${scored.length} ratings, one per scored question of the area`,
      });
    const key = multisetKey(row.when);
    if (seen.has(key))
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'conversion_table', i, 'when'],
        message: `repeats the ratings ${row.when.join(', ')}`,
      });
    seen.add(key);
  });
  if (
    seen.size === table.length &&
    table.every((r) => r.when.length === scored.length) &&
    seen.size < combinations(scored.length)
  )
    ctx.addIssue({
      code: 'custom',
      path: [...path, 'conversion_table'],
      message: `must give a rating for each of the ${combinations(scored.length)} sets of ${scored.length} ratings; it has ${seen.size}`,
    });
}

function checkConsistency(def: { areas: CheckedArea[] }, ctx: Ctx) {
  const areaIds = new Set<string>();
  const questionIds = new Set<string>();
  def.areas.forEach((area, a) => {
    if (areaIds.has(area.id) || questionIds.has(area.id))
      ctx.addIssue({
        code: 'custom',
        path: ['areas', a, 'id'],
        message: `"${area.id}" is used twice; every area and question needs its own id`,
      });
    areaIds.add(area.id);
    area.questions.forEach((q, i) => {
      if (questionIds.has(q.id) || areaIds.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['areas', a, 'questions', i, 'id'],
          message: `"${q.id}" is used twice; every area and question needs its own id`,
        });
      questionIds.add(q.id);
      if (q.prefill && q.scale === 'free_text')
        ctx.addIssue({
          code: 'custom',
          path: ['areas', a, 'questions', i, 'prefill'],
          message: 'needs a scored question, not free text',
        });
    });
    if (area.questions.every((q) => q.scale === 'free_text') && area.aggregation !== 'average')
      ctx.addIssue({
        code: 'custom',
        path: ['areas', a, 'aggregation'],
        message: 'must be average for an area of free-text questions only',
      });
    checkConversionTable(area, ['areas', a], ctx);
  });
}

/** Every text of a definition with the path it sits at, for translation checks. */
export function localisedTexts(def: InstrumentDefinition): { path: string; text: Localised }[] {
  const out: { path: string; text: Localised }[] = [{ path: 'title', text: def.title }];
  if (def.description) out.push({ path: 'description', text: def.description });
  if (def.source) out.push({ path: 'source', text: def.source });
  def.areas.forEach((area, a) => {
    out.push({ path: `areas.${a}.title`, text: area.title });
    if (area.description) out.push({ path: `areas.${a}.description`, text: area.description });
    area.questions.forEach((q, i) => {
      out.push({ path: `areas.${a}.questions.${i}.text`, text: q.text });
      if (q.guidance) out.push({ path: `areas.${a}.questions.${i}.guidance`, text: q.guidance });
    });
  });
  return out;
}
