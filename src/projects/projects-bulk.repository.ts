// Project rows written in bulk (the IATI import): one statement per table per batch, in the order
// the search index needs (facets, then projects, then details). Every function takes the
// transaction it runs in, so a batch commits whole or not at all. Single projects are written by
// projects.repository.ts.

import { insertColumns, insertJsonRows } from '../db/bulk.ts';
import type { Queryable } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { type BulkProject, PROJECT_ROW_COLUMNS, type ProjectRowTable } from './project-rows.ts';

/** Search-faceted child tables, written before their projects (see insertProjectFacets). */
const FACET_TABLES = ['project_countries', 'project_regions', 'project_themes', 'project_sectors'] as const;

/** Child tables written after the projects. */
const DETAIL_TABLES = ['budget_lines', 'outputs', 'indicators'] as const;

/** Foreign keys of the search-indexed child tables to projects, deferrable since migration 011. */
const SEARCH_FACET_FKEYS = [
  'project_countries_project_id_fkey',
  'project_regions_project_id_fkey',
  'project_themes_project_id_fkey',
  'project_sectors_project_id_fkey',
  'project_participants_project_id_fkey',
];

const rowsOf = (projects: BulkProject[], table: ProjectRowTable) =>
  projects.map((p) => ({ id: p.projectId, ownerOrgId: p.ownerOrgId, json: p.rows[table] }));

async function insertTable(tx: Queryable, projects: BulkProject[], table: ProjectRowTable): Promise<void> {
  await insertJsonRows(tx, rowsOf(projects, table), {
    table,
    idColumn: 'project_id',
    defs: PROJECT_ROW_COLUMNS[table],
  });
}

/** Removes the child rows of projects about to be written again (the projects themselves stay). */
export async function deleteProjectChildren(tx: Queryable, projectIds: string[]): Promise<void> {
  if (!projectIds.length) return;
  for (const table of [...FACET_TABLES, 'project_participants', ...DETAIL_TABLES]) {
    await tx.query(sql`DELETE FROM ${sql.raw(table)} WHERE project_id = ANY(${projectIds}::uuid[])`);
  }
}

/**
 * Countries, regions, themes, sectors and participants, written before their projects (their
 * foreign keys checked at commit), so the search index refreshes each new project once, when
 * upsertBulkProjects writes it (migration 011).
 */
export async function insertProjectFacets(tx: Queryable, projects: BulkProject[]): Promise<void> {
  await tx.query(sql`SET CONSTRAINTS ${sql.raw(SEARCH_FACET_FKEYS.join(', '))} DEFERRED`);
  for (const table of FACET_TABLES) await insertTable(tx, projects, table);
  const participants = projects.flatMap((w) => {
    const seen = new Set<string>();
    return w.participants
      .filter((p) => {
        const key = `${p.orgId}/${p.role}`;
        return !seen.has(key) && seen.add(key);
      })
      .map((p) => ({ projectId: w.projectId, ...p }));
  });
  await insertColumns(tx, 'project_participants', [
    ['project_id', 'uuid', participants.map((r) => r.projectId)],
    ['org_id', 'uuid', participants.map((r) => r.orgId)],
    ['role', 'text', participants.map((r) => r.role)],
  ]);
}

/**
 * The projects themselves, last of the search-indexed tables: its one index refresh sees every
 * facet written before. An update keeps the visibility the owner chose; a new project from a bulk
 * source (IATI) is published data, so public.
 */
export async function upsertBulkProjects(tx: Queryable, projects: BulkProject[]): Promise<void> {
  await insertJsonRows(tx, rowsOf(projects, 'projects'), {
    table: 'projects',
    idColumn: 'id',
    defs: PROJECT_ROW_COLUMNS.projects,
    columns: sql`owner_org_id, visibility`,
    values: sql`b.owner_org_id, 'public'`,
    suffix: sql`ON CONFLICT (id) DO UPDATE SET iati_identifier = EXCLUDED.iati_identifier, title = EXCLUDED.title,
      description = EXCLUDED.description, status = EXCLUDED.status, start_date = EXCLUDED.start_date,
      start_precision = EXCLUDED.start_precision, end_date = EXCLUDED.end_date, end_precision = EXCLUDED.end_precision,
      language = EXCLUDED.language, outcome_statement = EXCLUDED.outcome_statement,
      extra = (projects.extra - 'iati') || EXCLUDED.extra, version = projects.version + 1, updated_at = now()`,
  });
}

/** Budget lines, outputs and indicators, after their projects. */
export async function insertProjectDetails(tx: Queryable, projects: BulkProject[]): Promise<void> {
  for (const table of DETAIL_TABLES) await insertTable(tx, projects, table);
}
