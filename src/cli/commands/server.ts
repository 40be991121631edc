// `tacit serve`, `tacit migrate` and `tacit seed-demo`. The server and the demo loader are imported
// when their command runs, so that every other command starts without them (~20 MB less).
import type { Command } from 'commander';
import type { StartProgress } from '../../app/start.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { loadReferenceData } from '../../reference/load.ts';
import { tidyAfterCommand, withDatabase } from '../context.ts';
import { wholeNumber } from '../input.ts';

/**
 * Start-up's steps on stderr as they begin; the demo load as n/N, on one line rewritten in place in
 * a terminal, and a line a tenth of the way otherwise (a log file needs no twenty lines of it).
 */
function startProgress(out: NodeJS.WriteStream): StartProgress {
  let lastTenth = -1;
  return {
    step: (text) => out.write(`${text}\n`),
    demo: (done, total, what) => {
      const line = `Loading the demo registry ${done}/${total}: ${what}`;
      if (out.isTTY)
        out.write(`\r\x1b[K${line.slice(0, (out.columns ?? 80) - 1)}${done === total ? '\n' : ''}`);
      else if (Math.floor((done / total) * 10) > lastTenth || done === total) {
        lastTenth = Math.floor((done / total) * 10);
        out.write(`${line}\n`);
      }
    },
  };
}

export function registerServerCommands(program: Command): void {
  program
    .command('serve')
    .description('Start the web app and API (PORT, default 8080); loads the demo data into an empty database')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)', wholeNumber(0, 65535, 8080))
    .option('--host <host>', 'address to listen on (overrides HOST, default 127.0.0.1)')
    .option('--no-demo', 'do not load the demo data into an empty database')
    .action(async (opts: { port?: number; host?: string; demo: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(opts.port !== undefined ? { PORT: String(opts.port) } : {}),
        ...(opts.host ? { HOST: opts.host } : {}),
        ...(opts.demo ? {} : { TACIT_SEED_DEMO: 'never' }),
      });
      const [{ startServer }, { demoSignIns }] = await Promise.all([
        import('../../app/start.ts'),
        import('../../demo/seed.ts'),
      ]);
      const server = await startServer(config, startProgress(process.stderr));
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `embedded PostgreSQL in ${config.dataDir}`;
      console.log(`Tacit is running at ${server.url} on ${where}. API documentation: ${server.url}/api/docs`);
      if (server.demo) {
        const d = server.demo;
        const { password, users } = demoSignIns();
        console.log(
          `Demo registry loaded: ${d.organisations} organisations, ${d.projects} projects, ${d.records} reviews, evaluations, meetings, recommendations and lessons, ${d.iatiActivities} IATI activities.`,
        );
        console.log(`Sign in at ${server.url} with password ${password} as:`);
        for (const u of users) console.log(`  ${u.email.padEnd(24)} ${u.role} of ${u.org}`);
      }
      const stop = async (signal: string) => {
        console.log(`\n${signal}: stopping Tacit…`);
        await server.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
    });

  program
    .command('migrate')
    .description(
      'Apply database migrations that have not run yet, and capability SQL that changed (start-up also does this)',
    )
    .action(async () => {
      const db = await openDatabase(loadConfig());
      try {
        const { applied, routines } = await migrate(db);
        const loaded = await loadReferenceData(db);
        console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
        if (routines.length) console.log(`Applied capability SQL: ${routines.join(', ')}`);
        if (loaded.length) console.log(`Loaded vocabularies: ${loaded.join(', ')}`);
      } finally {
        await db.close();
      }
    });

  program
    .command('seed-demo')
    .description(
      'Load the demo registry (organisations, projects, reviews, evaluations, a meeting, IATI activities); adds nothing twice',
    )
    .action(async () => {
      const { seedDemo } = await import('../../demo/seed.ts');
      const s = await withDatabase(async (db) => {
        const summary = await seedDemo(db);
        await tidyAfterCommand(db);
        return summary;
      });
      console.log(
        `Demo data: ${s.organisations} organisations, ${s.users} users, ${s.projects} projects, ` +
          `${s.records} reviews/evaluations/meetings/recommendations/lessons, ${s.iatiActivities} IATI activities added.`,
      );
    });
}
