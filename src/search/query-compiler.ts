// Compiles each word or phrase of a query into its English, Spanish and French stems and the
// countries, themes and organisations it names. What a word compiles to changes only when a name
// does, so compiled words are kept per database and reused without a round trip, until the names
// version (migration 035) says a name changed: search checks it in the statement it runs anyway.
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { ParsedQuery, QueryClause } from './query-parser.ts';

/** One word or phrase: its stems in three languages, and the countries, themes and organisations it names. */
export interface CompiledClause {
  q: string;
  countries: string[];
  themes: string[];
  orgs: string[];
}

export interface CompiledQuery {
  /** Every group must match; a group matches when any of its clauses does. */
  groups: CompiledClause[][];
  excluded: CompiledClause[];
  /** The OR of every wanted stem, for ranking and snippets ('' when the query only names things). */
  rankQuery: string;
  /** Everything the wanted words name, for the ranking bonus. */
  named: { countries: string[]; themes: string[]; orgs: string[] };
  /** The names version the words were compiled at. */
  namesVersion: number;
}

// A word also finds the full names of the organisations it is the acronym of (migration 032).
function clauseQuery(c: QueryClause): Sql {
  if (c.type === 'phrase') return sql`search_phrase_query(${c.text})`;
  return sql`search_term_query(${c.text}) || search_acronym_query(${c.text})`;
}

// A word often has the same stem in two or three languages ('health' | 'health' | 'health').
// Matching and ranking give the same answers with each alternative once, but the planner counted
// each copy (expecting three times the matches, it read the whole table rather than the index),
// and ranking evaluated each: for the USAID activities, a third of the time.
const LEXEMES = /^'(?:[^']|'')*'(?: (?:&|<->|<\d+>) '(?:[^']|'')*')*$/;

/** The alternatives of a query of alternatives, each a lexeme or an AND or phrase of lexemes; else null. */
function alternatives(q: string): string[] | null {
  const parts = q.split(' | ');
  return parts.every((p) => LEXEMES.test(p)) ? parts : null;
}

const LEXEME = /^'(?:[^']|'')*'$/;

/**
 * An alternative that holds a hyphenated word, with the word whole and without its parts. A record
 * is indexed with the whole and its parts alike ('Anti-Corruption': 'anti-corrupt', 'anti',
 * 'corrupt'), so the whole alone finds the same records. The planner takes the three for
 * independent: it expected 78 of the bench registry's 600,000 entries to hold all three rather
 * than 17,002, and planned for that (reading 14,868 pages, 100-200 ms, where 463 would do). Only
 * lexemes that a segment of the whole begins with, or that begin with one, count as its parts.
 */
function wholeWords(alternative: string): string {
  const lexemes = alternative.split(' & ');
  if (lexemes.length < 2 || !lexemes.every((l) => LEXEME.test(l))) return alternative;
  const segmentsOf = (l: string) => l.slice(1, -1).split('-').filter(Boolean);
  // 'covid' & '-19' is a word and a negative number, not a hyphenated word.
  const wholes = lexemes.filter((l) => segmentsOf(l).length > 1);
  const segments = wholes.flatMap(segmentsOf);
  const isPart = (l: string) => {
    const text = l.slice(1, -1);
    return !wholes.includes(l) && segments.some((s) => s.startsWith(text) || text.startsWith(s));
  };
  return wholes.length ? lexemes.filter((l) => !isPart(l)).join(' & ') : alternative;
}

/** `q` with each of its alternatives once, hyphenated words whole, when it is a plain OR of them. */
function withoutRepeats(q: string): string {
  const parts = alternatives(q);
  return parts ? [...new Set(parts.map(wholeWords))].join(' | ') : q;
}

const isEmpty = (c: CompiledClause) => !c.q && !c.countries.length && !c.themes.length && !c.orgs.length;

/** Compiled words per database, all at one names version; a bound keeps odd queries from growing it. */
interface Compiled {
  version: number;
  clauses: Map<string, CompiledClause>;
}
const MAX_KEPT = 5_000;
const kept = new WeakMap<Queryable, Compiled>();
const keyOf = (c: QueryClause) => `${c.type}:${c.text}`;

/** Forgets what was compiled on this database (the names changed). */
export function forgetCompiled(db: Queryable): void {
  kept.delete(db);
}

async function compileClauses(db: Queryable, clauses: QueryClause[]): Promise<Compiled> {
  const known = kept.get(db);
  const cached = clauses.map((c) => known?.clauses.get(keyOf(c)));
  if (known && cached.every(Boolean)) return known;
  // Planned once per connection (db/prepared.ts): the same functions whatever the words.
  const rows = await db.queryReused<CompiledClause & { i: number; version: number }>(
    sql.join(
      clauses.map(
        (c, i) => sql`SELECT ${i}::int AS i, (${clauseQuery(c)})::text AS q, m.countries, m.themes,
          m.orgs::text[] AS orgs, search_names_version() AS version FROM search_concept_matches(${c.text}) m`,
      ),
      ' UNION ALL ',
    ),
  );
  const version = rows[0]!.version;
  const fresh: Compiled =
    known?.version === version && known.clauses.size < MAX_KEPT ? known : { version, clauses: new Map() };
  // This query's words, and those that match something for the next queries: a query of stop words
  // only is answered without the statement that checks the version, so those are not kept.
  const now: Compiled = { version, clauses: new Map() };
  for (const r of rows) {
    const clause = { q: withoutRepeats(r.q), countries: r.countries, themes: r.themes, orgs: r.orgs };
    now.clauses.set(keyOf(clauses[r.i]!), clause);
    if (!isEmpty(clause)) fresh.clauses.set(keyOf(clauses[r.i]!), clause);
  }
  kept.set(db, fresh);
  return now;
}

/**
 * Compiles a parsed query, in one round trip at most. A word that is a stop word in any language
 * and names nothing is dropped, because records in that language could never contain it.
 */
export async function compileQuery(db: Queryable, parsed: ParsedQuery): Promise<CompiledQuery | null> {
  const clauses = [...parsed.groups.flat(), ...parsed.excluded];
  if (!clauses.length) return null;
  const compiled = await compileClauses(db, clauses);
  const of = (c: QueryClause) => compiled.clauses.get(keyOf(c))!;
  const groups = parsed.groups.map((g) => g.map(of).filter((c) => !isEmpty(c))).filter((g) => g.length > 0);
  const excluded = parsed.excluded.map(of).filter((c) => !isEmpty(c));
  if (!groups.length) return null;
  const wanted = groups.flat();
  const union = (key: 'countries' | 'themes' | 'orgs') => [...new Set(wanted.flatMap((c) => c[key]))];
  const texts = wanted.map((c) => c.q).filter(Boolean);
  const flat = texts.map(alternatives);
  return {
    groups,
    excluded,
    rankQuery: flat.every(Boolean)
      ? [...new Set(flat.flat())].join(' | ')
      : texts.map((q) => `(${q})`).join(' | '),
    named: { countries: union('countries'), themes: union('themes'), orgs: union('orgs') },
    namesVersion: compiled.version,
  };
}
