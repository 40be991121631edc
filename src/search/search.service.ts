// Search rules: parse the query, expand acronyms to full names, page with an opaque cursor, make
// snippets safe to put in a page, and label facet values.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { parseSearchQuery, queryWords } from './query-parser.ts';
import {
  compileTsQuery,
  countFacets,
  findHits,
  findOrganisationNames,
  type HitRow,
  MARK_END,
  MARK_START,
  organisationNames,
} from './search.repository.ts';
import {
  FACETS,
  type FacetName,
  type FacetValue,
  type SearchHit,
  type SearchQuery,
  type SearchResponse,
} from './search.schema.ts';

const MAX_OFFSET = 10_000;
const FACET_VALUES = 30;

// Relevance has no stable key to resume after, so the cursor is a position in the ranking.
function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const m = /^o:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!m) throw errors.invalidField('cursor', 'is not a cursor this API gave out; start again without it');
  return Number(m[1]);
}
const encodeOffset = (n: number) => Buffer.from(`o:${n}`).toString('base64url');

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** Escapes the text, then turns the highlight marks into <mark> elements. */
export function renderSnippet(headline: string): string {
  return escapeHtml(headline.replace(/\s+/g, ' ').trim())
    .replaceAll(MARK_START, '<mark>')
    .replaceAll(MARK_END, '</mark>');
}

function toHit(r: HitRow): SearchHit {
  return {
    kind: r.kind as SearchHit['kind'],
    id: r.record_id,
    project_id: r.project_id,
    title: r.title,
    snippet: renderSnippet(r.headline ?? ''),
    date: r.sort_date,
    countries: r.countries,
    themes: r.themes,
    status: r.status,
    score: r.score,
    language: r.language,
    rank: Math.round(r.rank * 10000) / 10000,
  };
}

function labelOf(facet: FacetName, value: string, orgs: Map<string, string>): string {
  if (facet === 'country') return vocabularies.countries().get(value)?.names.en ?? value;
  if (facet === 'theme') return vocabularies.themes().get(value)?.labels.en ?? value;
  if (facet === 'dac') return vocabularies.dacCodes().get(value)?.name ?? value;
  if (facet === 'organisation') return orgs.get(value) ?? value;
  return value;
}

export const searchService = {
  async search(db: Queryable, viewer: Viewer, q: SearchQuery): Promise<SearchResponse> {
    const parsed = parseSearchQuery(q.q);
    if (!parsed.groups.length && parsed.excluded.length)
      throw errors.invalidField('q', 'needs at least one word to look for besides the -exclusions');
    const tsquery = await compileTsQuery(db, parsed, await findOrganisationNames(db, queryWords(parsed)));
    const offset = decodeOffset(q.cursor);
    if (offset > MAX_OFFSET)
      throw errors.invalidField('cursor', `pages stop after ${MAX_OFFSET} results; narrow the search`);
    const byDate = q.sort === 'date' || !tsquery;
    const searched = parsed.groups.length > 0;
    const [rows, counts] =
      searched && !tsquery
        ? [[], []]
        : await Promise.all([
            findHits(db, viewer, q, tsquery, { offset, limit: q.limit, byDate }),
            countFacets(db, viewer, q, tsquery),
          ]);

    const orgIds = counts.filter((c) => c.facet === 'organisation').map((c) => c.value);
    const orgs = await organisationNames(db, orgIds);
    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<
      FacetName,
      FacetValue[]
    >;
    for (const c of counts)
      facets[c.facet].push({ value: c.value, label: labelOf(c.facet, c.value, orgs), count: c.n });
    for (const f of FACETS) {
      const byYear = f === 'year';
      facets[f].sort((a, b) =>
        byYear ? b.value.localeCompare(a.value) : b.count - a.count || a.label.localeCompare(b.label),
      );
      facets[f] = facets[f].slice(0, FACET_VALUES);
    }
    const total = counts.filter((c) => c.facet === 'kind').reduce((sum, c) => sum + c.n, 0);
    return {
      total,
      items: rows.slice(0, q.limit).map(toHit),
      facets,
      next_cursor: rows.length > q.limit ? encodeOffset(offset + q.limit) : null,
    };
  },
};
