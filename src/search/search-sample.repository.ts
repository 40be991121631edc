// How much of the index a search reads: all of it, or a sample of its first buckets, and the
// counts scaled back to the whole index.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { CompiledQuery } from './query-compiler.ts';
import type { SearchQuery } from './search.schema.ts';
import { matching, SAMPLE_BUCKETS } from './search-match.repository.ts';

/**
 * How search trades exactness for speed. Up to about exactUpTo matches, everything is counted and
 * ranked. Beyond it, facets and the relevance ranking are worked out on a sample of about
 * sampleSize matches (whole buckets of the index), counts are scaled up and rounded, and the
 * response says it is approximate: exact counts of 100,000 matches cost seconds, and nobody reads
 * that far. Sorting by date stays exact: a sampled search's page by date is read by walking down
 * the date index when the sample says there are more than walkAbove matches, and from the matches
 * themselves otherwise. An index of up to smallIndex entries is always counted exactly: it is cheap.
 */
export interface Sampling {
  exactUpTo: number;
  sampleSize: number;
  smallIndex: number;
  walkAbove: number;
}

/** The buckets a search read: all SAMPLE_BUCKETS, or the first `buckets`, which hold `size` of the `entries`. */
export interface SampleRead {
  buckets: number;
  size: number;
  entries: number;
}

/** `n` matches of what a search read, scaled to the whole index (unrounded; `n` if it read it all). */
export function scaledToIndex(sample: SampleRead, n: number): number {
  return sample.buckets < SAMPLE_BUCKETS ? (n * sample.entries) / sample.size : n;
}

// The first buckets have GIN indexes of their own (migration 034), and the first bucket too, for
// the probe (migration 055); a sample that fits in them is read through them, a larger one (or the
// whole index) through the others.
export const INDEXED_BUCKETS = 16;
// The first bucket, as an equality: written `bucket < 1`, the planner combined the bucket index
// with the whole-index GIN (reading every match's row pointer: 2.5 ms for a common word on
// PostgreSQL) rather than with the first buckets' GIN (0.3 ms).
export const FIRST_BUCKET = [sql`e.bucket = 0`];

/**
 * How much of the index to read: all of it when the query matches few enough entries to count
 * exactly, else enough buckets for a sample. Matches in the first bucket predict the total, and the
 * buckets' sizes (kept by the index, migration 031) say how many buckets hold enough entries for
 * about sampleSize matches. A statement of its own, so the one that reads the matches names its
 * buckets as constants: it is planned for them alone, which took the embedded engine's planner
 * less time than one statement planning all three ways to read (a sample in the first buckets, a
 * larger one, everything) and choosing as it ran.
 */
export async function readSample(
  db: Queryable,
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  s: Sampling,
): Promise<SampleRead> {
  // The running sizes are added up only when the first bucket predicts a sample. Planned once per
  // connection (db/prepared.ts): whatever the words, the plan reads bucket 0's indexes, and planning
  // it anew took longer than running it.
  const [row] = await db.queryReused<SampleRead>(sql`
    WITH probe AS MATERIALIZED (SELECT coalesce((SELECT sum(entries) FROM search_buckets), 0)::float8 AS entries,
      coalesce((SELECT entries FROM search_buckets WHERE bucket = 0), 0)::float8 AS first,
      (SELECT count(*) FROM search_entries e WHERE ${matching(viewer, q, query, FIRST_BUCKET)})::float8 AS hits)
    SELECT coalesce(k.bucket + 1, ${SAMPLE_BUCKETS})::int AS buckets, coalesce(k.upto, p.entries) AS size, p.entries
    FROM probe p LEFT JOIN LATERAL (SELECT s.bucket, s.upto
      FROM (SELECT bucket, (sum(entries) OVER (ORDER BY bucket))::float8 AS upto FROM search_buckets) s
      WHERE p.entries > ${s.smallIndex} AND p.first > 0 AND p.hits * p.entries / p.first > ${s.exactUpTo}
        AND s.upto >= ${s.sampleSize} / greatest(p.hits, 1) * p.first
      ORDER BY s.bucket LIMIT 1) k ON k.bucket + 1 < ${SAMPLE_BUCKETS}`);
  return row!;
}

/**
 * The matches in the first `buckets` buckets, said in terms the planner can match to indexes: a
 * sample within the indexed buckets with the constant that selects their partial indexes, a larger
 * one with the bucket index, and an exact search without any bucket condition.
 */
export function sampledMatches(
  viewer: Viewer,
  q: SearchQuery,
  query: CompiledQuery | null,
  columns: Sql,
  buckets: number,
): Sql {
  const region =
    buckets >= SAMPLE_BUCKETS
      ? []
      : buckets <= INDEXED_BUCKETS
        ? [sql`e.bucket < ${INDEXED_BUCKETS}`, sql`e.bucket < ${buckets}`]
        : [sql`e.bucket < ${buckets}`];
  return sql`SELECT ${columns} FROM search_entries e WHERE ${matching(viewer, q, query, region)}`;
}
