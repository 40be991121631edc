// The SQL of IATI import: one statement per table per batch (INSERT … SELECT from the rows the
// prepare worker serialised, or from unnest of column arrays), because a round trip per row is
// what makes PGlite slow. Every function takes the transaction it runs in, so a batch commits
// whole or not at all.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { type ActivityRows, ROW_COLUMNS, type RowTable } from './activity-rows.ts';
import type { OrgCandidate } from './map.ts';

const gunzipAsync = promisify(gunzip);

/** One column of a bulk insert: its name, its Postgres array element type, its values. */
type Column = [name: string, type: string, values: unknown[]];

export async function insertRows(
  tx: Queryable,
  table: string,
  columns: Column[],
  suffix: Sql = sql.empty,
): Promise<void> {
  if (!columns[0] || columns[0][2].length === 0) return;
  const names = sql.raw(columns.map((c) => c[0]).join(', '));
  const arrays = sql.join(columns.map(([, type, values]) => sql`${values}::${sql.raw(type)}[]`));
  await tx.query(sql`INSERT INTO ${sql.raw(table)} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`);
}

export interface ExistingActivity {
  project_id: string;
  import_key: string | null;
  iati_identifier: string | null;
  owner_org_id: string;
  publisher: string | null;
  source_hash: string | null;
  last_updated: string | null;
  has_source: boolean;
  /** Whether the uploader may see the project (always, for the operator's own imports). */
  visible: boolean;
}

/**
 * Projects already holding one of these import keys or IATI identifiers, with who published them.
 * Each key is looked up in its own unique index: an OR across the two joined tables made the
 * planner scan both, a cost that grew with every batch imported. Every holder is returned, because
 * several organisations and publishers may hold one identifier; `visible` says which ones `viewer`
 * may see, and the importer answers as if the others did not exist.
 */
export async function findExistingActivities(
  tx: Queryable,
  keys: string[],
  viewer?: Viewer,
): Promise<ExistingActivity[]> {
  return tx.query<ExistingActivity>(sql`
    SELECT p.id AS project_id, a.import_key, p.iati_identifier, p.owner_org_id,
      COALESCE(a.reporting_org_ref, o.iati_ref) AS publisher, a.source_hash,
      a.last_updated::text AS last_updated, a.project_id IS NOT NULL AS has_source,
      ${viewer ? visibleTo(viewer, 'p') : sql`TRUE`} AS visible
    FROM projects p
    JOIN organisations o ON o.id = p.owner_org_id
    LEFT JOIN iati_activities a ON a.project_id = p.id
    WHERE p.id IN (
      SELECT id FROM projects WHERE iati_identifier = ANY(${keys}::text[])
      UNION SELECT project_id FROM iati_activities WHERE import_key = ANY(${keys}::text[]))`);
}

export const orgKey = (o: { ref?: string | null; name: string }) =>
  o.ref ? `ref:${o.ref}` : `name:${o.name.toLowerCase()}`;

/**
 * Resolves organisations to ids: by IATI ref first, then by name or alias (case-insensitive);
 * creates those not found. Returns ids keyed by `orgKey`.
 */
export async function resolveOrganisations(
  tx: Queryable,
  candidates: OrgCandidate[],
  byNameDespiteRef?: Set<string>, // gets the keys of candidates whose ref no organisation holds, found by name
): Promise<Map<string, string>> {
  const unique = new Map(candidates.map((c) => [orgKey(c), c]));
  const result = new Map<string, string>();
  if (!unique.size) return result;
  const lookup = async (list: OrgCandidate[]) => {
    const refs = list.flatMap((c) => c.ref ?? []);
    const names = list.map((c) => c.name.toLowerCase());
    const rows = await tx.query<{
      id: string;
      iati_ref: string | null;
      lname: string;
      aliases: string[];
    }>(sql`
      SELECT id, iati_ref, lower(name) AS lname, aliases FROM organisations
      WHERE iati_ref = ANY(${refs}::text[]) OR lower(name) = ANY(${names}::text[])
        OR aliases && ${list.map((c) => c.name)}::text[]`);
    const byRef = new Map(rows.flatMap((r) => (r.iati_ref ? [[r.iati_ref, r.id]] : [])));
    const byName = new Map<string, string>();
    for (const r of rows) {
      byName.set(r.lname, r.id);
      for (const alias of r.aliases)
        if (!byName.has(alias.toLowerCase())) byName.set(alias.toLowerCase(), r.id);
    }
    for (const c of list) {
      const id = (c.ref && byRef.get(c.ref)) || byName.get(c.name.toLowerCase());
      if (id) result.set(orgKey(c), id);
      if (id && c.ref && !byRef.has(c.ref)) byNameDespiteRef?.add(orgKey(c));
    }
  };
  await lookup([...unique.values()]);
  const missing = [...unique.values()].filter((c) => !result.has(orgKey(c)));
  if (missing.length) {
    // Two candidates in one batch may share a name: insert each name once, then look all up again.
    const byName = new Map(missing.map((c) => [c.name.toLowerCase(), c]));
    const rows = [...byName.values()];
    await insertRows(
      tx,
      'organisations',
      [
        ['name', 'text', rows.map((c) => c.name)],
        ['type', 'text', rows.map((c) => c.type)],
        ['iati_ref', 'text', rows.map((c) => c.ref ?? null)],
      ],
      sql`ON CONFLICT DO NOTHING`,
    );
    await lookup(missing);
  }
  return result;
}

