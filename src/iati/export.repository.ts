// Reads what an IATI export needs, a page of projects at a time, always through the access filter:
// child rows are fetched only for the ids of projects the viewer may see.
import { fieldVisibleTo, visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { projectFilterConditions } from '../projects/project-filters.repository.ts';

export interface IatiExportFilters {
  country?: string[];
  theme?: string[];
  sector?: string[];
  status?: string[];
  publisher?: string;
}

export interface ExportProjectRow {
  id: string;
  /** Whether the viewer may see the project's money: budgets, planned disbursements, transactions. */
  budget_visible: boolean;
  seq: number;
  iati_identifier: string | null;
  title: string;
  description: string | null;
  status: string;
  start_date: string | null;
  end_date: string | null;
  language: string | null;
  extra: { iati?: { sector_tags?: Tag[]; tags?: Tag[]; sectors_from_transactions?: boolean } };
  created_at: string;
  updated_at: string;
  owner_name: string;
  owner_ref: string | null;
  owner_type: string;
  // From iati_activities when the project came from IATI.
  reporting_org_ref: string | null;
  reporting_org_type: string | null;
  reporting_org_names: Record<string, string> | null;
  last_updated: string | null;
  hierarchy: number | null;
  default_currency: string | null;
  lang: string | null;
  humanitarian: boolean | null;
  titles: Record<string, string> | null;
  descriptions: { type: string; narratives: Record<string, string> }[] | null;
  planned_start: string | null;
  actual_start: string | null;
  planned_end: string | null;
  actual_end: string | null;
}

export interface Tag {
  vocabulary: string;
  code: string;
  name?: string;
}

function filterConditions(f: IatiExportFilters): Sql[] {
  const c = projectFilterConditions({ country: f.country, theme: f.theme, dac: f.sector, status: f.status });
  if (f.publisher) c.push(sql`COALESCE(a.reporting_org_ref, o.iati_ref) = ${f.publisher}`);
  return c;
}

/** The IATI organisation that reports a project: the publisher it came from, else its owner. */
const reporterRef = sql`COALESCE(NULLIF(a.reporting_org_ref, ''), NULLIF(o.iati_ref, ''))`;

const FROM_EXPORTED = sql`FROM projects p
    JOIN organisations o ON o.id = p.owner_org_id
    LEFT JOIN iati_activities a ON a.project_id = p.id`;

/**
 * The next page of visible projects after `afterSeq`, oldest first. Unless `withoutReporter`
 * (this installation reports the others), only projects with a reporting organisation.
 */
export async function findExportPage(
  db: Queryable,
  viewer: Viewer,
  filters: IatiExportFilters,
  afterSeq: number,
  limit: number,
  { withoutReporter }: { withoutReporter: boolean },
): Promise<ExportProjectRow[]> {
  const reported = withoutReporter ? sql`TRUE` : sql`${reporterRef} IS NOT NULL`;
  return db.query<ExportProjectRow>(sql`
    SELECT p.id, p.seq, p.iati_identifier, p.title, p.description, p.status, p.start_date, p.end_date, p.language,
      p.extra, p.created_at::text, p.updated_at::text, o.name AS owner_name, NULLIF(o.iati_ref, '') AS owner_ref,
      o.type AS owner_type, NULLIF(a.reporting_org_ref, '') AS reporting_org_ref, a.reporting_org_type,
      a.reporting_org_names, a.last_updated::text, a.hierarchy,
      a.default_currency, a.lang, a.humanitarian, a.titles, a.descriptions, a.planned_start, a.actual_start,
      a.planned_end, a.actual_end, ${fieldVisibleTo(viewer, 'p', sql`p.field_visibility->>'budget'`)} AS budget_visible
    ${FROM_EXPORTED}
    WHERE ${visibleTo(viewer, 'p')} AND p.seq > ${afterSeq} AND ${reported} AND ${sql.and(filterConditions(filters))}
    ORDER BY p.seq
    LIMIT ${limit}`);
}

/** How many visible projects match but have no reporting organisation of their own. */
export async function countExportWithoutReporter(
  db: Queryable,
  viewer: Viewer,
  filters: IatiExportFilters,
): Promise<number> {
  const [row] = await db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n ${FROM_EXPORTED}
    WHERE ${visibleTo(viewer, 'p')} AND ${reporterRef} IS NULL AND ${sql.and(filterConditions(filters))}`);
  return row?.n ?? 0;
}

export interface ExportChildren {
  countries: { project_id: string; country: string; share: number | null }[];
  regions: { project_id: string; name: string; code: string | null; share: number | null }[];
  sectors: { project_id: string; code: string; share: number | null }[];
  participants: { project_id: string; role: string; name: string; iati_ref: string | null; type: string }[];
  budgetLines: {
    project_id: string;
    amount: number;
    currency: string;
    period_start: string | null;
    period_end: string | null;
    value_date: string | null;
    label: string | null;
  }[];
  budgets: {
    project_id: string;
    type_code: string | null;
    status_code: string | null;
    period_start: string | null;
    period_end: string | null;
    value: string | null;
    currency: string | null;
    value_date: string | null;
  }[];
  plannedDisbursements: {
    project_id: string;
    type_code: string | null;
    period_start: string | null;
    period_end: string | null;
    value: string | null;
    currency: string | null;
    value_date: string | null;
    provider: Org | null;
    receiver: Org | null;
  }[];
  transactions: {
    project_id: string;
    ref: string | null;
    type_code: string;
    transaction_date: string | null;
    value: string | null;
    currency: string | null;
    value_date: string | null;
    descriptions: Record<string, string>;
    provider: Org | null;
    receiver: Org | null;
    humanitarian: boolean | null;
    details: TransactionDetails;
  }[];
  results: {
    project_id: string;
    type_code: string;
    aggregation_status: boolean | null;
    titles: Record<string, string>;
    descriptions: Record<string, string>;
    indicators: ExportIndicator[];
  }[];
  documentLinks: {
    project_id: string;
    url: string;
    format: string | null;
    titles: Record<string, string>;
    categories: string[];
    languages: string[];
    document_date: string | null;
  }[];
  policyMarkers: { project_id: string; vocabulary: string; code: string; significance: string | null }[];
  relatedActivities: { project_id: string; ref: string; type_code: string }[];
}

export interface Org {
  ref?: string;
  type?: string;
  names: Record<string, string>;
  activityId?: string;
}

export interface Share {
  code: string;
  vocabulary: string;
  percentage?: number;
  names: Record<string, string>;
}

export interface TransactionDetails {
  sectors?: Share[];
  countries?: Share[];
  regions?: Share[];
  codes?: Record<string, string>;
}

export interface ExportIndicator {
  measure?: string;
  ascending?: boolean;
  titles: Record<string, string>;
  descriptions: Record<string, string>;
  baseline?: { year?: string; isoDate?: string; value?: string };
  periods: { start?: string; end?: string; target?: string; actual?: string }[];
}

/**
 * Child rows of the given (already access-checked) projects, one query per table; the money tables
 * only for the projects whose budget the viewer may see.
 */
export async function findExportChildren(
  db: Queryable,
  projects: Pick<ExportProjectRow, 'id' | 'budget_visible'>[],
): Promise<ExportChildren> {
  const ids = projects.map((p) => p.id);
  const moneyIds = projects.filter((p) => p.budget_visible).map((p) => p.id);
  const money = new Set(['budget_lines', 'iati_budgets', 'iati_planned_disbursements', 'iati_transactions']);
  const of = (table: string, columns: string, order = 'position') =>
    db.query(
      sql`SELECT project_id, ${sql.raw(columns)} FROM ${sql.raw(table)} WHERE project_id = ANY(${money.has(table) ? moneyIds : ids}::uuid[]) ORDER BY project_id, ${sql.raw(order)}`,
    );
  // One query per table, all at once; the keys are ExportChildren's.
  const queries: Record<keyof ExportChildren, Promise<unknown[]>> = {
    countries: of('project_countries', 'country, share', 'share DESC NULLS LAST, country'),
    regions: of('project_regions', 'name, code, share', 'name'),
    sectors: of('project_sectors', 'code, share', 'share DESC NULLS LAST, code'),
    participants:
      db.query(sql`SELECT pp.project_id, pp.role, o.name, o.iati_ref, o.type FROM project_participants pp
        JOIN organisations o ON o.id = pp.org_id WHERE pp.project_id = ANY(${ids}::uuid[]) ORDER BY pp.project_id, pp.role, o.name`),
    budgetLines: of('budget_lines', 'amount, currency, period_start, period_end, value_date, label'),
    budgets: of(
      'iati_budgets',
      'type_code, status_code, period_start, period_end, value::text, currency, value_date',
    ),
    plannedDisbursements: of(
      'iati_planned_disbursements',
      'type_code, period_start, period_end, value::text, currency, value_date, provider, receiver',
    ),
    transactions: of(
      'iati_transactions',
      'ref, type_code, transaction_date, value::text, currency, value_date, descriptions, provider, receiver, humanitarian, details',
    ),
    results: of('iati_results', 'type_code, aggregation_status, titles, descriptions, indicators'),
    documentLinks: of('iati_document_links', 'url, format, titles, categories, languages, document_date'),
    policyMarkers: of('iati_policy_markers', 'vocabulary, code, significance'),
    relatedActivities: of('iati_related_activities', 'ref, type_code'),
  };
  const tables = await Promise.all(
    Object.entries(queries).map(async ([key, rows]) => [key, await rows] as const),
  );
  return Object.fromEntries(tables) as unknown as ExportChildren;
}

/** Every organisation id: the CLI's `--all` export sees what the operator of the installation sees. */
export async function listOrganisationIds(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ id: string }>(sql`SELECT id FROM organisations`);
  return rows.map((r) => r.id);
}
