// The `tacit` command line: every command works on the same database as the server
// (TACIT_DATA_DIR or DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config.ts';
import { REPO_ROOT } from '../paths.ts';
import { registerCommands } from './commands/index.ts';
import { CliError, describeFileError } from './input.ts';

const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

const program = new Command('tacit')
  .description(
    'Tacit: registry and knowledge base of technical assistance in crime prevention and criminal justice',
  )
  .version(`tacit ${version}`, '-V, --version', 'print the version of Tacit')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerCommands(program);

/** One line for the user: what went wrong with which argument or file, never a stack trace. */
function explain(err: unknown): string {
  if (err instanceof CliError || err instanceof ConfigError) return err.message;
  const errno = err as NodeJS.ErrnoException;
  const file = errno?.path && describeFileError(err, errno.path);
  if (file) return file;
  return (err as Error)?.message ?? String(err);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`tacit: ${explain(err)}`);
  process.exit(err instanceof CliError ? err.exitCode : 1);
}