/**
 * The source XML of an imported activity as it was stored: gzipped since migration 012, plain
 * text before. Undefined when the project has no IATI source.
 */
export async function readActivitySource(db: Queryable, projectId: string): Promise<string | undefined> {
  const [row] = await db.query<{ source_xml: string | null; source_gz: Uint8Array | null }>(
    sql`SELECT source_xml, source_gz FROM iati_activities WHERE project_id = ${projectId}`,
  );
  if (!row) return undefined;
  if (row.source_gz) return (await gunzipAsync(row.source_gz)).toString('utf8');
  return row.source_xml ?? undefined;
}

export interface ActivityWrite {
  projectId: string;
  ownerOrgId: string;
  /** The activity's rows per table (activity-rows.ts). */
  rows: ActivityRows;
  /** Participating organisations, resolved to ids, each with its role. */
  participants: { orgId: string; role: string }[];
}

/** Search-faceted child tables, written before their projects (see writeActivities). */
const FACET_TABLES = ['project_countries', 'project_regions', 'project_themes', 'project_sectors'] as const;

/** Child tables written after the projects, from the activities' own rows. */
const DETAIL_TABLES = [
  'budget_lines',
  'outputs',
  'indicators',
  'iati_transactions',
  'iati_planned_disbursements',
  'iati_budgets',
  'iati_results',
  'iati_document_links',
  'iati_policy_markers',
  'iati_related_activities',
] as const;

/** Every child table an import replaces. */
const CHILD_TABLES = [...FACET_TABLES, 'project_participants', ...DETAIL_TABLES];

/** Foreign keys of the search-indexed child tables to projects, deferrable since migration 011. */
const SEARCH_FACET_FKEYS = [
  'project_countries_project_id_fkey',
  'project_regions_project_id_fkey',
  'project_themes_project_id_fkey',
  'project_sectors_project_id_fkey',
  'project_participants_project_id_fkey',
];

/** Writes a batch of new and changed activities: projects upserted, their child rows replaced. */
export async function writeActivities(
  tx: Queryable,
  writes: ActivityWrite[],
  replacedProjectIds: string[],
  jobId: string | null,
): Promise<void> {
  if (!writes.length) return;
  if (replacedProjectIds.length) {
    for (const table of CHILD_TABLES) {
      await tx.query(
        sql`DELETE FROM ${sql.raw(table)} WHERE project_id = ANY(${replacedProjectIds}::uuid[])`,
      );
    }
  }
  // The faceted child rows go in before their projects (their foreign keys checked at commit), so
  // the search index refreshes each new project once, when the projects are written (migration 011).
  await tx.query(sql`SET CONSTRAINTS ${sql.raw(SEARCH_FACET_FKEYS.join(', '))} DEFERRED`);
  for (const table of FACET_TABLES) await insertActivityRows(tx, table, writes);
  const participants = writes.flatMap((w) => {
    const seen = new Set<string>();
    return w.participants
      .filter((p) => {
        const key = `${p.orgId}/${p.role}`;
        return !seen.has(key) && seen.add(key);
      })
      .map((p) => ({ projectId: w.projectId, ...p }));
  });
  await insertRows(tx, 'project_participants', [
    ['project_id', 'uuid', participants.map((r) => r.projectId)],
    ['org_id', 'uuid', participants.map((r) => r.orgId)],
    ['role', 'text', participants.map((r) => r.role)],
  ]);
  // Last of the search-indexed tables: its one index refresh sees every child row written above.
  // An update keeps the visibility the owner chose; a new IATI activity is published data, so public.
  await insertActivityRows(tx, 'projects', writes, {
    columns: sql`owner_org_id, visibility`,
    values: sql`b.owner_org_id, 'public'`,
    suffix: sql`ON CONFLICT (id) DO UPDATE SET iati_identifier = EXCLUDED.iati_identifier, title = EXCLUDED.title,
      description = EXCLUDED.description, status = EXCLUDED.status, start_date = EXCLUDED.start_date,
      start_precision = EXCLUDED.start_precision, end_date = EXCLUDED.end_date, end_precision = EXCLUDED.end_precision,
      language = EXCLUDED.language, outcome_statement = EXCLUDED.outcome_statement,
      extra = (projects.extra - 'iati') || EXCLUDED.extra, version = projects.version + 1, updated_at = now()`,
  });
  await insertActivityRows(tx, 'iati_activities', writes, {
    columns: sql`import_job_id`,
    values: sql`${jobId}::uuid`,
    // Already gzipped: stored as it comes (migration 012), sent as base64 text because a bytea[]
    // parameter costs PGlite half a millisecond a row to bind.
    convert: { source_gz: (v) => `decode(${v}, 'base64')` },
    suffix: sql`ON CONFLICT (project_id) DO UPDATE SET import_key = EXCLUDED.import_key,
      reporting_org_ref = EXCLUDED.reporting_org_ref, reporting_org_type = EXCLUDED.reporting_org_type,
      reporting_org_names = EXCLUDED.reporting_org_names, iati_version = EXCLUDED.iati_version,
      last_updated = EXCLUDED.last_updated, hierarchy = EXCLUDED.hierarchy, default_currency = EXCLUDED.default_currency,
      lang = EXCLUDED.lang, humanitarian = EXCLUDED.humanitarian, titles = EXCLUDED.titles,
      descriptions = EXCLUDED.descriptions, status_code = EXCLUDED.status_code, planned_start = EXCLUDED.planned_start,
      actual_start = EXCLUDED.actual_start, planned_end = EXCLUDED.planned_end, actual_end = EXCLUDED.actual_end,
      source_xml = NULL, source_gz = EXCLUDED.source_gz, source_hash = EXCLUDED.source_hash, source_file = EXCLUDED.source_file,
      import_job_id = EXCLUDED.import_job_id, imported_at = now()`,
  });
  for (const table of DETAIL_TABLES) await insertActivityRows(tx, table, writes);
}

