// The parts of a database's schema that start-up makes: tables with their columns, indexes,
// views, functions with their whole definitions, and triggers. Two databases whose catalogues are
// equal run the same SQL, so an upgraded database can be compared with a freshly created one.
import type { Queryable } from '../../src/db/client.ts';
import { sql } from '../../src/db/sql.ts';

export interface Catalogue {
  tables: string[];
  columns: string[];
  indexes: string[];
  constraints: string[];
  views: string[];
  functions: string[];
  triggers: string[];
}

const lines = async (db: Queryable, q: ReturnType<typeof sql>) =>
  (await db.query<{ line: string }>(q)).map((r) => r.line);

export async function readCatalogue(db: Queryable): Promise<Catalogue> {
  return {
    tables: await lines(
      db,
      sql`SELECT c.relname || ' ' || c.relkind::text AS line FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'm') ORDER BY 1`,
    ),
    // Columns in their order of attribute number, as a table is read with SELECT *.
    columns: await lines(
      db,
      sql`SELECT c.relname || '.' || a.attname || ' #' || a.attnum || ' ' || format_type(a.atttypid, a.atttypmod)
          || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
          || coalesce(' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid), '')
          || CASE WHEN a.attgenerated::text <> '' THEN ' GENERATED' ELSE '' END AS line
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
          AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1`,
    ),
    indexes: await lines(
      db,
      sql`SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
    ),
    constraints: await lines(
      db,
      sql`SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) AS line
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`,
    ),
    views: await lines(
      db,
      sql`SELECT viewname || ': ' || definition AS line FROM pg_views WHERE schemaname = 'public' ORDER BY 1`,
    ),
    functions: await lines(
      db,
      sql`SELECT pg_get_functiondef(p.oid) AS line FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace ORDER BY p.proname, pg_get_function_identity_arguments(p.oid)`,
    ),
    // Constraint triggers are listed too (the deferred flushes); internal ones (foreign keys) are not.
    triggers: await lines(
      db,
      sql`SELECT pg_get_triggerdef(t.oid) || CASE WHEN t.tgenabled::text = 'D' THEN ' DISABLED' ELSE '' END AS line
        FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        WHERE c.relnamespace = 'public'::regnamespace AND NOT t.tgisinternal ORDER BY 1`,
    ),
  };
}
