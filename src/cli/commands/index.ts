// Every CLI command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerAccountCommands } from './accounts.ts';
import { registerExtractCommand } from './extract.ts';
import { registerIatiCommands } from './iati.ts';
import { registerImportCommand } from './import.ts';
import { registerServerCommands } from './server.ts';

export function registerCommands(program: Command): void {
  registerServerCommands(program);
  registerAccountCommands(program);
  registerIatiCommands(program);
  registerExtractCommand(program);
  registerImportCommand(program);
}
