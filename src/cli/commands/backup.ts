// `tacit backup FILE`, `tacit restore FILE` and `tacit move --to DATABASE_URL`: a registry copied
// whole, as of one moment, into a file, from one, or from the embedded engine into PostgreSQL
// (src/backup says how).
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/client.ts';
import { DataDirLockedError } from '../../db/lock.ts';
import { openMigratedDatabase } from '../context.ts';
import { CliError, checkInputPaths, checkOutputFile } from '../input.ts';

/** The configured database, or why the embedded one cannot be had while the server runs. */
async function open(config = loadConfig()): Promise<Database> {
  try {
    return await openMigratedDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError)
      throw new CliError(
        `${err.message}\nThe embedded database belongs to one process: stop the server, run this command, and start the server again. ` +
          '(On PostgreSQL, backups are taken while the server serves.)',
      );
    throw err;
  }
}

async function snapshotError<T>(fn: () => Promise<T>): Promise<T> {
  const { SnapshotError } = await import('../../backup/snapshot.repository.ts');
  try {
    return await fn();
  } catch (err) {
    if (err instanceof SnapshotError) throw new CliError(err.message);
    throw err;
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'Write the whole registry, as of one moment, to FILE (gzipped; restorable on either engine with tacit restore)',
    )
    .argument('<file>', 'the backup file to write, e.g. tacit-2026-12-03.backup.gz')
    .action(async (file: string) => {
      checkOutputFile(file);
      const { backupService } = await import('../../backup/backup.service.ts');
      const db = await open();
      try {
        const started = Date.now();
        const { rows } = await snapshotError(() => backupService.backupToFile(db, file));
        console.log(`Backed up ${rows} rows to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
      } finally {
        await db.close();
      }
    });

  program
    .command('restore')
    .description('Load a backup made by tacit backup into this database, which must hold no registry yet')
    .argument('<file>', 'the backup file')
    .action(async (file: string) => {
      checkInputPaths([file]);
      const { backupService } = await import('../../backup/backup.service.ts');
      const db = await open();
      try {
        const { rows } = await snapshotError(() => backupService.restoreFromFile(db, file));
        console.log(`Restored ${rows} rows from ${file}.`);
      } finally {
        await db.close();
      }
    });

  program
    .command('move')
    .description(
      'Copy the embedded registry (TACIT_DATA_DIR) into an empty PostgreSQL database; then start Tacit with DATABASE_URL set to it',
    )
    .requiredOption('--to <url>', 'the PostgreSQL database, postgres://user:password@host:5432/name')
    .action(async (opts: { to: string }) => {
      const config = loadConfig();
      if (config.databaseUrl)
        throw new CliError(
          'move copies the embedded database (TACIT_DATA_DIR) into PostgreSQL, but DATABASE_URL is set: unset it.',
        );
      if (!/^postgres(ql)?:\/\//.test(opts.to))
        throw new CliError(
          `--to ${redact(opts.to)}: give a PostgreSQL URL, postgres://user:password@host:5432/name.`,
        );
      const target = loadConfig({ ...process.env, DATABASE_URL: opts.to });
      const { backupService } = await import('../../backup/backup.service.ts');
      const source = await open(config);
      try {
        const into = await openMigratedDatabase(target);
        try {
          const { rows } = await snapshotError(() => backupService.copyDatabase(source, into));
          console.log(
            `Copied ${rows} rows from ${config.dataDir} into PostgreSQL. Start Tacit with DATABASE_URL=${redact(opts.to)} to use it.`,
          );
        } finally {
          await into.close();
        }
      } finally {
        await source.close();
      }
    });
}

/** The URL without its password, for printing. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
