// SQL of recurring lessons and recommendations: the items the viewer may see (through the one
// access filter, with their project only when the viewer may see it too), and the stems of their
// words in the language each is written in.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';

export interface RecurringRow {
  id: string;
  kind: 'lesson' | 'recommendation';
  text: string;
  unit: string;
  themes: string[];
  project_id: string | null;
  project_title: string | null;
  source_type: string;
  source_id: string | null;
  owner_org_id: string;
  owner_name: string;
}

export interface RecurringFilters {
  theme?: string | undefined;
  country?: string | undefined;
  project_id?: string | undefined;
  owner_org_id?: string | undefined;
  source_type?: string | undefined;
  type?: string | undefined;
  status?: string | undefined;
}

const projectOf = (viewer: Viewer, alias: string) =>
  sql`LEFT JOIN projects p ON p.id = ${sql.raw(alias)}.project_id AND ${visibleTo(viewer, 'p')}`;

function common(q: RecurringFilters, alias: string): Sql[] {
  const a = sql.raw(alias);
  return [
    ...(q.project_id ? [sql`${a}.project_id = ${q.project_id}`] : []),
    ...(q.owner_org_id ? [sql`${a}.owner_org_id = ${q.owner_org_id}`] : []),
    ...(q.source_type ? [sql`${a}.source_type = ${q.source_type}`] : []),
  ];
}

export const recurringRepository = {
  lessons(db: Queryable, viewer: Viewer, q: RecurringFilters, cap: number): Promise<RecurringRow[]> {
    const conditions = [
      visibleTo(viewer, 'l'),
      ...common(q, 'l'),
      ...(q.theme ? [sql`l.themes @> ARRAY[${q.theme}]::text[]`] : []),
      ...(q.country ? [sql`l.countries @> ARRAY[${q.country}]::char(2)[]`] : []),
      ...(q.type ? [sql`l.type = ${q.type}`] : []),
    ];
    return db.query<RecurringRow>(sql`SELECT l.id, 'lesson' AS kind, l.text,
        COALESCE(l.project_id::text, l.source_id::text, l.id::text) AS unit, l.themes,
        l.project_id, p.title AS project_title, l.source_type, l.source_id, l.owner_org_id, o.name AS owner_name
      FROM lessons l JOIN organisations o ON o.id = l.owner_org_id ${projectOf(viewer, 'l')}
      WHERE ${sql.and(conditions)} ORDER BY l.seq DESC LIMIT ${cap}`);
  },

  /** A recommendation's themes are its project's, when the viewer may see the project. */
  recommendations(db: Queryable, viewer: Viewer, q: RecurringFilters, cap: number): Promise<RecurringRow[]> {
    const conditions = [
      visibleTo(viewer, 'r'),
      ...common(q, 'r'),
      ...(q.theme
        ? [sql`EXISTS (SELECT 1 FROM project_themes t WHERE t.project_id = p.id AND t.theme = ${q.theme})`]
        : []),
      ...(q.country ? [sql`r.country = ${q.country}`] : []),
      ...(q.status ? [sql`r.status = ${q.status}`] : []),
    ];
    return db.query<RecurringRow>(sql`SELECT r.id, 'recommendation' AS kind, r.text,
        COALESCE(r.project_id::text, r.source_id::text, r.id::text) AS unit,
        ARRAY(SELECT t.theme FROM project_themes t WHERE t.project_id = p.id ORDER BY t.theme) AS themes,
        r.project_id, p.title AS project_title, r.source_type, r.source_id, r.owner_org_id, o.name AS owner_name
      FROM recommendations r JOIN organisations o ON o.id = r.owner_org_id ${projectOf(viewer, 'r')}
      WHERE ${sql.and(conditions)} ORDER BY r.seq DESC LIMIT ${cap}`);
  },

  /** Each word of each text with its stem in the text's language; stop words have none. */
  stems(db: Queryable, texts: { id: string; text: string; language: string }[]) {
    return db.query<{ id: string; word: string; stem: string }>(sql`SELECT i.id, w.word, s.stem
      FROM unnest(${texts.map((t) => t.id)}::text[], ${texts.map((t) => t.text)}::text[],
        ${texts.map((t) => t.language)}::text[]) AS i(id, body, lang)
      CROSS JOIN LATERAL regexp_split_to_table(lower(i.body), '[^[:alpha:]]+') AS w(word)
      CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector(search_config(i.lang), w.word))) AS s(stem)
      WHERE length(w.word) > 2`);
  },
};
