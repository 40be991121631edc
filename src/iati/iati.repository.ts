// The SQL of IATI import: one statement per table per batch (INSERT … SELECT FROM unnest of
// column arrays), because a round trip per row is what makes PGlite slow. Every function takes
// the transaction it runs in, so a batch commits whole or not at all.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import type { IatiActivity } from './activity.ts';
import type { MappedProject, OrgCandidate } from './map.ts';

const gunzipAsync = promisify(gunzip);

/** One column of a bulk insert: its name, its Postgres array element type, its values, an optional final cast. */
type Column = [name: string, type: string, values: unknown[], cast?: string];

export async function insertRows(
  tx: Queryable,
  table: string,
  columns: Column[],
  suffix: Sql = sql.empty,
): Promise<void> {
  if (!columns[0] || columns[0][2].length === 0) return;
  const names = sql.raw(columns.map((c) => c[0]).join(', '));
  const arrays = sql.join(columns.map(([, type, values]) => sql`${values}::${sql.raw(type)}[]`));
  const aliases = columns.map((_, i) => `c${i}`);
  const selected = sql.raw(columns.map((c, i) => (c[3] ? `c${i}::${c[3]}` : `c${i}`)).join(', '));
  await tx.query(sql`INSERT INTO ${sql.raw(table)} (${names})
    SELECT ${selected} FROM unnest(${arrays}) AS u(${sql.raw(aliases.join(', '))}) ${suffix}`);
}

/**
 * A bulk insert of rows sent as one JSON array (json_to_recordset): one parameter however many
 * columns, nested objects straight into jsonb columns. Keys are the column names; a missing key is NULL.
 */
export async function insertJsonRows(
  tx: Queryable,
  table: string,
  columns: [name: string, type: string][],
  rows: Record<string, unknown>[],
  suffix: Sql = sql.empty,
): Promise<void> {
  if (!rows.length) return;
  const names = sql.raw(columns.map((c) => c[0]).join(', '));
  const defs = sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(', '));
  await tx.query(sql`INSERT INTO ${sql.raw(table)} (${names})
    SELECT ${names} FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(${defs}) ${suffix}`);
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
}

/** Projects already holding one of these import keys or IATI identifiers, with who published them. */
export async function findExistingActivities(tx: Queryable, keys: string[]): Promise<ExistingActivity[]> {
  return tx.query<ExistingActivity>(sql`
    SELECT p.id AS project_id, a.import_key, p.iati_identifier, p.owner_org_id,
      COALESCE(a.reporting_org_ref, o.iati_ref) AS publisher, a.source_hash,
      a.last_updated::text AS last_updated, a.project_id IS NOT NULL AS has_source
    FROM projects p
    JOIN organisations o ON o.id = p.owner_org_id
    LEFT JOIN iati_activities a ON a.project_id = p.id
    WHERE p.iati_identifier = ANY(${keys}::text[]) OR a.import_key = ANY(${keys}::text[])`);
}

const orgKey = (o: { ref?: string | null; name: string }) =>
  o.ref ? `ref:${o.ref}` : `name:${o.name.toLowerCase()}`;

export { orgKey };

/**
 * Resolves organisations to ids: by IATI ref first, then by name or alias (case-insensitive);
 * creates those not found. Returns ids keyed by `orgKey`.
 */
