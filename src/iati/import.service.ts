// Imports IATI activity files, from the CLI, the HTTP upload job and the demo loader. The work is
// done by the importer (importer.ts): files read in a worker thread, activities written in
// batches of one transaction each.
import type { Database } from '../db/client.ts';
import { type ImportOptions, type ImportReport, listIatiFiles } from './import-options.ts';
import { IatiImporter } from './importer.ts';

export { type ImportOptions, type ImportReport, listIatiFiles } from './import-options.ts';
export type { ImportIssue } from './prepare.ts';

/**
 * Imports the files, reporting what was created, updated, left unchanged or refused. Exported by
 * name too, for the tests and benchmarks that import it so; the code calls the service.
 */
export async function importIatiFiles(
  db: Database,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const importer = new IatiImporter(db, options);
  return importer.run(files);
}

export const iatiImportService = { importFiles: importIatiFiles, listFiles: listIatiFiles };
