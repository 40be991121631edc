// `tacit import FILE… [--confirm]`: stores many documents with their drafts (for a person to
// confirm in the web app), or with --confirm confirms each as extracted. Progress on stderr, a
// summary of what was created, updated and what failed and why; exit code 1 if anything failed.
import path from 'node:path';
import { type Command, Option } from 'commander';
import type { Visibility } from '../../access/viewer.ts';
import type { Database } from '../../db/client.ts';
import type { ImportReport } from '../../documents/import/import.service.ts';
import { tidyAfterCommand, withDatabase } from '../context.ts';
import { CliError, checkInputPaths, wholeNumber } from '../input.ts';

async function ownerOrganisation(db: Database, name: string) {
  const { organisationsRepository } = await import('../../organisations/organisations.repository.ts');
  const org = await organisationsRepository.findByAnyName(db, name);
  if (!org)
    throw new CliError(`No organisation is called "${name}". Register it first: tacit org add "${name}"`);
  return org;
}

function progressPrinter(total: number) {
  const tty = process.stderr.isTTY;
  return ({ done, file, outcome }: { done: number; file: string; outcome: string }) => {
    if (!tty) {
      process.stderr.write(`[${done}/${total}] ${path.basename(file)}: ${outcome}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((done / total) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    process.stderr.write(`\r\x1b[K${bar} ${done}/${total} ${path.basename(file).slice(0, 40)}`);
    if (done === total) process.stderr.write('\n');
  };
}

function summary(report: ImportReport, seconds: number): string {
  const c = report.created;
  const lines = [
    `${report.files} files in ${seconds.toFixed(1)} s: ${report.stored} stored, ${report.confirmed} confirmed, ` +
      `${report.duplicates} duplicates, ${report.failed.length} failed`,
  ];
  if (report.confirmed) {
    lines.push(
      `  created: ${c.projects} projects, ${c.organisations} organisations, ${c.reviews} reviews, ${c.evaluations} evaluations, ` +
        `${c.recommendations} recommendations, ${c.lessons} lessons, ${c.meetings} meetings`,
      `  updated: ${report.updated.projects} projects, ${report.updated.reviews} reviews, ${report.updated.evaluations} evaluations`,
    );
  }
  for (const f of report.failed) lines.push(`  failed: ${f.file}: ${f.code}: ${f.reason}`);
  return lines.join('\n');
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Store documents (.txt, .md, .html, .docx, .pdf; directories are read recursively) with their extracted drafts; with --confirm, turn each into registry records as extracted',
    )
    .argument('<files...>', 'documents or directories of documents')
    .option('--confirm', 'confirm each draft as extracted (registers the organisations it proposes)')
    .requiredOption('--org <name>', 'the organisation that owns the documents (name, acronym or alias)')
    .addOption(
      new Option(
        '--visibility <visibility>',
        "who may see the documents and records (default: the organisation's sharing defaults)",
      ).choices(['public', 'network', 'owner']),
    )
    .option(
      '--workers <n>',
      'extraction threads beside the main thread, which extracts too when it has nothing to write (default: one per core but one)',
      wholeNumber(0, 64, 1),
    )
    .option('--json', 'print the full report as JSON')
    .action(
      async (
        paths: string[],
        opts: { confirm?: boolean; org: string; visibility?: Visibility; workers?: number; json?: boolean },
      ) => {
        checkInputPaths(paths);
        const { documentImportService } = await import('../../documents/import/import.service.ts');
        const files = documentImportService.listFiles(paths);
        const started = Date.now();
        const report = await withDatabase(async (db) => {
          const owner = await ownerOrganisation(db, opts.org);
          const imported = await documentImportService.importFiles(db, files, {
            ownerOrgId: owner.id,
            visibility: opts.visibility,
            confirm: opts.confirm ?? false,
            workers: opts.workers,
            onProgress: progressPrinter(files.length),
          });
          await tidyAfterCommand(db);
          return imported;
        });
        console.log(
          opts.json ? JSON.stringify(report, null, 2) : summary(report, (Date.now() - started) / 1000),
        );
        if (report.failed.length) process.exitCode = 1;
      },
    );
}
