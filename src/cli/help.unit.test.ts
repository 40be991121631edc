// The help a user reads agrees with the repository and the README: every file a command's help
// cites exists, and every option a command requires is shown as required in the README's table.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../paths.ts';
import { registerCommands } from './commands/index.ts';

function leafCommands(): Command[] {
  const program = new Command('tacit');
  registerCommands(program);
  const leaves: Command[] = [];
  const walk = (c: Command) => (c.commands.length ? c.commands.forEach(walk) : leaves.push(c));
  walk(program);
  return leaves;
}

const fullName = (c: Command): string => (c.parent ? `${fullName(c.parent)} ${c.name()}` : c.name());

describe('command help', () => {
  it('cites only files the repository has', () => {
    const cited: string[] = [];
    for (const command of leafCommands()) {
      for (const file of command.helpInformation().match(/[\w./-]+\.(?:md|ts|js|json|ya?ml)\b/g) ?? []) {
        cited.push(file);
        expect(fs.existsSync(path.join(REPO_ROOT, file)), `${fullName(command)} --help cites ${file}`).toBe(
          true,
        );
      }
    }
    expect(cited).not.toContain('PRODUCT.md');
  });

  it('matches the README: a required option is never shown in brackets', () => {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').split('\n');
    let checked = 0;
    for (const command of leafCommands()) {
      const row = readme.find((line) => line.startsWith(`| \`${fullName(command)} `));
      if (!row) continue;
      const usage = row.split('`')[1]!;
      for (const option of command.options.filter((o) => o.mandatory)) {
        checked++;
        expect(usage, `README row of ${fullName(command)}`).toContain(option.long!);
        expect(usage, `README row of ${fullName(command)}`).not.toContain(`[${option.long}`);
      }
    }
    // user add (--org, --role) and import (--org) at least.
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
