// Child process for the crash test: writes many rows in one transaction and announces that it
// is mid-way, so the test can kill -9 it there.
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { sql } from '../../src/db/sql.ts';

const db = await openDatabase(loadConfig());
await db.transaction(async (tx) => {
  const [org] = await tx.query<{ id: string }>(
    sql`INSERT INTO organisations (name) VALUES ('Crash Test Org') RETURNING id`,
  );
  for (let i = 0; ; i++) {
    await tx.query(
      sql`INSERT INTO projects (owner_org_id, title) VALUES (${org!.id}, ${`Half-written ${i}`})`,
    );
    if (i === 200) process.stdout.write('MID-WRITE\n');
  }
});