export async function resolveOrganisations(
  tx: Queryable,
  candidates: OrgCandidate[],
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

export interface ImportJobRow {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  publisher: string | null;
  files: string[];
  files_done: number;
  bytes_total: number;
  bytes_done: number;
  activities_read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  issues: unknown[];
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export async function createImportJob(
  db: Queryable,
  job: {
    requestedBy: string | null;
    orgId: string | null;
    publisher: string | null;
    files: string[];
    bytesTotal: number;
  },
): Promise<string> {
  const [row] = await db.query<{ id: string }>(sql`
    INSERT INTO iati_import_jobs (requested_by, org_id, publisher, files, bytes_total)
    VALUES (${job.requestedBy}, ${job.orgId}, ${job.publisher}, ${job.files}::text[], ${job.bytesTotal})
    RETURNING id`);
  return row!.id;
}

export interface JobProgress {
  status: ImportJobRow['status'];
  filesDone: number;
  bytesDone: number;
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  duplicates: number;
  issues: unknown[];
  error?: string;
}

export async function updateImportJob(db: Queryable, id: string, p: JobProgress): Promise<void> {
  const finished = p.status === 'done' || p.status === 'failed';
  await db.query(sql`
    UPDATE iati_import_jobs SET status = ${p.status}, files_done = ${p.filesDone}, bytes_done = ${p.bytesDone},
      activities_read = ${p.read}, created = ${p.created}, updated = ${p.updated}, unchanged = ${p.unchanged},
      rejected = ${p.rejected}, duplicates = ${p.duplicates}, issues = ${JSON.stringify(p.issues)}::jsonb,
      error = ${p.error ?? null}, started_at = COALESCE(started_at, now()),
      finished_at = ${finished ? sql`now()` : sql`NULL`}
    WHERE id = ${id}`);
}

/** A job, only for the organisations the caller belongs to (jobs are not public records). */
export async function findImportJob(
  db: Queryable,
  id: string,
  orgIds: string[] | 'all',
): Promise<ImportJobRow | undefined> {
  const scope = orgIds === 'all' ? sql`TRUE` : sql`org_id = ANY(${orgIds}::uuid[])`;
  const [row] = await db.query<ImportJobRow>(sql`
    SELECT id, status, publisher, files, files_done, bytes_total, bytes_done, activities_read, created, updated,
      unchanged, rejected, duplicates, issues, error, created_at::text, started_at::text, finished_at::text
    FROM iati_import_jobs WHERE id = ${id} AND ${scope}`);
  return row;
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
  importKey: string;
  activity: IatiActivity;
  mapped: MappedProject;
  /** Organisation id per participant, in the order of mapped.participants (undefined: not resolved). */
  participantOrgIds: (string | undefined)[];
  /** The activity's source XML, gzipped (gunzip with readActivitySource). */
  sourceGz: Buffer;
  sourceHash: string;
  sourceFile: string;
  jobId: string | null;
}

const json = (v: unknown) => JSON.stringify(v ?? null);
const numeric = (v: string | undefined) =>
  v !== undefined && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? v : null;

/** Child rows of one table for a whole batch: flattens (activity, item, position) into column arrays. */
function rowsOf<T>(
  writes: ActivityWrite[],
  pick: (w: ActivityWrite) => T[],
): { w: ActivityWrite; item: T; position: number }[] {
  return writes.flatMap((w) => pick(w).map((item, i) => ({ w, item, position: i + 1 })));
}

const CHILD_TABLES = [
  'project_countries',
  'project_regions',
  'project_themes',
  'project_sectors',
  'project_participants',
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
];

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
): Promise<void> {
  if (!writes.length) return;
  if (replacedProjectIds.length) {
    for (const table of CHILD_TABLES) {
      await tx.query(
        sql`DELETE FROM ${sql.raw(table)} WHERE project_id = ANY(${replacedProjectIds}::uuid[])`,
      );
    }
  }
  const m = writes.map((w) => w.mapped);
  // The faceted child rows go in before their projects (their foreign keys checked at commit), so
  // the search index refreshes each new project once, when the projects are written (migration 011).
  await tx.query(sql`SET CONSTRAINTS ${sql.raw(SEARCH_FACET_FKEYS.join(', '))} DEFERRED`);
  const countries = rowsOf(writes, (w) => w.mapped.countries);
  await insertRows(tx, 'project_countries', [
    ['project_id', 'uuid', countries.map((r) => r.w.projectId)],
    ['country', 'text', countries.map((r) => r.item.code)],
    ['share', 'numeric', countries.map((r) => r.item.share)],
  ]);
  const regions = rowsOf(writes, (w) => w.mapped.regions);
  await insertRows(tx, 'project_regions', [
    ['project_id', 'uuid', regions.map((r) => r.w.projectId)],
    ['name', 'text', regions.map((r) => r.item.name)],
    ['code', 'text', regions.map((r) => r.item.code)],
    ['share', 'numeric', regions.map((r) => r.item.share)],
  ]);
  const themes = rowsOf(writes, (w) => w.mapped.themes);
  await insertRows(tx, 'project_themes', [
    ['project_id', 'uuid', themes.map((r) => r.w.projectId)],
    ['theme', 'text', themes.map((r) => r.item)],
  ]);
  const sectors = rowsOf(writes, (w) => w.mapped.sectors);
  await insertRows(tx, 'project_sectors', [
    ['project_id', 'uuid', sectors.map((r) => r.w.projectId)],
    ['code', 'text', sectors.map((r) => r.item.code)],
    ['share', 'numeric', sectors.map((r) => r.item.share)],
  ]);
  const participants = rowsOf(writes, (w) => {
    const seen = new Set<string>();
    return w.mapped.participants.flatMap((p, i) => {
      const orgId = w.participantOrgIds[i];
      if (!orgId || seen.has(`${orgId}/${p.role}`)) return [];
      seen.add(`${orgId}/${p.role}`);
      return [{ orgId, role: p.role }];
    });
  });
  await insertRows(tx, 'project_participants', [
    ['project_id', 'uuid', participants.map((r) => r.w.projectId)],
    ['org_id', 'uuid', participants.map((r) => r.item.orgId)],
    ['role', 'text', participants.map((r) => r.item.role)],
  ]);
  // Last of the search-indexed tables: its one index refresh sees every child row written above.
  // An update keeps the visibility the owner chose; a new IATI activity is published data, so public.
  await insertRows(
    tx,
    'projects',
    [
      ['id', 'uuid', writes.map((w) => w.projectId)],
      ['owner_org_id', 'uuid', writes.map((w) => w.ownerOrgId)],
      ['visibility', 'text', writes.map(() => 'public')],
      ['iati_identifier', 'text', writes.map((w) => w.activity.identifier || null)],
      ['title', 'text', m.map((p) => p.title)],
      ['description', 'text', m.map((p) => p.description)],
      ['status', 'text', m.map((p) => p.status)],
      ['start_date', 'date', m.map((p) => p.startDate)],
      ['start_precision', 'text', m.map((p) => (p.startDate ? 'day' : null))],
      ['end_date', 'date', m.map((p) => p.endDate)],
      ['end_precision', 'text', m.map((p) => (p.endDate ? 'day' : null))],
      ['language', 'text', m.map((p) => p.language)],
      ['outcome_statement', 'text', m.map((p) => p.outcomeStatement)],
      ['extra', 'jsonb', m.map((p) => json(p.extra))],
    ],
    sql`ON CONFLICT (id) DO UPDATE SET iati_identifier = EXCLUDED.iati_identifier, title = EXCLUDED.title,
      description = EXCLUDED.description, status = EXCLUDED.status, start_date = EXCLUDED.start_date,
      start_precision = EXCLUDED.start_precision, end_date = EXCLUDED.end_date, end_precision = EXCLUDED.end_precision,
      language = EXCLUDED.language, outcome_statement = EXCLUDED.outcome_statement,
      extra = (projects.extra - 'iati') || EXCLUDED.extra, version = projects.version + 1, updated_at = now()`,
  );
  const a = writes.map((w) => w.activity);
  await insertRows(
    tx,
    'iati_activities',
    [
      ['project_id', 'uuid', writes.map((w) => w.projectId)],
      ['import_key', 'text', writes.map((w) => w.importKey)],
      ['reporting_org_ref', 'text', a.map((x) => x.reportingOrg.ref ?? null)],
      ['reporting_org_type', 'text', a.map((x) => x.reportingOrg.type ?? null)],
      ['reporting_org_names', 'jsonb', a.map((x) => json(x.reportingOrg.names))],
      ['iati_version', 'text', a.map((x) => x.version || null)],
      ['last_updated', 'timestamptz', a.map((x) => x.lastUpdated ?? null)],
      ['hierarchy', 'int', a.map((x) => x.hierarchy ?? null)],
      ['default_currency', 'text', a.map((x) => x.defaultCurrency ?? null)],
      ['lang', 'text', a.map((x) => x.lang)],
      ['humanitarian', 'boolean', a.map((x) => x.humanitarian ?? null)],
      ['titles', 'jsonb', a.map((x) => json(x.titles))],
      ['descriptions', 'jsonb', a.map((x) => json(x.descriptions))],
      ['status_code', 'text', a.map((x) => x.status ?? null)],
      ['planned_start', 'date', a.map((x) => x.dates['1'] ?? null)],
      ['actual_start', 'date', a.map((x) => x.dates['2'] ?? null)],
      ['planned_end', 'date', a.map((x) => x.dates['3'] ?? null)],
      ['actual_end', 'date', a.map((x) => x.dates['4'] ?? null)],
      ['source_xml', 'text', writes.map(() => null)],
      ['source_gz', 'bytea', writes.map((w) => w.sourceGz)],
      ['source_hash', 'text', writes.map((w) => w.sourceHash)],
      ['source_file', 'text', writes.map((w) => w.sourceFile)],
      ['import_job_id', 'uuid', writes.map((w) => w.jobId)],
    ],
    sql`ON CONFLICT (project_id) DO UPDATE SET import_key = EXCLUDED.import_key,
      reporting_org_ref = EXCLUDED.reporting_org_ref, reporting_org_type = EXCLUDED.reporting_org_type,
      reporting_org_names = EXCLUDED.reporting_org_names, iati_version = EXCLUDED.iati_version,
      last_updated = EXCLUDED.last_updated, hierarchy = EXCLUDED.hierarchy, default_currency = EXCLUDED.default_currency,
      lang = EXCLUDED.lang, humanitarian = EXCLUDED.humanitarian, titles = EXCLUDED.titles,
      descriptions = EXCLUDED.descriptions, status_code = EXCLUDED.status_code, planned_start = EXCLUDED.planned_start,
      actual_start = EXCLUDED.actual_start, planned_end = EXCLUDED.planned_end, actual_end = EXCLUDED.actual_end,
      source_xml = EXCLUDED.source_xml, source_gz = EXCLUDED.source_gz, source_hash = EXCLUDED.source_hash, source_file = EXCLUDED.source_file,
      import_job_id = EXCLUDED.import_job_id, imported_at = now()`,
  );

  const budgets = rowsOf(writes, (w) => w.mapped.budgetLines);
  await insertRows(tx, 'budget_lines', [
    ['project_id', 'uuid', budgets.map((r) => r.w.projectId)],
    ['position', 'int', budgets.map((r) => r.position)],
    ['amount', 'numeric', budgets.map((r) => r.item.amount)],
    ['currency', 'text', budgets.map((r) => r.item.currency)],
    ['period_start', 'date', budgets.map((r) => r.item.periodStart)],
    ['period_end', 'date', budgets.map((r) => r.item.periodEnd)],
    ['value_date', 'date', budgets.map((r) => r.item.valueDate)],
    ['label', 'text', budgets.map((r) => r.item.label)],
  ]);
  const outputs = rowsOf(writes, (w) => w.mapped.outputs);
  await insertRows(tx, 'outputs', [
    ['project_id', 'uuid', outputs.map((r) => r.w.projectId)],
    ['position', 'int', outputs.map((r) => r.position)],
    ['number', 'int', outputs.map((r) => r.item.number)],
    ['title', 'text', outputs.map((r) => r.item.title)],
    ['description', 'text', outputs.map((r) => r.item.description)],
  ]);
  const indicators = rowsOf(writes, (w) => w.mapped.indicators);
  await insertRows(tx, 'indicators', [
    ['project_id', 'uuid', indicators.map((r) => r.w.projectId)],
    ['position', 'int', indicators.map((r) => r.position)],
    ['output_number', 'int', indicators.map((r) => r.item.outputNumber)],
    ['title', 'text', indicators.map((r) => r.item.title)],
    ['unit', 'text', indicators.map((r) => r.item.unit)],
    ['baseline_value', 'numeric', indicators.map((r) => r.item.baselineValue)],
    ['baseline_date', 'date', indicators.map((r) => r.item.baselineDate)],
    ['target_value', 'numeric', indicators.map((r) => r.item.targetValue)],
    ['target_date', 'date', indicators.map((r) => r.item.targetDate)],
    ['actual_value', 'numeric', indicators.map((r) => r.item.actualValue)],
    ['actual_date', 'date', indicators.map((r) => r.item.actualDate)],
  ]);
  await writeIatiDetails(tx, writes);
}

async function writeIatiDetails(tx: Queryable, writes: ActivityWrite[]): Promise<void> {
  // A quarter of a million rows for the USAID set, four of them JSON each: sent as one JSON
  // document rather than as thirteen column arrays (whose JSON elements the drivers would escape
  // again inside array literals). Empty lists are left out of details; the exporter reads them as empty.
  await insertJsonRows(
    tx,
    'iati_transactions',
    [
      ['project_id', 'uuid'],
      ['position', 'int'],
      ['ref', 'text'],
      ['type_code', 'text'],
      ['transaction_date', 'date'],
      ['value', 'numeric'],
      ['currency', 'text'],
      ['value_date', 'date'],
      ['descriptions', 'jsonb'],
      ['provider', 'jsonb'],
      ['receiver', 'jsonb'],
      ['humanitarian', 'boolean'],
      ['details', 'jsonb'],
    ],
    writes.flatMap((w) =>
      w.activity.transactions.map((t, i) => ({
        project_id: w.projectId,
        position: i + 1,
        ref: t.ref,
        type_code: t.type,
        transaction_date: t.date,
        value: numeric(t.value),
        currency: t.currency,
        value_date: t.valueDate,
        descriptions: t.descriptions,
        provider: t.provider,
        receiver: t.receiver,
        humanitarian: t.humanitarian,
        details: {
          sectors: t.sectors.length ? t.sectors : undefined,
          countries: t.countries.length ? t.countries : undefined,
          regions: t.regions.length ? t.regions : undefined,
          codes: Object.keys(t.codes).length ? t.codes : undefined,
        },
      })),
    ),
  );
  const pd = rowsOf(writes, (w) => w.activity.plannedDisbursements);
  await insertRows(tx, 'iati_planned_disbursements', [
    ['project_id', 'uuid', pd.map((r) => r.w.projectId)],
    ['position', 'int', pd.map((r) => r.position)],
    ['type_code', 'text', pd.map((r) => r.item.type ?? null)],
    ['period_start', 'date', pd.map((r) => r.item.periodStart ?? null)],
    ['period_end', 'date', pd.map((r) => r.item.periodEnd ?? null)],
    ['value', 'numeric', pd.map((r) => numeric(r.item.value))],
    ['currency', 'text', pd.map((r) => r.item.currency ?? null)],
    ['value_date', 'date', pd.map((r) => r.item.valueDate ?? null)],
    ['provider', 'jsonb', pd.map((r) => json(r.item.provider))],
    ['receiver', 'jsonb', pd.map((r) => json(r.item.receiver))],
  ]);
  const bu = rowsOf(writes, (w) => w.activity.budgets);
  await insertRows(tx, 'iati_budgets', [
    ['project_id', 'uuid', bu.map((r) => r.w.projectId)],
    ['position', 'int', bu.map((r) => r.position)],
    ['type_code', 'text', bu.map((r) => r.item.type ?? null)],
    ['status_code', 'text', bu.map((r) => r.item.status ?? null)],
    ['period_start', 'date', bu.map((r) => r.item.periodStart ?? null)],
    ['period_end', 'date', bu.map((r) => r.item.periodEnd ?? null)],
    ['value', 'numeric', bu.map((r) => numeric(r.item.value))],
    ['currency', 'text', bu.map((r) => r.item.currency ?? null)],
    ['value_date', 'date', bu.map((r) => r.item.valueDate ?? null)],
  ]);
  const re = rowsOf(writes, (w) => w.activity.results);
  await insertRows(tx, 'iati_results', [
    ['project_id', 'uuid', re.map((r) => r.w.projectId)],
    ['position', 'int', re.map((r) => r.position)],
    ['type_code', 'text', re.map((r) => r.item.type)],
    ['aggregation_status', 'boolean', re.map((r) => r.item.aggregationStatus ?? null)],
    ['titles', 'jsonb', re.map((r) => json(r.item.titles))],
    ['descriptions', 'jsonb', re.map((r) => json(r.item.descriptions))],
    ['indicators', 'jsonb', re.map((r) => json(r.item.indicators))],
  ]);
  const dl = rowsOf(writes, (w) => w.activity.documentLinks.filter((d) => d.url));
  await insertRows(tx, 'iati_document_links', [
    ['project_id', 'uuid', dl.map((r) => r.w.projectId)],
    ['position', 'int', dl.map((r) => r.position)],
    ['url', 'text', dl.map((r) => r.item.url)],
    ['format', 'text', dl.map((r) => r.item.format ?? null)],
    ['titles', 'jsonb', dl.map((r) => json(r.item.titles))],
    // Ragged lists do not bind as text[][]: send each as an array literal and cast it per row.
    ['categories', 'text', dl.map((r) => `{${r.item.categories.map(pgQuote).join(',')}}`), 'text[]'],
    ['languages', 'text', dl.map((r) => `{${r.item.languages.map(pgQuote).join(',')}}`), 'text[]'],
    ['document_date', 'date', dl.map((r) => r.item.date ?? null)],
  ]);
  const pm = rowsOf(writes, (w) => w.activity.policyMarkers.filter((p) => p.code));
  await insertRows(tx, 'iati_policy_markers', [
    ['project_id', 'uuid', pm.map((r) => r.w.projectId)],
    ['position', 'int', pm.map((r) => r.position)],
    ['vocabulary', 'text', pm.map((r) => r.item.vocabulary)],
    ['code', 'text', pm.map((r) => r.item.code)],
    ['significance', 'text', pm.map((r) => r.item.significance ?? null)],
  ]);
  const ra = rowsOf(writes, (w) => w.activity.relatedActivities.filter((r) => r.ref));
  await insertRows(tx, 'iati_related_activities', [
    ['project_id', 'uuid', ra.map((r) => r.w.projectId)],
    ['position', 'int', ra.map((r) => r.position)],
    ['ref', 'text', ra.map((r) => r.item.ref)],
    ['type_code', 'text', ra.map((r) => r.item.type)],
  ]);
}

/** An element of a Postgres array literal, quoted. */
const pgQuote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;
