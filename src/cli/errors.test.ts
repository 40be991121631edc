// The CLI's answers to bad input, through the real `tacit` command: one sentence naming the argument
// and what to give instead, the exit code a script can test, no stack trace, and nothing stored or
// written by a refused command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.ts';
import { createUnopenedTestDatabase, testEngine } from '../../test/support/test-db.ts';
import { openDatabase } from '../db/client.ts';
import { sql } from '../db/sql.ts';
import { REPO_ROOT } from '../paths.ts';

const noStackTrace = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe(`tacit's errors on ${testEngine()}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let tmp: string;
  beforeAll(async () => {
    ({ env, drop } = await createUnopenedTestDatabase());
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tacit-cli-errors-'));
  });
  afterAll(async () => {
    fs.rmSync(tmp, { recursive: true, force: true });
    await drop();
  });

  async function countRows(table: 'projects' | 'users' | 'api_tokens') {
    const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.TACIT_DATA_DIR ?? '' });
    try {
      const [row] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`);
      return row!.n;
    } finally {
      await db.close();
    }
  }

  it('prints its version', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-V']) {
      const run = await runCli([flag], env);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(`tacit ${version}`);
    }
  });

  it('refuses an export to a file it cannot write, before writing anything', async () => {
    const missing = path.join(tmp, 'missing-dir', 'x.xml');
    const run = await runCli(['export-iati', '--output', missing], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `Cannot write ${missing}: the directory ${path.dirname(missing)} does not exist`,
    );
    noStackTrace(run.stderr);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);

    const intoDirectory = await runCli(['export-iati', '--output', tmp], env);
    expect(intoDirectory.code).toBe(1);
    expect(intoDirectory.stderr).toContain(`Cannot write ${tmp}: it is a directory`);
  });

  it('names an export filter that no project can match, and writes no file', async () => {
    const output = path.join(tmp, 'filtered.xml');
    const country = await runCli(['export-iati', '--country', 'ZZ', '--output', output], env);
    expect(country.code).toBe(1);
    expect(country.stderr).toContain('--country ZZ: is not an ISO 3166-1 alpha-2 country code');
    const status = await runCli(['export-iati', '--status', 'active', 'banana'], env);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain('--status banana: is not a project status; use one of pipeline, active');
    expect(status.stdout).toBe('');
    const theme = await runCli(['export-iati', '--theme', 'no-such-theme', '--output', output], env);
    expect(theme.code).toBe(1);
    expect(theme.stderr).toContain('--theme no-such-theme: is not a theme');
    expect(fs.existsSync(output)).toBe(false);

    // A valid filter that matches nothing is not an error, but it is said.
    const empty = await runCli(['export-iati', '--country', 'pe', '--output', output], env);
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stderr).toContain(`No project matches these filters among the public records`);
    expect(fs.readFileSync(output, 'utf8')).toContain('<iati-activities');
  });

  it('reports a file that is not XML once, with exit code 2, and imports nothing', async () => {
    const notXml = path.join(tmp, 'notes.xml');
    fs.writeFileSync(notXml, 'Minutes of the steering committee, 3 May.\n');
    const run = await runCli(['import-iati', notXml], env);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('notes.xml: not well-formed XML');
    expect(run.stdout.split('notes.xml').length - 1).toBe(1);
    expect(await countRows('projects')).toBe(0);
  });

  it('says which file is missing or is a directory, without ENOENT or EISDIR', async () => {
    const missing = path.join(tmp, 'no-such-file.pdf');
    for (const args of [
      ['extract', missing],
      ['import', missing, '--org', 'Anyone'],
      ['import-iati', missing],
    ]) {
      const run = await runCli(args, env);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toBe(`tacit: No file or directory at ${missing}.\n`);
    }
    const directory = await runCli(['extract', tmp], env);
    expect(directory.code).toBe(1);
    expect(directory.stderr).toContain(`${tmp} is a directory; give one file. To read every document`);
    expect(directory.stderr).not.toMatch(/EISDIR|ENOENT/);
  });

  it('blames the --port option, not the environment, for a port that is not a number', async () => {
    for (const port of ['abc', '70000', '80.5']) {
      const run = await runCli(['serve', '--port', port], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`option '-p, --port <port>' argument '${port}' is invalid`);
      expect(run.stderr).toContain('Give a whole number from 0 to 65535');
      expect(run.stderr).not.toContain('environment');
    }
    const workers = await runCli(['import', tmp, '--org', 'X', '--workers', 'many'], env);
    expect(workers.code).toBe(1);
    expect(workers.stderr).toContain("option '--workers <n>' argument 'many' is invalid");
  });

  it('requires --org for import, as the README says', async () => {
    const run = await runCli(['import', tmp], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("required option '--org <name>' not specified");
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const row = readme.split('\n').find((line) => line.startsWith('| `tacit import FILE'));
    expect(row).toContain('--org NAME');
    expect(row).not.toContain('[--org');
  });

  it('tells who has no password how to sign in, and speaks of e-mails for an unknown user', async () => {
    expect((await runCli(['org', 'add', 'Errors Test Agency', '--acronym', 'ETA'], env)).code).toBe(0);
    const users = await countRows('users');
    const noPassword = await runCli(
      ['user', 'add', 'nopass@eta.example', '--org', 'ETA', '--role', 'editor'],
      env,
    );
    expect(noPassword.code, noPassword.stderr).toBe(0);
    expect(noPassword.stdout).toContain(
      'nopass@eta.example has no password, so cannot sign in to the web app',
    );
    expect(noPassword.stdout).toContain(
      'tacit user add nopass@eta.example --org "ETA" --role editor --password PASSWORD',
    );
    expect(noPassword.stdout).toContain('tacit token create nopass@eta.example');
    expect(await countRows('users')).toBe(users + 1);
    const withPassword = await runCli(
      [
        'user',
        'add',
        'nopass@eta.example',
        '--org',
        'ETA',
        '--role',
        'editor',
        '--password',
        'a-long-password',
      ],
      env,
    );
    expect(withPassword.code, withPassword.stderr).toBe(0);
    expect(withPassword.stdout).not.toContain('no password');

    const tokens = await countRows('api_tokens');
    const unknown = await runCli(['token', 'create', 'nobody@eta.example'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(
      'tacit: No user has the e-mail nobody@eta.example. Create the user first: tacit user add nobody@eta.example --org NAME --role viewer --password PASSWORD\n',
    );
    expect(unknown.stderr).not.toMatch(/\bid\b/);
    expect(await countRows('api_tokens')).toBe(tokens);
  });
});
