// The `tacit` command line: every command works on the same database as the server
// (TACIT_DATA_DIR or DATABASE_URL).
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command('tacit')
  .description(
    'Tacit: registry and knowledge base of technical assistance in crime prevention and criminal justice',
  )
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  console.error(`tacit: ${(err as Error).message}`);
  process.exit(1);
}
