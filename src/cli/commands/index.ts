// Every CLI command registers itself here; one line per command module.
import type { Command } from 'commander';
import { registerIatiCommands } from './iati.ts';

export function registerCommands(program: Command): void {
  registerIatiCommands(program);
}
