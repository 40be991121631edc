// The operator's side of IATI trust: `tacit user network-admin` makes a network administrator and
// `tacit org verify-publisher` verifies (or withdraws) a publisher ref for an organisation, which
// an upload by that organisation may then write under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMigratedDatabase } from '../src/cli/context.ts';
import { loadConfig } from '../src/config.ts';
import { sql } from '../src/db/sql.ts';
import { runCli } from './support/cli.ts';
import { createUnopenedTestDatabase, testEngine } from './support/test-db.ts';

describe(`tacit network administrators and publisher refs on ${testEngine()}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
  });
  afterAll(() => drop());

  async function read<T>(query: ReturnType<typeof sql>): Promise<T[]> {
    const db = await openMigratedDatabase(loadConfig({ ...process.env, ...env }));
    try {
      return await db.query<T>(query);
    } finally {
      await db.close();
    }
  }

  it('verifies and withdraws a ref, and grants and revokes the network administrator role', async () => {
    expect((await runCli(['org', 'add', 'Publisher CLI Agency', '--acronym', 'PCA'], env)).code).toBe(0);
    const user = await runCli(['user', 'add', 'net@pca.example', '--org', 'PCA', '--role', 'viewer'], env);
    expect(user.code, user.stderr).toBe(0);

    const verify = await runCli(['org', 'verify-publisher', 'PCA', 'XM-PCA-1'], env);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('"XM-PCA-1" verified for Publisher CLI Agency');
    const refs = await read<{ ref: string; name: string }>(sql`SELECT r.ref, o.name
      FROM organisation_publisher_refs r JOIN organisations o ON o.id = r.org_id`);
    expect(refs).toEqual([{ ref: 'XM-PCA-1', name: 'Publisher CLI Agency' }]);

    const badRef = await runCli(['org', 'verify-publisher', 'PCA', 'XM PCA'], env);
    expect(badRef.code).toBe(1);
    expect(badRef.stderr).toContain('ref:');
    const noOrg = await runCli(['org', 'verify-publisher', 'Nowhere', 'XM-PCA-2'], env);
    expect(noOrg.code).toBe(1);
    expect(noOrg.stderr).toContain('No organisation is called "Nowhere"');

    const grant = await runCli(['user', 'network-admin', 'net@pca.example'], env);
    expect(grant.code, grant.stderr).toBe(0);
    const unknown = await runCli(['user', 'network-admin', 'nobody@pca.example'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('nobody@pca.example');
    const flag = () => read<{ network_admin: boolean }>(sql`SELECT network_admin FROM users`);
    expect(await flag()).toEqual([{ network_admin: true }]);
    expect((await runCli(['user', 'network-admin', 'net@pca.example', '--revoke'], env)).code).toBe(0);
    expect(await flag()).toEqual([{ network_admin: false }]);

    const withdraw = await runCli(['org', 'verify-publisher', 'PCA', 'XM-PCA-1', '--withdraw'], env);
    expect(withdraw.code, withdraw.stderr).toBe(0);
    expect(await read(sql`SELECT ref FROM organisation_publisher_refs`)).toEqual([]);
    // Each command is a process of its own (a few seconds each on a busy machine).
  }, 300_000);
});
