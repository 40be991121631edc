// The five built-in instruments ship as data files in reference/instruments/ and are loaded at
// start-up with the vocabularies (src/reference/load.ts), when the files change. A changed file
// becomes a new version of its instrument, so assessments made with the old one keep it.
import fs from 'node:fs';
import path from 'node:path';
import type { Queryable } from '../db/client.ts';
import { REFERENCE_DIR } from '../paths.ts';
import { InstrumentDefinition } from './definition.schema.ts';
import { instrumentsRepository as repo } from './instruments.repository.ts';

export const BUILT_IN_DIR = path.join(REFERENCE_DIR, 'instruments');

export function builtInFiles(): string[] {
  return fs
    .readdirSync(BUILT_IN_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(BUILT_IN_DIR, f));
}

/** Every built-in definition, validated; a broken file stops start-up with its name and the problem. */
export function readBuiltInInstruments(): InstrumentDefinition[] {
  return builtInFiles().map((file) => {
    const parsed = InstrumentDefinition.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path.basename(file)}: ${issue.path.join('.') || '(top)'} ${issue.message}`);
    }
    return parsed.data;
  });
}

export async function writeBuiltInInstruments(tx: Queryable): Promise<void> {
  for (const definition of readBuiltInInstruments()) {
    const existing = await repo.findByKey(tx, definition.key, true);
    if (!existing) {
      const id = await repo.insert(tx, definition.key, true, null);
      await repo.addVersion(tx, id, 1, definition, null);
    } else if (!(await repo.sameDefinition(tx, existing.id, existing.current_version, definition))) {
      await repo.addVersion(tx, existing.id, existing.current_version + 1, definition, null);
    }
  }
}
