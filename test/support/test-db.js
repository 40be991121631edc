// A fresh database for the calling test file, on the engine this vitest project runs
// (TACIT_TEST_ENGINE), copied from the template that global-setup migrated once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { openDatabase } from "../../src/db/client.js";
export function testEngine() {
    return process.env.TACIT_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}
/** A database of its own for one test file: a copy of the migrated template, or empty. */
async function newTestDatabase(fromTemplate) {
    if (testEngine() === 'postgres') {
        const base = inject('postgresUrl');
        const name = `tacit_${fromTemplate ? 'test' : 'empty'}_${randomBytes(6).toString('hex')}`;
        const admin = await openDatabase({ databaseUrl: base, dataDir: '' });
        await admin.exec(`CREATE DATABASE ${name}${fromTemplate ? ' TEMPLATE tacit_template' : ''}`);
        const databaseUrl = base.replace(/\/postgres$/, `/${name}`);
        const db = await openDatabase({ databaseUrl, dataDir: '' });
        return {
            db,
            config: { databaseUrl, dataDir: '' },
            async drop() {
                await db.close();
                await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
                await admin.close();
            },
        };
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), fromTemplate ? 'tacit-pglite-' : 'tacit-pglite-empty-'));
    if (fromTemplate)
        fs.cpSync(inject('pgliteTemplate'), dataDir, { recursive: true });
    const db = await openDatabase({ dataDir, databaseUrl: undefined });
    return {
        db,
        config: { databaseUrl: undefined, dataDir },
        async drop() {
            await db.close();
            fs.rmSync(dataDir, { recursive: true, force: true });
        },
    };
}
export function createTestDatabase() {
    return newTestDatabase(true);
}
/** A fresh migrated database that this process does not open: for the CLI and servers run as child processes. */
export async function createUnopenedTestDatabase() {
    const t = await createTestDatabase();
    await t.db.close();
    if (t.config.databaseUrl) {
        return {
            env: { DATABASE_URL: t.config.databaseUrl },
            drop: () => dropPostgresDatabase(t.config.databaseUrl),
        };
    }
    return {
        env: { TACIT_DATA_DIR: t.config.dataDir },
        async drop() {
            fs.rmSync(t.config.dataDir, { recursive: true, force: true });
        },
    };
}
async function dropPostgresDatabase(url) {
    const name = new URL(url).pathname.slice(1);
    const admin = await openDatabase({ databaseUrl: inject('postgresUrl'), dataDir: '' });
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
}
/** An empty database with nothing applied: for tests that build the schema themselves (upgrades). */
export function createEmptyTestDatabase() {
    return newTestDatabase(false);
}
//# sourceMappingURL=test-db.js.map