// Who counts as a project's donor, the one rule for the dashboard, the gaps and the country brief:
// its funders; a project that names none is credited to its owner only when the owner is a donor
// government. Owning a record says who entered it, not who paid: an implementing agency or a
// ministry that uploads an evaluation must not appear among the donors.
import { type Sql, sql } from '../db/sql.ts';

/** The ids of the donors of the project aliased `alias` (a row with the projects table's id and owner_org_id). */
export function donorIdsOf(alias: string): Sql {
  const p = sql.raw(alias);
  return sql`SELECT pp.org_id FROM project_participants pp WHERE pp.project_id = ${p}.id AND pp.role = 'funder'
    UNION SELECT o.id FROM organisations o WHERE o.id = ${p}.owner_org_id AND o.type = 'donor_government'
      AND NOT EXISTS (SELECT 1 FROM project_participants x WHERE x.project_id = ${p}.id AND x.role = 'funder')`;
}
