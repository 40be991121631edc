// SQL for likely duplicates: two visible projects with the same identifier (the same IATI identifier
// reported by two publishers included), or with nearly the
// same title (trigram similarity), a shared country and overlapping dates, e.g. one registered from
// an IATI file and one from an annual review.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';

export interface DuplicateSide {
  id: string;
  title: string;
  code: string | null;
  iati_identifier: string | null;
  description: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  owner_org_id: string;
  owner_name: string;
  countries: string[];
  themes: string[];
  budget_lines: number;
  participants: number;
  created_at: string;
}

export interface DuplicatePairRow {
  a: DuplicateSide;
  b: DuplicateSide;
  title_similarity: number;
  same_identifier: boolean;
}

export const TITLE_SIMILARITY = 0.6;

const side = (alias: string) => {
  const a = sql.raw(alias);
  return sql`json_build_object('id', ${a}.id, 'title', ${a}.title, 'code', ${a}.code, 'iati_identifier', ${a}.iati_identifier,
    'description', ${a}.description, 'status', ${a}.status, 'start_date', ${a}.start_date, 'end_date', ${a}.end_date,
    'owner_org_id', ${a}.owner_org_id, 'owner_name', (SELECT name FROM organisations o WHERE o.id = ${a}.owner_org_id),
    'countries', ARRAY(SELECT country FROM project_countries x WHERE x.project_id = ${a}.id ORDER BY country),
    'themes', ARRAY(SELECT theme FROM project_themes x WHERE x.project_id = ${a}.id ORDER BY theme),
    'budget_lines', (SELECT count(*) FROM budget_lines x WHERE x.project_id = ${a}.id),
    'participants', (SELECT count(*) FROM project_participants x WHERE x.project_id = ${a}.id),
    'created_at', ${a}.created_at)`;
};

export async function findDuplicatePairs(
  db: Queryable,
  viewer: Viewer,
  opts: { country?: string[]; projectId?: string; limit: number },
): Promise<DuplicatePairRow[]> {
  const scope = opts.country?.length
    ? sql`AND EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id = a.id AND x.country = ANY(${opts.country}::text[]))`
    : sql.empty;
  const one = opts.projectId ? sql`AND (a.id = ${opts.projectId} OR b.id = ${opts.projectId})` : sql.empty;
  const sameIdentifier = sql`(lower(a.code) = lower(b.code) OR a.iati_identifier = b.iati_identifier
    OR a.iati_identifier = b.code OR a.code = b.iati_identifier)`;
  // The same identifier is the same activity whatever the titles, places and dates say; a similar
  // title counts only with overlapping dates and a shared country (or none recorded on either).
  return db.query<DuplicatePairRow>(sql`
    SELECT ${side('a')} AS a, ${side('b')} AS b, similarity(a.title, b.title) AS title_similarity,
      ${sameIdentifier} IS TRUE AS same_identifier
    FROM projects a JOIN projects b ON a.id < b.id AND (a.title % b.title OR ${sameIdentifier})
    WHERE ${visibleTo(viewer, 'a')} AND ${visibleTo(viewer, 'b')} ${scope} ${one}
      AND (${sameIdentifier} OR (similarity(a.title, b.title) >= ${TITLE_SIMILARITY}
      AND (a.start_date IS NULL OR b.end_date IS NULL OR a.start_date <= b.end_date OR b.ongoing)
      AND (b.start_date IS NULL OR a.end_date IS NULL OR b.start_date <= a.end_date OR a.ongoing)
      AND (EXISTS (SELECT 1 FROM project_countries ca JOIN project_countries cb ON cb.country = ca.country
          WHERE ca.project_id = a.id AND cb.project_id = b.id)
        OR NOT EXISTS (SELECT 1 FROM project_countries x WHERE x.project_id IN (a.id, b.id)))))
    ORDER BY same_identifier DESC, title_similarity DESC LIMIT ${opts.limit}`);
}
