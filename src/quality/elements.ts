// The completeness elements, read once from reference/completeness.json (data, not code), and the
// one rule that turns the elements a record has into its score and what it misses.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REFERENCE_DIR } from '../paths.ts';

export const ELEMENT_GROUPS = ['core', 'financial', 'value_added'] as const;

const Element = z.object({
  key: z.string().regex(/^[a-z_]+$/),
  group: z.enum(ELEMENT_GROUPS),
  weight: z.number().positive(),
  field: z.string().optional(),
});
export type CompletenessElement = z.infer<typeof Element>;

/** The kinds of record scored: projects, and the owned records that hold the registry's evidence. */
export const SCORED_KINDS = ['project', 'meeting', 'review', 'evaluation', 'recommendation'] as const;
export type ScoredKind = (typeof SCORED_KINDS)[number];

const elementList = z.array(Element).min(1);
const ElementsFile = z.object({
  about: z.string(),
  explained: z.record(z.enum(SCORED_KINDS), z.string()),
  ...(Object.fromEntries(SCORED_KINDS.map((k) => [k, elementList])) as Record<
    ScoredKind,
    typeof elementList
  >),
});

const FILE = ElementsFile.parse(
  JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'completeness.json'), 'utf8')),
);
/** Each kind's elements, in the order the file gives them. */
export const ELEMENTS: Readonly<Record<ScoredKind, readonly CompletenessElement[]>> = FILE;
/** Why each kind's elements are the ones they are, as the file says. */
export const ELEMENTS_EXPLAINED: Readonly<Record<string, string>> = FILE.explained;
export const PROJECT_ELEMENTS = ELEMENTS.project;

/** The keys of a kind's core elements: a record missing one is incomplete. */
export const coreKeys = (kind: ScoredKind) =>
  ELEMENTS[kind].filter((e) => e.group === 'core').map((e) => e.key);

export interface Completeness {
  score: number;
  incomplete: boolean;
  missing: { key: string; group: CompletenessElement['group']; weight: number }[];
  withheld: string[];
}

/**
 * A record's completeness as a viewer may know it: elements drawn from a field withheld from the
 * viewer count neither way (their presence would tell what the field holds) and are named as
 * withheld; the score is the share of the weight of the other elements that the record has,
 * rounded to a whole percentage. Incomplete: a core element is missing.
 */
export function completenessOf(
  present: readonly string[],
  withheldFields: readonly string[],
  elements: readonly CompletenessElement[] = PROJECT_ELEMENTS,
): Completeness {
  const has = new Set(present);
  const hidden = (e: CompletenessElement) => !!e.field && withheldFields.includes(e.field);
  const shown = elements.filter((e) => !hidden(e));
  const total = shown.reduce((s, e) => s + e.weight, 0);
  const got = shown.filter((e) => has.has(e.key)).reduce((s, e) => s + e.weight, 0);
  const missing = shown
    .filter((e) => !has.has(e.key))
    .map(({ key, group, weight }) => ({ key, group, weight }));
  return {
    score: total ? Math.round((100 * got) / total) : 100,
    incomplete: missing.some((m) => m.group === 'core'),
    missing,
    withheld: elements.filter(hidden).map((e) => e.key),
  };
}
