// SQL of record completeness and the data-quality page. Every read goes through the access filter:
// an organisation's quality is told from the records the viewer may see, and nothing else.
import { fieldVisibleTo, visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { evaluationsTable } from '../evaluations/evaluations.repository.ts';
import { meetingsTable } from '../meetings/meetings.repository.ts';
import { recommendationsTable } from '../recommendations/recommendations.repository.ts';
import type { RecordTable } from '../records/record-table.ts';
import { reviewsTable } from '../reviews/reviews.repository.ts';
import { PROJECT_ELEMENTS } from './elements.ts';

/** The owned kinds scored beside projects, with the tables that say which elements a row has. */
export const SCORED_TABLES = [meetingsTable, reviewsTable, evaluationsTable, recommendationsTable] as const;

/**
 * SQL: the completeness score of the project aliased `p`, as completenessOf computes it for this
 * viewer (elements of a field withheld from them count neither way), so a filter on it answers
 * what the record page shows and tells nothing the page does not.
 */
function completenessScore(viewer: Viewer): Sql {
  const keys = PROJECT_ELEMENTS.map((e) => e.key);
  const weights = PROJECT_ELEMENTS.map((e) => e.weight);
  const fields = PROJECT_ELEMENTS.map((e) => e.field ?? '');
  const shown = sql`(e.f = '' OR ${fieldVisibleTo(viewer, 'p', sql`p.field_visibility ->> e.f`)})`;
  return sql`(SELECT round(100 * coalesce(sum(e.w) FILTER (WHERE e.k = ANY(x.present)), 0) / sum(e.w))
    FROM (SELECT project_present_elements(p.id) AS present) x,
      unnest(${keys}::text[], ${weights}::numeric[], ${fields}::text[]) AS e(k, w, f) WHERE ${shown})`;
}

/** Conditions on the project aliased `p` for the list's completeness filters. */
export function completenessConditions(
  viewer: Viewer,
  q: { incomplete?: boolean | undefined; completeness_below?: number | undefined },
): Sql[] {
  const c: Sql[] = [];
  const core = PROJECT_ELEMENTS.filter((e) => e.group === 'core').map((e) => e.key);
  if (q.incomplete !== undefined) {
    const hasCore = sql`(${core}::text[] <@ project_present_elements(p.id))`;
    c.push(q.incomplete ? sql`NOT ${hasCore}` : hasCore);
  }
  if (q.completeness_below !== undefined) c.push(sql`${completenessScore(viewer)} < ${q.completeness_below}`);
  return c;
}

export interface ProjectQualityRow {
  id: string;
  title: string;
  status: string;
  updated_at: Date;
  owner_org_id: string;
  field_visibility: Record<string, string> | null;
  present: string[];
}

/** What scoring one owned record takes: whose it is, what it withholds, which elements it has. */
export interface RecordQualityRow {
  owner_org_id: string;
  visibility?: string;
  field_visibility: Record<string, string> | null;
  present: string[];
}

export const qualityRepository = {
  /** The records of one kind an organisation owns that the viewer may see, with their elements. */
  async recordsOwnedBy(
    db: Queryable,
    viewer: Viewer,
    table: Pick<RecordTable<unknown>, 'table' | 'completeness'>,
    orgId: string,
  ): Promise<RecordQualityRow[]> {
    return db.query<RecordQualityRow>(
      sql`SELECT r.owner_org_id, r.visibility, r.field_visibility, ${table.completeness!.present} AS present
        FROM ${sql.raw(table.table)} r WHERE r.owner_org_id = ${orgId} AND ${visibleTo(viewer, 'r')}`,
    );
  },

  async projectsOwnedBy(db: Queryable, viewer: Viewer, orgId: string): Promise<ProjectQualityRow[]> {
    return db.query<ProjectQualityRow>(
      sql`SELECT p.id, p.title, p.status, p.updated_at, p.owner_org_id, p.field_visibility,
          project_present_elements(p.id) AS present
        FROM projects p WHERE p.owner_org_id = ${orgId} AND ${visibleTo(viewer, 'p')}
        ORDER BY p.seq`,
    );
  },

  /**
   * Organisation names in the documents it owns that were not matched to a registered
   * organisation: left out when the draft was confirmed, or still unmatched in a draft. A
   * document whose text is withheld from the viewer tells none (the names come from the text).
   */
  async unresolvedOrganisations(
    db: Queryable,
    viewer: Viewer,
    orgId: string,
  ): Promise<{ name: string; id: string; title: string }[]> {
    return db.query(
      sql`SELECT DISTINCT n.name, d.id, coalesce(d.title, d.filename) AS title
        FROM documents d CROSS JOIN LATERAL (
          SELECT x AS name FROM jsonb_array_elements_text(CASE WHEN d.extraction ? 'confirmation'
            THEN coalesce(d.extraction -> 'confirmation' -> 'organisations_left_out', '[]') ELSE '[]' END) x
          UNION
          SELECT o ->> 'name' FROM jsonb_array_elements(CASE WHEN d.extraction ? 'confirmation' THEN '[]'
            ELSE coalesce(d.extraction -> 'draft' -> 'record' -> 'organisations', '[]') END) o
          WHERE o ->> 'id' IS NULL AND o ->> 'name' IS NOT NULL) n
        WHERE d.owner_org_id = ${orgId} AND ${visibleTo(viewer, 'd')}
          AND ${fieldVisibleTo(viewer, 'd', sql`d.field_visibility ->> 'text'`)}
        ORDER BY n.name, title, d.id`,
    );
  },
};
