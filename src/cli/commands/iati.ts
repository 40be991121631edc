// `tacit import-iati` and `tacit export-iati`: the IATI import and export from the command line,
// on the same database as the server. Like every command module, it imports what its commands run
// when they run (commands/index.ts says why).
import fs from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { ANONYMOUS, systemViewer } from '../../access/viewer.ts';
import { loadConfig } from '../../config.ts';
import type { IatiExportFilters } from '../../iati/export.ts';
import { ProjectStatus } from '../../projects/projects.schema.ts';
import { CountryCode, DacCode, ThemeSlug } from '../../server/schemas.ts';
import { tidyAfterCommand, withDatabase } from '../context.ts';
import { CliError, checkInputPaths, checkOutputFile, describeFileError, wholeNumber } from '../input.ts';

/** The export's filters, checked against the same vocabularies as the API's records. */
const ExportFilters = z.object({
  country: z.array(CountryCode).optional(),
  theme: z.array(ThemeSlug).optional(),
  sector: z.array(DacCode).optional(),
  status: z.array(ProjectStatus).optional(),
  publisher: z.string().optional(),
});

function checkedFilters(opts: IatiExportFilters): IatiExportFilters {
  const parsed = ExportFilters.safeParse({
    country: opts.country,
    theme: opts.theme,
    sector: opts.sector,
    status: opts.status,
    publisher: opts.publisher,
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const [option, index] = issue.path as [keyof IatiExportFilters, number | undefined];
  const given = index === undefined ? opts[option] : (opts[option] as string[])[index];
  const message =
    option === 'status'
      ? `is not a project status; use one of ${ProjectStatus.options.join(', ')}`
      : issue.message;
  throw new CliError(`--${option} ${given}: ${message}.`);
}

export function registerIatiCommands(program: Command): void {
  program
    .command('import-iati')
    .description(
      'Import IATI activity files (.xml or .xml.gz, IATI 1.0x–2.03); directories are read file by file',
    )
    .argument('<paths...>', 'files or directories of IATI activity XML')
    .option('--publisher <ref>', 'expected reporting-org ref: activities of other publishers are rejected')
    .option('--batch-size <n>', 'activities per transaction', wholeNumber(1, 100_000, 500), 500)
    .option('--json', 'print the full report as JSON')
    .addHelpText(
      'after',
      '\nExit code: 0 when everything was imported, 2 when a file could not be read whole or activities were rejected, 1 when the import could not run.',
    )
    .action(async (paths: string[], opts: { publisher?: string; batchSize: number; json?: boolean }) => {
      checkInputPaths(paths);
      const { iatiImportService } = await import('../../iati/import.service.ts');
      const files = iatiImportService.listFiles(paths);
      // Timed from the moment the database is open (opening, migrating and loading the vocabularies
      // take a second or so, whatever is imported) to the moment it is closed, its writes on disk.
      let started = 0;
      const report = await withDatabase(async (db) => {
        started = Date.now();
        const imported = await iatiImportService.importFiles(db, files, {
          publisher: opts.publisher,
          batchSize: opts.batchSize,
          onProgress: (r) => {
            if (process.stderr.isTTY)
              process.stderr.write(`\r${r.files}/${files.length} files, ${r.read} activities read`);
          },
        });
        // Now, while this process still counts what the import wrote: the embedded engine forgets
        // the counts when it closes, and a server opened next would never vacuum or analyse the
        // tables the import only inserted into (no visibility map, no statistics for them).
        await tidyAfterCommand(db);
        return imported;
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      // The exit code says the same with --json (a script reads it before the report).
      const unreadable = report.issues.some((i) => i.rule === 'well-formed');
      if (report.rejected || report.duplicates || unreadable || report.broken.length) process.exitCode = 2;
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `${report.files} files, ${report.read} activities read in ${seconds.toFixed(1)} s: ${report.created} created, ` +
          `${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected, ${report.duplicates} duplicates`,
      );
      for (const issue of report.issues.filter((i) => i.severity === 'error').slice(0, 50)) {
        console.log(
          `  ${issue.file}${issue.activity !== undefined ? ` #${issue.activity}` : ''}: ${issue.message}`,
        );
      }
      if (report.issueCount > 50)
        console.log(`  … ${report.issueCount} issues in all (use --json for every one)`);
      // A file that broke off is not a finished import, whatever was written before the break.
      for (const message of report.broken) console.error(`Not finished: ${message}`);
    });

  program
    .command('export-iati')
    .description('Export projects as IATI 2.03 activity XML (only public records unless --all)')
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--country <code...>', 'only projects in these ISO 3166-1 countries')
    .option('--theme <slug...>', 'only projects with these themes')
    .option('--sector <code...>', 'only projects with these DAC sector codes')
    .option('--status <status...>', 'only projects with these statuses')
    .option('--publisher <ref>', 'only activities reported by this IATI organisation ref')
    .option('--all', 'include records that are not public (for the operator of this installation)')
    .action(async (opts: IatiExportFilters & { output?: string; all?: boolean }) => {
      const filters = checkedFilters(opts);
      if (opts.output) checkOutputFile(opts.output);
      const { iatiReporter } = loadConfig();
      let leftOut = 0;
      const [{ exportIati, leftOutNotice }, { listOrganisationIds }] = await Promise.all([
        import('../../iati/export.ts'),
        import('../../iati/export.repository.ts'),
      ]);
      const out = opts.output ? fs.createWriteStream('', { fd: openOutput(opts.output) }) : process.stdout;
      const count = await withDatabase(async (db) => {
        const viewer = opts.all ? systemViewer(await listOrganisationIds(db)) : ANONYMOUS;
        return exportIati(db, viewer, filters, (chunk) => writeChunk(out, chunk), {
          reporter: iatiReporter,
          onLeftOut: (n) => {
            leftOut = n;
          },
        });
      });
      if (opts.output)
        await new Promise<void>((resolve, reject) =>
          (out as fs.WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())),
        );
      // On stderr, so that standard output stays the XML; a filter that matches nothing is said so.
      if (leftOut) console.error(leftOutNotice(leftOut));
      console.error(
        count
          ? `${count} activities written${opts.output ? ` to ${opts.output}` : ''}.`
          : `No project matches these filters${opts.all ? '' : ' among the public records (--all includes the others)'}: ${opts.output ?? 'the output'} holds no activity.`,
      );
    });
}

/** Opened before the export starts, so that a file that cannot be written is said so at once. */
function openOutput(file: string): number {
  try {
    return fs.openSync(file, 'w');
  } catch (err) {
    throw new CliError(`Cannot write ${file}: ${describeFileError(err, file) ?? (err as Error).message}`);
  }
}

/** Writes with back-pressure, so a large export never piles up in memory. */
function writeChunk(out: NodeJS.WritableStream, chunk: string): Promise<void> | void {
  if (!out.write(chunk)) return new Promise((resolve) => out.once('drain', () => resolve()));
}
