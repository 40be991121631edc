// Recommendations and their follow-through: management response, key actions with owners and
// due dates, a status history, and "overdue" derived from the key actions (never stored stale).
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { visibleTo } from '../access/filter.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { filled, listed, presentElements } from '../quality/present-elements.repository.ts';
import type { RecordTable } from '../records/record-table.ts';

export type Filters = {
  status?: string;
  management_response?: string;
  source_type?: string;
  source_id?: string;
  country?: string;
  overdue?: boolean;
  theme?: string;
  organisation_id?: string;
  due_from?: string;
  due_to?: string;
};

/**
 * A key action still to be done, over `alias` (one element of key_actions). The API stores every
 * key action with a status; one without (written by other means) has not started.
 */
export const openKeyAction = (alias: string): Sql =>
  sql`coalesce(${sql.raw(alias)}->>'status', 'not_started') IN ('not_started', 'in_progress')`;

/**
 * The organisation responsible for the key action `action` of the recommendation `rec`: the
 * registered organisation its owner names (by name, acronym or alias), else the recommendation's owner.
 */
export const responsibleOrg = (action: string, rec: string): Sql => {
  const a = sql.raw(action);
  return sql`COALESCE((SELECT o.id FROM organisations o
    WHERE lower(o.name) = lower(${a}->>'owner') OR lower(o.acronym) = lower(${a}->>'owner')
      OR EXISTS (SELECT 1 FROM unnest(o.aliases) al WHERE lower(al) = lower(${a}->>'owner'))
    ORDER BY o.id LIMIT 1), ${sql.raw(rec)}.owner_org_id)`;
};

/** Overdue: an open key action is past its due date (derived on read, never stored stale). */
export const isOverdue = sql`EXISTS (SELECT 1 FROM jsonb_array_elements(r.key_actions) ka
  WHERE ${openKeyAction('ka')} AND (ka->>'due_on')::date < current_date)`;

/** The register's order: overdue first, then the others still open, closed last. */
const registerRank = sql`(CASE WHEN ${isOverdue} THEN 0 WHEN r.status = 'closed' THEN 2 ELSE 1 END)`;

const latestRating = (kind: 'self' | 'validation') => sql`(SELECT json_build_object('rating', x.rating,
    'comment', x.comment, 'org', json_build_object('id', o.id, 'name', o.name), 'rated_at', x.rated_at)
  FROM recommendation_ratings x JOIN organisations o ON o.id = x.org_id
  WHERE x.recommendation_id = r.id AND x.kind = ${kind} ORDER BY x.id DESC LIMIT 1)`;

export const recommendationsTable: RecordTable<Filters> = {
  table: 'recommendations',
  entity: 'recommendation',
  columns: {
    project_id: 'value',
    visibility: 'value',
    source_type: 'value',
    source_id: 'value',
    number: 'value',
    text: 'value',
    category: 'value',
    addressee: 'value',
    country: 'value',
    issued_on: 'value',
    management_response: 'value',
    response_text: 'value',
    status: 'value',
    key_actions: 'json',
  },
  derived: sql`${isOverdue} AS overdue,
    COALESCE((SELECT json_agg(json_build_object('status', h.status, 'management_response', h.management_response,
      'note', h.note, 'changed_at', h.changed_at) ORDER BY h.id) FROM recommendation_status_history h
      WHERE h.recommendation_id = r.id), '[]') AS history,
    COALESCE((SELECT json_agg(json_build_object('action_index', g.action_index, 'reported_on', g.reported_on,
      'from_status', g.from_status, 'status', g.status, 'comment', g.comment, 'evidence_url', g.evidence_url,
      'evidence_document_id', g.evidence_document_id, 'org', json_build_object('id', o.id, 'name', o.name),
      'via', g.via, 'recorded_at', g.recorded_at) ORDER BY g.id)
      FROM key_action_progress g JOIN organisations o ON o.id = g.org_id WHERE g.recommendation_id = r.id), '[]') AS progress,
    ${latestRating('self')} AS self_rating, ${latestRating('validation')} AS validation_rating,
    COALESCE((SELECT json_agg(${responsibleOrg('ra.a', 'r')} ORDER BY ra.i)
      FROM jsonb_array_elements(r.key_actions) WITH ORDINALITY ra(a, i)), '[]') AS responsible_org_ids`,
  rank: registerRank,
  completeness: {
    kind: 'recommendation',
    present: presentElements('recommendation', {
      text: filled('text'),
      addressee: filled('addressee'),
      issued_on: sql`r.issued_on IS NOT NULL`,
      project: sql`r.project_id IS NOT NULL`,
      category: filled('category'),
      management_response: sql`r.management_response IS NOT NULL`,
      key_actions: listed('key_actions', true),
      response_text: filled('response_text'),
      country: sql`r.country IS NOT NULL`,
    }),
  },
  filters: (q, viewer) => [
    ...(q.status ? [sql`r.status = ${q.status}`] : []),
    ...(q.management_response ? [sql`r.management_response = ${q.management_response}`] : []),
    ...(q.source_type ? [sql`r.source_type = ${q.source_type}`] : []),
    ...(q.source_id ? [sql`r.source_id = ${q.source_id}`] : []),
    ...(q.country ? [sql`r.country = ${q.country}`] : []),
    ...(q.overdue === true ? [isOverdue] : q.overdue === false ? [sql`NOT ${isOverdue}`] : []),
    // A theme is its project's: only of a project the viewer may see, so a filter cannot reveal a hidden one.
    ...(q.theme
      ? [
          sql`EXISTS (SELECT 1 FROM projects tp JOIN project_themes pt ON pt.project_id = tp.id
            WHERE tp.id = r.project_id AND pt.theme = ${q.theme} AND ${visibleTo(viewer, 'tp')})`,
        ]
      : []),
    ...(q.organisation_id
      ? [
          sql`(r.owner_org_id = ${q.organisation_id} OR EXISTS (SELECT 1 FROM jsonb_array_elements(r.key_actions) oa
            WHERE ${responsibleOrg('oa', 'r')} = ${q.organisation_id}))`,
        ]
      : []),
    ...(q.due_from || q.due_to
      ? [
          sql`EXISTS (SELECT 1 FROM jsonb_array_elements(r.key_actions) da WHERE ${openKeyAction('da')}
            AND (da->>'due_on')::date >= COALESCE(${q.due_from ?? null}::date, '-infinity')
            AND (da->>'due_on')::date <= COALESCE(${q.due_to ?? null}::date, 'infinity'))`,
        ]
      : []),
  ],
};

export interface StatusChange {
  recommendationId: string;
  status: string;
  managementResponse: string | null;
  note: string | null;
  changedBy: string | null;
}

export const recommendationsRepository = {
  async addStatusHistory(tx: Queryable, c: StatusChange): Promise<void> {
    await tx.query(sql`INSERT INTO recommendation_status_history (recommendation_id, status, management_response, note, changed_by)
      VALUES (${c.recommendationId}, ${c.status}, ${c.managementResponse}, ${c.note}, ${c.changedBy})`);
  },
};
