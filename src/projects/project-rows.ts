// The columns a bulk writer (the IATI import) gives for a project and each of its child tables,
// as jsonb_to_recordset reads them (keys = column names). The ids (project, owner, participants)
// are the writer's to add; projects-bulk.repository.ts writes the rows.
export const PROJECT_ROW_COLUMNS = {
  project_countries: 'country text, share numeric',
  project_regions: 'name text, code text, share numeric',
  project_themes: 'theme text',
  project_sectors: 'code text, share numeric',
  projects: `iati_identifier text, title text, description text, status text, start_date date,
    start_precision text, end_date date, end_precision text, language text, outcome_statement text, extra jsonb`,
  budget_lines: `position int, amount numeric, currency text, period_start date, period_end date,
    value_date date, label text`,
  outputs: 'position int, number int, title text, description text',
  indicators: `position int, output_number int, title text, unit text, baseline_value numeric,
    baseline_date date, target_value numeric, target_date date, actual_value numeric, actual_date date`,
} as const;

export type ProjectRowTable = keyof typeof PROJECT_ROW_COLUMNS;

/** A project written in bulk: its id, owner, its rows per table as JSON arrays, its participants. */
export interface BulkProject {
  projectId: string;
  ownerOrgId: string;
  rows: Partial<Record<ProjectRowTable, string>>;
  /** Participating organisations, resolved to ids, each with its role. */
  participants: { orgId: string; role: string }[];
}
