// Everything a registry holds, written out in one canonical order, so two databases can be compared
// byte for byte: every table's rows (document files and the audit log among them) in their text
// form sorted bytewise, the sequences, the schema version, and what a fixed list of searches
// answers, anonymously and as a member of every organisation. Backup → restore and move are
// checked with it.
import { ANONYMOUS, systemViewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { SearchQuery } from '../search/search.schema.ts';
import { searchService } from '../search/search.service.ts';
import { appliedMigrations, ident, listSequences, listTables } from './catalog.repository.ts';
import { beginConsistentRead } from './snapshot.repository.ts';

export const FIXED_SEARCHES = [
  'organised crime',
  'border security',
  'police OR prosecutors',
  '"criminal justice"',
  'cocaine -Africa',
  'NCA',
  'justicia',
  'training',
  '',
];

export async function fullExport(db: Database): Promise<string> {
  const lines: string[] = [];
  await db.transaction(async (tx) => {
    await beginConsistentRead(tx);
    lines.push(`migrations ${JSON.stringify(await appliedMigrations(tx))}`);
    for (const table of await listTables(tx)) {
      const rows = await tx.query<{ r: string }>(
        sql`SELECT t::text AS r FROM ${ident(table.name)} t ORDER BY t::text COLLATE "C"`,
      );
      lines.push(`table ${table.name} ${rows.length}`, ...rows.map((row) => row.r));
    }
    lines.push(`sequences ${JSON.stringify(await listSequences(tx))}`);
  });
  const [orgs] = await db.query<{ ids: string[] }>(
    sql`SELECT coalesce(array_agg(id::text ORDER BY id), '{}') AS ids FROM organisations`,
  );
  for (const viewer of [ANONYMOUS, systemViewer(orgs!.ids)]) {
    for (const q of FIXED_SEARCHES) {
      const result = await searchService.search(db, viewer, SearchQuery.parse({ q, limit: 50 }));
      lines.push(
        `search ${viewer === ANONYMOUS ? 'anonymous' : 'members'} ${JSON.stringify(q)} ${JSON.stringify(result)}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
