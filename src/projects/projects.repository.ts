// SQL for projects and the rows that belong to them. Reads go through the access filter; one
// round trip returns a whole project with its countries, themes, budget and participants.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { pageClause } from '../db/pagination.ts';
import { sql } from '../db/sql.ts';
import { endOf, precisionOf, startOf } from '../reference/partial-date.ts';
import type { SharingColumns } from '../sharing/sharing.schema.ts';
import { listConditions } from './project-filters.repository.ts';
import type { ProjectCreate, ProjectListQuery } from './projects.schema.ts';

export interface ProjectRow extends SharingColumns {
  id: string;
  seq: number;
  owner_org_id: string;
  owner_name: string;
  code: string | null;
  iati_identifier: string | null;
  title: string;
  description: string | null;
  status: ProjectCreate['status'];
  start_date: string | null;
  start_precision: 'year' | 'month' | 'day' | null;
  end_date: string | null;
  end_precision: 'year' | 'month' | 'day' | null;
  ongoing: boolean;
  outcome_statement: string | null;
  outcome_score: string | null;
  language: string | null;
  extra: Record<string, unknown>;
  version: number;
  created_at: Date;
  updated_at: Date;
  countries: { code: string; name: string; share: number | null }[];
  regions: { name: string; code: string | null; share: number | null }[];
  themes: string[];
  dac_codes: { code: string; name: string; share: number | null }[];
  budget: {
    amount: number;
    currency: string;
    category: string | null;
    period_start: string | null;
    period_end: string | null;
    value_date: string | null;
    label: string | null;
  }[];
  participants: {
    org_id: string;
    name: string;
    acronym: string | null;
    role: ProjectCreate['participants'][number]['role'];
  }[];
  outputs: { number: number | null; title: string; description: string | null; score: string | null }[];
  indicators: Record<string, unknown>[];
  present_elements: string[]; // completeness elements it has
}

type VisibleOwnership = Pick<ProjectRow, 'owner_org_id' | 'version' | 'start_date'> & SharingColumns;

/** One round trip: the project row, its owner's name, and its children from project_children(). */
const SELECT_FULL = sql`SELECT p.id, p.seq, p.owner_org_id, o.name AS owner_name, p.visibility, p.shared_with, p.embargo_until, p.field_visibility, p.code, p.iati_identifier,
  p.title, p.description, p.status, p.start_date, p.start_precision, p.end_date, p.end_precision, p.ongoing,
  p.outcome_statement, p.outcome_score, p.language, p.extra, p.version, p.created_at, p.updated_at,
  project_children(p.id) AS children, project_present_elements(p.id) AS present_elements
  FROM projects p JOIN organisations o ON o.id = p.owner_org_id`;

type Children = Pick<
  ProjectRow,
  'countries' | 'regions' | 'themes' | 'dac_codes' | 'budget' | 'participants' | 'outputs' | 'indicators'
>;

function withChildren(rows: (Omit<ProjectRow, keyof Children> & { children: Children })[]): ProjectRow[] {
  return rows.map(({ children, ...row }) => ({ ...row, ...children }));
}

/** Conditions over alias `p` that every query filtering projects shares (lists, exports, analytics). */
export interface ProjectWrite {
  ownerOrgId: string;
  fields: Partial<ProjectCreate>;
  /** Participants with their organisation ids resolved. */
  participants?: { org_id: string; role: string }[];
}

function dateColumns(f: Partial<ProjectCreate>) {
  const cols: Record<string, unknown> = {};
  if (f.start !== undefined) {
    cols.start_date = f.start ? startOf(f.start) : null;
    cols.start_precision = f.start ? precisionOf(f.start) : null;
  }
  if (f.end !== undefined) {
    cols.end_date = f.end ? endOf(f.end) : null;
    cols.end_precision = f.end ? precisionOf(f.end) : null;
  }
  return cols;
}

/** Column values of the projects row that the given fields set. */
function projectColumns(f: Partial<ProjectCreate>): Record<string, unknown> {
  const cols: Record<string, unknown> = { ...dateColumns(f) };
  const direct = [
    'visibility',
    'code',
    'iati_identifier',
    'title',
    'description',
    'status',
    'ongoing',
    'language',
    'embargo_until',
  ] as const;
  for (const key of direct) if (f[key] !== undefined) cols[key] = f[key] ?? null;
  if (f.shared_with !== undefined) cols.shared_with = sql`${f.shared_with}::uuid[]`;
  if (f.outcome !== undefined) {
    cols.outcome_statement = f.outcome?.statement ?? null;
    cols.outcome_score = f.outcome?.score ?? null;
  }
  if (f.extra !== undefined) cols.extra = JSON.stringify(f.extra);
  if (f.field_visibility !== undefined) cols.field_visibility = JSON.stringify(f.field_visibility);
  return cols;
}

