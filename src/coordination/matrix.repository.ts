// SQL for the 3W matrix: read from the cells kept at commit when they can answer, else grouped
// from the kept facts (migration 050). Both carry the visibility and owner of their projects, so
// the access filter applies to them as to the projects themselves.
import { fieldVisibleTo, visibleTo } from '../access/filter.ts';
import { isSignedIn, type Viewer } from '../access/viewer.ts';
import type { Database, Queryable } from '../db/client.ts';
import { type Sql, sql } from '../db/sql.ts';
import { activeInYearConditions, projectFilterConditions } from '../projects/project-filters.repository.ts';
import type { AnalyticsQuery } from './coordination.schema.ts';

/** The position of a currency in the budget arrays of matrix_facts and matrix_cells. */
export const currencyIndex = (currency: string) =>
  // A scalar subquery is computed once per statement; the bare call was computed once per row.
  sql`(SELECT array_position(matrix_currencies(), ${currency}::text))`;

export interface MatrixRow {
  org_id: string;
  organisation: string;
  country: string | null;
  theme: string | null;
  projects: number;
  /** 0 where no project of the cell states a budget that converts (see budgeted). */
  budget: number;
  /** How many of the cell's projects state a budget: none means unknown, not 0. */
  budgeted: number;
}

type MatrixQuery = AnalyticsQuery & {
  dimensions: ('country' | 'theme')[];
  /** The page of cells, largest first; without a limit, every cell. */
  limit?: number;
  offset?: number;
};

/**
 * The maintained cells answer when every filter is on a dimension they are split by; any other
 * filter (year, status, DAC code, role, or a country or theme not split on) needs the facts.
 */
function cellsAnswer(q: MatrixQuery): boolean {
  return (
    q.year === undefined &&
    !q.status?.length &&
    !q.dac?.length &&
    !q.role?.length &&
    (!q.country?.length || q.dimensions.includes('country')) &&
    (!q.theme?.length || q.dimensions.includes('theme'))
  );
}

/** The facts (or cells) aliased f that the viewer may see and that pass the filters. */
function matrixConditions(viewer: Viewer, q: MatrixQuery, source: 'facts' | 'cells'): Sql {
  const c = [visibleTo(viewer, 'f')];
  if (q.country?.length) c.push(sql`f.country = ANY(${q.country}::text[])`);
  if (q.theme?.length) c.push(sql`f.theme = ANY(${q.theme}::text[])`);
  if (source === 'cells') return sql.and([...c, sql`f.dims = ${dimsCode(q)}`]);
  // matrix_facts carries the project columns the filters read, under the projects table's names.
  c.push(...projectFilterConditions({ dac: q.dac, status: q.status }, { alias: 'f', id: 'project_id' }));
  if (q.year !== undefined) c.push(...activeInYearConditions(q.year, 'f'));
  if (q.role?.length) c.push(sql`f.roles && ${q.role}::text[]`);
  return sql.and(c);
}

const dimsCode = (q: MatrixQuery) =>
  (q.dimensions.includes('country') ? 1 : 0) + (q.dimensions.includes('theme') ? 2 : 0);

/**
 * Cells per organisation and the dimensions asked for. A dimension left out is not split on: its
 * column is NULL, each project counts once per cell, and its budget weights add up within the cell.
 * Read from matrix_cells when they can answer, else grouped from matrix_facts (migration 050).
 */