/**
 * At most this much JSON per statement. PGlite keeps the memory a statement's parameters took (its
 * WebAssembly heap and the process's malloc arenas never shrink): a batch's 7 MB of transactions in
 * one statement added some 130 MB to the import's peak RSS, the same rows in 1 MB statements 45 MB.
 * The search index is still refreshed once per batch, at commit.
 */
const STATEMENT_JSON_CHARS = 1 << 20;

/**
 * Inserts one table's rows for a batch in as few statements as the size limit allows: the
 * activities' JSON row arrays joined into one jsonb document (parsed once), paired by position
 * with the project ids.
 */
async function insertActivityRows(
  tx: Queryable,
  table: RowTable,
  writes: ActivityWrite[],
  extra: {
    columns?: Sql;
    values?: Sql;
    convert?: Record<string, (column: string) => string>;
    suffix?: Sql;
  } = {},
): Promise<void> {
  const defs = ROW_COLUMNS[table];
  const names = defs.split(',').map((d) => d.trim().split(/\s+/)[0]!);
  const selected = names.map((n) => extra.convert?.[n]?.(`x.${n}`) ?? `x.${n}`);
  const more = (s: Sql | undefined) => (s ? sql`, ${s}` : sql.empty);
  const idColumn = sql.raw(table === 'projects' ? 'id' : 'project_id');
  for (const part of bySize(writes, table)) {
    await tx.query(sql`INSERT INTO ${sql.raw(table)} (${idColumn}, ${sql.raw(names.join(', '))}${more(extra.columns)})
      SELECT b.id, ${sql.raw(selected.join(', '))}${more(extra.values)}
      FROM unnest(${part.map((w) => w.projectId)}::uuid[], ${part.map((w) => w.ownerOrgId)}::uuid[])
        WITH ORDINALITY AS b(id, owner_org_id, n)
      JOIN jsonb_array_elements(${`[${part.map((w) => w.rows[table]).join(',')}]`}::jsonb)
        WITH ORDINALITY AS r(rows, n) USING (n)
      CROSS JOIN LATERAL jsonb_to_recordset(r.rows) AS x(${sql.raw(defs)})
      ${extra.suffix ?? sql.empty}`);
  }
}

/** The writes that have rows in the table, in runs of at most STATEMENT_JSON_CHARS of JSON (one at least). */
function* bySize(writes: ActivityWrite[], table: RowTable): Generator<ActivityWrite[]> {
  let part: ActivityWrite[] = [];
  let chars = 0;
  for (const w of writes) {
    const json = w.rows[table];
    if (!json) continue;
    if (part.length && chars + json.length > STATEMENT_JSON_CHARS) {
      yield part;
      part = [];
      chars = 0;
    }
    part.push(w);
    chars += json.length;
  }
  if (part.length) yield part;
}