async function replaceChildren(
  db: Queryable,
  id: string,
  f: Partial<ProjectCreate>,
  participants?: ProjectWrite['participants'],
) {
  if (f.countries) {
    await db.query(sql`DELETE FROM project_countries WHERE project_id = ${id}`);
    if (f.countries.length)
      await db.query(sql`INSERT INTO project_countries (project_id, country, share)
        SELECT ${id}, * FROM unnest(${f.countries.map((c) => c.code)}::text[], ${f.countries.map((c) => c.share)}::numeric[])`);
  }
  if (f.regions) {
    await db.query(sql`DELETE FROM project_regions WHERE project_id = ${id}`);
    if (f.regions.length)
      await db.query(sql`INSERT INTO project_regions (project_id, name, code, share)
        SELECT ${id}, * FROM unnest(${f.regions.map((r) => r.name)}::text[], ${f.regions.map((r) => r.code ?? null)}::text[],
          ${f.regions.map((r) => r.share ?? null)}::numeric[])`);
  }
  if (f.themes) {
    await db.query(sql`DELETE FROM project_themes WHERE project_id = ${id}`);
    if (f.themes.length)
      await db.query(
        sql`INSERT INTO project_themes (project_id, theme) SELECT ${id}, unnest(${f.themes}::text[])`,
      );
  }
  if (f.dac_codes) {
    await db.query(sql`DELETE FROM project_sectors WHERE project_id = ${id}`);
    if (f.dac_codes.length)
      await db.query(sql`INSERT INTO project_sectors (project_id, code, share)
        SELECT ${id}, * FROM unnest(${f.dac_codes.map((d) => d.code)}::text[], ${f.dac_codes.map((d) => d.share)}::numeric[])`);
  }
  if (f.budget) {
    await db.query(sql`DELETE FROM budget_lines WHERE project_id = ${id}`);
    for (const [i, b] of f.budget.entries()) {
      await db.query(sql`INSERT INTO budget_lines (project_id, position, amount, currency, category, period_start, period_end, value_date, label)
        VALUES (${id}, ${i}, ${b.amount}, ${b.currency}, ${b.category ?? null}, ${b.period_start ?? null}, ${b.period_end ?? null},
          ${b.value_date ?? null}, ${b.label ?? null})`);
    }
  }
  if (participants) {
    await db.query(sql`DELETE FROM project_participants WHERE project_id = ${id}`);
    if (participants.length)
      await db.query(sql`INSERT INTO project_participants (project_id, org_id, role)
        SELECT DISTINCT ${id}::uuid, * FROM unnest(${participants.map((p) => p.org_id)}::uuid[], ${participants.map((p) => p.role)}::text[])`);
  }
  if (f.outputs) {
    await db.query(sql`DELETE FROM outputs WHERE project_id = ${id}`);
    for (const [i, o] of f.outputs.entries()) {
      await db.query(sql`INSERT INTO outputs (project_id, position, number, title, description, score)
        VALUES (${id}, ${i}, ${o.number ?? null}, ${o.title}, ${o.description ?? null}, ${o.score ?? null})`);
    }
  }
  if (f.indicators) {
    await db.query(sql`DELETE FROM indicators WHERE project_id = ${id}`);
    for (const [i, x] of f.indicators.entries()) {
      await db.query(sql`INSERT INTO indicators (project_id, position, output_number, title, unit, baseline_value, baseline_date,
          target_value, target_date, actual_value, actual_date)
        VALUES (${id}, ${i}, ${x.output_number ?? null}, ${x.title}, ${x.unit ?? null}, ${x.baseline_value ?? null},
          ${x.baseline_date ?? null}, ${x.target_value ?? null}, ${x.target_date ?? null}, ${x.actual_value ?? null}, ${x.actual_date ?? null})`);
    }
  }
}