export async function matrixCells(
  db: Database,
  viewer: Viewer,
  q: MatrixQuery,
): Promise<{ cells: MatrixRow[]; total: number }> {
  const byCountry = q.dimensions.includes('country');
  const byTheme = q.dimensions.includes('theme');
  const budget = sql`f.budget[${currencyIndex(q.currency)}]`;
  // A budget its owner withholds from this viewer adds nothing to any cell.
  const budgetVisible = fieldVisibleTo(viewer, 'f', sql`f.budget_visibility`);
  let cells: Sql;
  if (!cellsAnswer(q))
    cells = sql`SELECT f.org_id, ${byCountry ? sql`f.country` : sql`''`} AS country, ${byTheme ? sql`f.theme` : sql`''`} AS theme,
        ${byCountry && byTheme ? sql`count(*)` : sql`count(DISTINCT f.project_id)`} AS projects,
        sum(${budget} * f.w) FILTER (WHERE ${budgetVisible}) AS budget,
        ${byCountry && byTheme ? sql`count(*)` : sql`count(DISTINCT f.project_id)`} FILTER (WHERE f.budget IS NOT NULL AND ${budgetVisible}) AS budgeted
      FROM matrix_facts f WHERE ${matrixConditions(viewer, q, 'facts')} GROUP BY 1, 2, 3`;
  else if (isSignedIn(viewer))
    // The kept cells hold only budgets that follow their project; the few restricted ones this
    // viewer may see are added from the facts (projects 0: the cells already count them).
    cells = sql`SELECT c.org_id, c.country, c.theme, sum(c.projects) AS projects, sum(c.budget) AS budget,
        sum(c.budgeted) AS budgeted FROM (
        SELECT f.org_id, f.country, f.theme, f.projects, ${budget} AS budget, f.budgeted
        FROM matrix_cells f WHERE ${matrixConditions(viewer, q, 'cells')}
        UNION ALL
        SELECT f.org_id, ${byCountry ? sql`f.country` : sql`''`}, ${byTheme ? sql`f.theme` : sql`''`}, 0, ${budget} * f.w,
          (f.budget IS NOT NULL)::int
        FROM matrix_facts f WHERE f.budget_visibility <> '' AND ${budgetVisible}
          AND ${matrixConditions(viewer, q, 'facts')}) c
      GROUP BY c.org_id, c.country, c.theme`;
  // Anonymous visitors see one class, public, which has one row per key: nothing to add up.
  else
    cells = sql`SELECT f.org_id, f.country, f.theme, f.projects, ${budget} AS budget, f.budgeted
      FROM matrix_cells f WHERE ${matrixConditions(viewer, q, 'cells')}`;
  // The page of cells comes back as one text, a line per cell, and the names of their
  // organisations once each: decoding them as rows cost the embedded engine three times as much
  // as the query itself, and building a JSON array per cell cost PostgreSQL 130 ms of 200. The
  // fields are ids, codes and numbers, so a comma cannot occur inside one. Cells are ordered
  // largest budget first (none last), then most projects, then by organisation, country and theme
  // by code point (C collation, so the order does not depend on the server's locale); only the
  // page asked for is cut out and sent. With 1,779 organisations the whole matrix of a registry of
  // 100,000 projects holds some 600,000 cells, and building, sending and sorting them all in Node
  // took 110 s (docs/PERFORMANCE.md): a top-N sort in the engine keeps only the page.
  const cellOrder = sql`c.budget DESC NULLS LAST, c.projects DESC, c.name COLLATE "C", coalesce(c.country, '') COLLATE "C",
    coalesce(c.theme, '') COLLATE "C", c.org_id`;
  // The whole matrix (the exports) is sorted in Node, which did 60,000 cells in a quarter of the
  // engine's 80 ms; a page needs the engine's top-N sort, which never orders the rest.
  const paged = q.limit !== undefined;
  const page = paged
    ? sql`SELECT * FROM (SELECT c.*, o.name FROM cell c JOIN organisations o ON o.id = c.org_id) c
      ORDER BY ${cellOrder} LIMIT ${q.limit} OFFSET ${q.offset ?? 0}`
    : sql`SELECT * FROM cell`;
  const [row] = await db.transaction(async (tx) => {
    // Grouping the facts in the default 4 MB of memory spilled to disk. (PostgreSQL's JIT compiler,
    // which their cost estimate used to wake, is off for every connection: src/db/client.ts.)
    await tx.query(sql`SET LOCAL work_mem = '32MB'`);
    return tx.query<{
      cells: string | null;
      names: string | null;
      total: number;
    }>(sql`WITH cell AS MATERIALIZED (${cells}),
    page AS MATERIALIZED (${page})
    SELECT (SELECT string_agg(c.org_id || ',' || coalesce(c.country, '') || ',' || coalesce(c.theme, '') || ','
        || c.projects || ',' || coalesce(c.budget::text, '') || ',' || c.budgeted, E'\n' ${paged ? sql`ORDER BY ${cellOrder}` : sql.empty}) FROM page c) AS cells,
      (SELECT json_object_agg(o.id, o.name) FROM organisations o
        WHERE EXISTS (SELECT 1 FROM page c WHERE c.org_id = o.id))::text AS names,
      (SELECT count(*) FROM cell)::int AS total`);
  });
  const names = JSON.parse(row!.names ?? '{}') as Record<string, string>;
  const budgets: (number | null)[] = [];
  const rows = (row!.cells?.split('\n') ?? []).map((line): MatrixRow => {
    const [org_id, country, theme, projects, budget, budgeted] = line.split(',') as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const raw = budget === '' ? null : Number(budget);
    budgets.push(raw);
    return {
      org_id,
      organisation: names[org_id]!,
      country: country || null,
      theme: theme || null,
      projects: Number(projects),
      // Rounded here: converting 60,000 floats to numeric to round them cost the engine 80 ms.
      budget: raw === null ? 0 : Math.round(raw * 100) / 100,
      budgeted: Number(budgeted),
    };
  });
  if (paged) return { cells: rows, total: Number(row!.total) };
  // The engine's order (cellOrder), on the unrounded budgets.
  const order = rows.map((_, i) => i);
  order.sort((i, j) => {
    const a = rows[i]!;
    const b = rows[j]!;
    return (
      (budgets[j] ?? Number.NEGATIVE_INFINITY) - (budgets[i] ?? Number.NEGATIVE_INFINITY) ||
      b.projects - a.projects ||
      byCodePoint(a.organisation, b.organisation) ||
      byCodePoint(a.country ?? '', b.country ?? '') ||
      byCodePoint(a.theme ?? '', b.theme ?? '') ||
      byCodePoint(a.org_id, b.org_id)
    );
  });
  return { cells: order.map((i) => rows[i]!), total: Number(row!.total) };
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Currencies of the matrix's budget lines that the rate table lacks (left out of its budgets). */
export async function matrixUnconvertibleCurrencies(
  db: Queryable,
  viewer: Viewer,
  q: MatrixQuery,
): Promise<string[]> {
  const conditions = matrixConditions(viewer, { ...q, dimensions: ['country', 'theme'] }, 'facts');
  const rows = await db.query<{ currency: string }>(sql`SELECT DISTINCT u.currency FROM matrix_unconvertible u
    WHERE EXISTS (SELECT 1 FROM matrix_facts f WHERE f.project_id = u.project_id AND ${conditions})
    ORDER BY 1`);
  return rows.map((r) => r.currency);
}
