// SQL shared by every table of owned records. Reads always carry the access filter; writes are
// guarded by the version column.
import { visibleTo } from '../access/filter.ts';
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { pageClause, rankedPageClause } from '../db/pagination.ts';
import { type Sql, sql } from '../db/sql.ts';
import { coreKeys } from '../quality/elements.ts';
import type { OwnedRow, RecordTable } from './record-table.ts';

function bind(kind: 'value' | 'json' | 'text[]' | 'uuid[]', value: unknown): Sql {
  if (value === undefined || value === null) return sql`${null}`;
  if (kind === 'uuid[]') return sql`${value}::uuid[]`;
  if (kind === 'json') return sql`${JSON.stringify(value)}::jsonb`;
  if (kind === 'text[]') return sql`${value}::text[]`;
  return sql`${value}`;
}

/** The sharing columns every owned table has (migration 111), set by the sharing service's rules. */
const SHARING_COLUMNS = { shared_with: 'uuid[]', embargo_until: 'value', field_visibility: 'json' } as const;

function writable<Q>(t: RecordTable<Q>, input: Record<string, unknown>): [string, Sql][] {
  const columns: Record<string, 'value' | 'json' | 'text[]' | 'uuid[]'> = {
    ...t.columns,
    ...SHARING_COLUMNS,
  };
  return Object.entries(input)
    .filter(([key, value]) => key in columns && value !== undefined)
    .map(([key, value]) => [key, bind(columns[key]!, value)]);
}

function selectFrom<Q>(t: RecordTable<Q>, forList = false): Sql {
  const rank = t.rank ? sql`, ${t.rank} AS list_rank` : sql.empty;
  const present = t.completeness ? sql`${rank}, ${t.completeness.present} AS present_elements` : rank;
  const derived = t.derived ? sql`, ${t.derived}${present}` : present;
  const columns = forList && t.listColumns ? t.listColumns : sql`r.*`;
  return sql`SELECT ${columns}, o.name AS owner_name${derived} FROM ${sql.raw(t.table)} r JOIN organisations o ON o.id = r.owner_org_id`;
}

/** The tables a record may link to by id besides its project. */
export type LinkedTable = 'documents' | 'reviews' | 'evaluations' | 'meetings';

/** Whether the row exists and the viewer may see it: a hidden row answers as a missing one. */
export async function isLinkVisible(
  db: Queryable,
  viewer: Viewer,
  table: LinkedTable,
  id: string,
): Promise<boolean> {
  const rows = await db.query(
    sql`SELECT 1 FROM ${sql.raw(table)} l WHERE l.id = ${id} AND ${visibleTo(viewer, 'l')}`,
  );
  return rows.length > 0;
}

export interface ListOptions {
  limit: number;
  cursor?: string;
  project_id?: string;
  owner_org_id?: string;
  /** true: only records missing a core completeness element; false: only those with them all. */
  incomplete?: boolean;
}

/** Whether the row over alias `r` has every core element of its kind, or misses one. */
function completenessCondition<Q>(t: RecordTable<Q>, incomplete: boolean | undefined): Sql[] {
  if (incomplete === undefined || !t.completeness) return [];
  const hasCore = sql`(${coreKeys(t.completeness.kind)}::text[] <@ ${t.completeness.present})`;
  return [incomplete ? sql`NOT ${hasCore}` : hasCore];
}

export function recordsRepository<Row extends OwnedRow, Q>(t: RecordTable<Q>) {
  return {
    // Planned once per connection, as a project is (projects.repository.ts): a primary key lookup.
    async findVisible(db: Queryable, viewer: Viewer, id: string): Promise<Row | undefined> {
      const rows = await db.queryReused<Row>(
        sql`${selectFrom(t)} WHERE r.id = ${id} AND ${visibleTo(viewer, 'r')}`,
      );
      return rows[0];
    },

    async listVisible(db: Queryable, viewer: Viewer, q: ListOptions & Q): Promise<Row[]> {
      const page = t.rank ? rankedPageClause('r', t.rank, q.cursor) : pageClause('r', q.cursor);
      const conditions = [
        visibleTo(viewer, 'r'),
        page,
        ...t.filters(q, viewer),
        ...completenessCondition(t, q.incomplete),
      ];
      if (q.project_id) conditions.push(sql`r.project_id = ${q.project_id}`);
      if (q.owner_org_id) conditions.push(sql`r.owner_org_id = ${q.owner_org_id}`);
      const order = t.rank ? sql`${t.rank}, r.seq DESC` : sql`r.seq DESC`;
      return db.query<Row>(
        sql`${selectFrom(t, true)} WHERE ${sql.and(conditions)} ORDER BY ${order} LIMIT ${q.limit + 1}`,
      );
    },

    async insert(
      db: Queryable,
      ownerOrgId: string,
      createdBy: string | null,
      input: Record<string, unknown>,
    ): Promise<string> {
      const cols = [
        ...writable(t, input),
        ['owner_org_id', sql`${ownerOrgId}`],
        ['created_by', sql`${createdBy}`],
      ] as [string, Sql][];
      const rows = await db.query<{
        id: string;
      }>(sql`INSERT INTO ${sql.raw(t.table)} (${sql.join(cols.map(([k]) => sql.raw(k)))})
        VALUES (${sql.join(cols.map(([, v]) => v))}) RETURNING id`);
      return rows[0]!.id;
    },

    async update(
      db: Queryable,
      id: string,
      version: number,
      input: Record<string, unknown>,
    ): Promise<boolean> {
      const sets = writable(t, input).map(([k, v]) => sql`${sql.raw(k)} = ${v}`);
      const rows = await db.query(sql`UPDATE ${sql.raw(t.table)}
        SET ${sql.join([...sets, sql`version = version + 1`, sql`updated_at = now()`])}
        WHERE id = ${id} AND version = ${version} RETURNING id`);
      return rows.length > 0;
    },
  };
}