export const projectsRepository = {
  // Planned once per connection (db/prepared.ts): the statement reads ten tables, and planning it
  // anew cost about a third of a request (the embedded engine also asks the file system for the
  // size of each table and index it plans with). GET one project under 50 connections (`npm run
  // bench -- foundation`) went from 700 to 1,000 requests a second on PGlite (p99 132 to 69 ms),
  // and from 1,740 to 2,130 on PostgreSQL. The plan does not depend on the values: a primary key
  // and the viewer's organisations.
  async findVisible(db: Queryable, viewer: Viewer, id: string): Promise<ProjectRow | undefined> {
    const rows = await db.queryReused<Omit<ProjectRow, keyof Children> & { children: Children }>(
      sql`${SELECT_FULL} WHERE p.id = ${id} AND ${visibleTo(viewer, 'p')}`,
    );
    return withChildren(rows)[0];
  },

  async listVisible(db: Queryable, viewer: Viewer, q: ProjectListQuery): Promise<ProjectRow[]> {
    const where = sql.and([visibleTo(viewer, 'p'), pageClause('p', q.cursor), ...listConditions(q, viewer)]);
    const rows = await db.query<Omit<ProjectRow, keyof Children> & { children: Children }>(
      sql`${SELECT_FULL} WHERE ${where} ORDER BY p.seq DESC LIMIT ${q.limit + 1}`,
    );
    return withChildren(rows);
  },

  /** Whether the viewer can see the project (a record or document may only be linked to such). */
  async isVisible(db: Queryable, viewer: Viewer, id: string): Promise<boolean> {
    const rows = await db.query(
      sql`SELECT 1 FROM projects p WHERE p.id = ${id} AND ${visibleTo(viewer, 'p')}`,
    );
    return rows.length > 0;
  },

  /** Owner, version and start of a project the viewer can see, before the viewer changes it. */
  async findVisibleOwnership(
    db: Queryable,
    viewer: Viewer,
    id: string,
  ): Promise<VisibleOwnership | undefined> {
    const rows = await db.query<VisibleOwnership>(
      sql`SELECT p.owner_org_id, p.version, p.start_date, p.visibility, p.shared_with, p.embargo_until
        FROM projects p WHERE p.id = ${id} AND ${visibleTo(viewer, 'p')}`,
    );
    return rows[0];
  },

  /** Owner and version, for permission and concurrency checks before a write (no filter: writes check roles). */
  async findOwnership(
    db: Queryable,
    id: string,
  ): Promise<{ owner_org_id: string; version: number; visibility: string } | undefined> {
    const rows = await db.query<{ owner_org_id: string; version: number; visibility: string }>(
      sql`SELECT owner_org_id, version, visibility FROM projects WHERE id = ${id}`,
    );
    return rows[0];
  },

  async insert(db: Queryable, w: ProjectWrite, createdBy: string | null): Promise<string> {
    const cols = { ...projectColumns(w.fields), owner_org_id: w.ownerOrgId, created_by: createdBy };
    const names = Object.keys(cols).map((k) => sql.raw(k));
    const rows = await db.query<{ id: string }>(sql`INSERT INTO projects (${sql.join(names)})
      VALUES (${sql.join(Object.values(cols).map((v) => sql`${v}`))}) RETURNING id`);
    const id = rows[0]!.id;
    await replaceChildren(db, id, w.fields, w.participants);
    return id;
  },

  /** Applies the change if `version` is still current; false when someone changed it first. */
  async update(db: Queryable, id: string, version: number, w: ProjectWrite): Promise<boolean> {
    const cols = projectColumns(w.fields);
    const sets = Object.entries(cols).map(([k, v]) => sql`${sql.raw(k)} = ${v}`);
    const rows =
      await db.query(sql`UPDATE projects SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
      WHERE id = ${id} AND version = ${version} RETURNING id`);
    if (!rows.length) return false;
    await replaceChildren(db, id, w.fields, w.participants);
    return true;
  },

  async findIdByCode(db: Queryable, ownerOrgId: string, code: string): Promise<string | undefined> {
    const rows = await db.query<{ id: string }>(
      sql`SELECT id FROM projects WHERE owner_org_id = ${ownerOrgId} AND lower(code) = lower(${code})`,
    );
    return rows[0]?.id;
  },

  /** The owner's project with exactly this title (ignoring case), when there is just one. */
  async findIdByTitle(db: Queryable, ownerOrgId: string, title: string): Promise<string | undefined> {
    const rows = await db.query<{ id: string }>(
      sql`SELECT id FROM projects WHERE owner_org_id = ${ownerOrgId} AND lower(title) = lower(${title}) LIMIT 2`,
    );
    return rows.length === 1 ? rows[0]!.id : undefined;
  },

  /** A project holding this IATI identifier that the viewer may see: the owner's own first. */
  async findVisibleIdByIatiIdentifier(
    db: Queryable,
    viewer: Viewer,
    ownerOrgId: string,
    identifier: string,
  ): Promise<string | undefined> {
    const rows = await db.query<{ id: string }>(
      sql`SELECT p.id FROM projects p WHERE p.iati_identifier = ${identifier} AND ${visibleTo(viewer, 'p')}
        ORDER BY (p.owner_org_id = ${ownerOrgId}) DESC LIMIT 1`,
    );
    return rows[0]?.id;
  },
};
