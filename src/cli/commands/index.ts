// Every CLI command registers itself here; one line per command module. A module imports what its
// commands run inside their actions (\`await import\`), so that one command does not load every
// other's code: \`tacit import-iati\` then starts without the document readers, argon2 or the web
// server, which is time and memory (the IATI import's peak is measured, \`npm run bench -- iati\`).
import type { Command } from 'commander';
import { registerAccountCommands } from './accounts.ts';
import { registerBackupCommands } from './backup.ts';
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
  registerBackupCommands(program);
}
