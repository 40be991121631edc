// The kinds of owned record (an owner, a visibility, a share list, an embargo) and their tables, in one
// place: sharing, soft delete, merges and the search's withheld fields take their tables from here, and
// the architecture test its list of tables only the access filter may read.

/** Every owned kind and its table, in the order the trash and the merges walk them. */
export const OWNED_TABLES = {
  project: 'projects',
  document: 'documents',
  review: 'reviews',
  evaluation: 'evaluations',
  recommendation: 'recommendations',
  lesson: 'lessons',
  meeting: 'meetings',
  assessment: 'assessments',
} as const;

export type OwnedKind = keyof typeof OWNED_TABLES;
export type OwnedTable = (typeof OWNED_TABLES)[OwnedKind];

/** The kinds as a tuple (for `z.enum`), in the map's order. */
export const OWNED_KINDS = Object.keys(OWNED_TABLES) as [OwnedKind, ...OwnedKind[]];

/** The tables, in the map's order. */
export const OWNED_TABLE_NAMES = Object.values(OWNED_TABLES) as OwnedTable[];
