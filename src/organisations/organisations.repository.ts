// SQL for organisations. Organisations are a public directory, so reads need no access filter.
import type { Visibility } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { pageClause } from '../db/pagination.ts';
import { sql } from '../db/sql.ts';
import type {
  Organisation,
  OrganisationCreate,
  OrganisationListQuery,
  OrganisationUpdate,
} from './organisations.schema.ts';

type Row = Organisation & { seq: number; created_by_org_id: string | null };

const COLUMNS = sql`id, seq, name, acronym, aliases, type, country, parent_id, iati_ref, website, created_by_org_id,
  default_visibility, default_document_visibility, version, created_at, updated_at`;

export const organisationsRepository = {
  async findById(db: Queryable, id: string): Promise<Row | undefined> {
    return (await db.query<Row>(sql`SELECT ${COLUMNS} FROM organisations WHERE id = ${id}`))[0];
  },

  /** Exact match on name, acronym or any alias, ignoring case: how several spellings resolve to one. */
  async findByAnyName(db: Queryable, name: string): Promise<Row | undefined> {
    const n = name.trim();
    const rows = await db.query<Row>(sql`SELECT ${COLUMNS} FROM organisations
      WHERE lower(name) = lower(${n}) OR lower(acronym) = lower(${n})
        OR EXISTS (SELECT 1 FROM unnest(aliases) a WHERE lower(a) = lower(${n}))
      ORDER BY (lower(name) = lower(${n})) DESC, seq LIMIT 1`);
    return rows[0];
  },

  /** Another organisation whose name or acronym is this value (ignoring case). */
  async findOtherByNameOrAcronym(db: Queryable, value: string, selfId?: string): Promise<Row | undefined> {
    const v = value.trim();
    const rows = await db.query<Row>(sql`SELECT ${COLUMNS} FROM organisations
      WHERE (lower(name) = lower(${v}) OR lower(acronym) = lower(${v}))
        AND id IS DISTINCT FROM ${selfId ?? null}::uuid
      ORDER BY seq LIMIT 1`);
    return rows[0];
  },

  /** Every organisation's names, for resolving the names a document mentions (see ingest/recognise). */
  async listNames(
    db: Queryable,
  ): Promise<{ id: string; name: string; acronym: string | null; aliases: string[] }[]> {
    return db.query(sql`SELECT id, name, acronym, aliases FROM organisations ORDER BY seq`);
  },

  /** The directory's names and IATI refs, for finding the same organisation entered twice. */
  async listDirectory(
    db: Queryable,
  ): Promise<
    { id: string; name: string; acronym: string | null; aliases: string[]; iati_ref: string | null }[]
  > {
    return db.query(sql`SELECT id, name, acronym, aliases, iati_ref FROM organisations ORDER BY seq`);
  },

  async list(db: Queryable, q: OrganisationListQuery): Promise<Row[]> {
    const conditions = [pageClause('o', q.cursor)];
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, '\\$&')}%`;
      conditions.push(sql`(o.name ILIKE ${like} OR o.acronym ILIKE ${like}
        OR EXISTS (SELECT 1 FROM unnest(o.aliases) a WHERE a ILIKE ${like}))`);
    }
    if (q.type) conditions.push(sql`o.type = ${q.type}`);
    if (q.country) conditions.push(sql`o.country = ${q.country}`);
    return db.query<Row>(sql`SELECT ${COLUMNS} FROM organisations o WHERE ${sql.and(conditions)}
      ORDER BY o.seq DESC LIMIT ${q.limit + 1}`);
  },

  async insert(db: Queryable, o: OrganisationCreate, createdByOrgId: string | null): Promise<Row> {
    const rows = await db.query<Row>(sql`INSERT INTO organisations
      (name, acronym, aliases, type, country, parent_id, iati_ref, website, created_by_org_id)
      VALUES (${o.name}, ${o.acronym ?? null}, ${o.aliases}, ${o.type}, ${o.country ?? null}, ${o.parent_id ?? null},
        ${o.iati_ref ?? null}, ${o.website ?? null}, ${createdByOrgId})
      RETURNING ${COLUMNS}`);
    return rows[0]!;
  },

  /** Applies the change only if `version` is still current; undefined when it was not. */
  async update(db: Queryable, id: string, o: OrganisationUpdate): Promise<Row | undefined> {
    const set = (col: string, value: unknown) => sql`${sql.raw(col)} = ${value}`;
    const changes = Object.entries(o)
      .filter(([k, v]) => k !== 'version' && v !== undefined)
      .map(([k, v]) => set(k, v));
    const rows =
      await db.query<Row>(sql`UPDATE organisations SET ${sql.join([...changes, sql`version = version + 1`, sql`updated_at = now()`])}
      WHERE id = ${id} AND version = ${o.version} RETURNING ${COLUMNS}`);
    return rows[0];
  },

  async delete(db: Queryable, id: string): Promise<void> {
    await db.query(sql`DELETE FROM organisations WHERE id = ${id}`);
  },

  /** The visibility new records and documents of this organisation get when their writer names none. */
  async sharingDefaults(
    db: Queryable,
    id: string,
  ): Promise<{ records: Visibility; documents: Visibility } | undefined> {
    const rows = await db.query<{ records: Visibility; documents: Visibility }>(sql`SELECT
      default_visibility AS records, default_document_visibility AS documents FROM organisations WHERE id = ${id}`);
    return rows[0];
  },

  async memberCount(db: Queryable, id: string): Promise<number> {
    const rows = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM memberships WHERE org_id = ${id}`,
    );
    return rows[0]?.n ?? 0;
  },
};
