// Statements planned once per connection. Every statement is otherwise parsed and planned anew, and
// for search's first statement (the probe that decides how much of the index to read) planning took
// the embedded engine longer than running it, on every search. Its shape recurs (only the words'
// and filters' values change) and its plan does not depend on them: it reads bucket 0's small
// indexes whatever the words (and so for the statement that compiles new words). So such a
// statement is prepared once per connection under a name, and run with a generic plan.
//
// Both engines run it the same way, in SQL: PREPARE once, then `EXECUTE name(literals)` between a
// SET and a RESET of plan_cache_mode in one round trip. PGlite has no API for named statements,
// and a session-wide force_generic_plan would also plan every other statement without its values.
// If the EXECUTE fails, the implicit transaction it runs in takes back the SET with it. Behind a
// pooler that hands out server connections per transaction, a statement prepared on one may be
// missing on the next: the call then runs as an ordinary statement (outside a transaction, where
// search runs; inside one, the failed EXECUTE has already ended it).
import { createHash } from 'node:crypto';
import type { Sql } from './sql.ts';

/** The text a driver sends for a parameter value (node-postgres and PGlite alike). */
function parameterText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map((v) => {
      if (Array.isArray(v)) throw new Error('a reused statement takes arrays of one dimension only');
      const text = parameterText(v);
      return text === null ? 'NULL' : `"${text.replace(/[\\"]/g, '\\$&')}"`;
    });
    return `{${items.join(',')}}`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`a reused statement cannot take the number ${value}`);
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (value instanceof Date || value instanceof Uint8Array)
    throw new Error('a reused statement takes no dates or bytes: pass them as text');
  return JSON.stringify(value);
}

/**
 * A parameter value as a SQL literal of unknown type, which EXECUTE converts to the parameter's type
 * with that type's input function, as the server does with a bound parameter's text. The E'' form
 * reads backslashes the same whatever standard_conforming_strings says.
 */
export function literal(value: unknown): string {
  const text = parameterText(value);
  if (text === null) return 'NULL';
  if (text.includes('\0')) throw new Error('a text value cannot contain the NUL character');
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A statement's name, from its text: the same name always means the same statement, on any
 * connection and from any process, so a server connection shared through a pooler cannot run
 * another statement under a name this one expects.
 */
export const statementName = (text: string) =>
  `tacit_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/** What one connection has prepared: statement names by text, least recently used first. */
export class PreparedStatements {
  private readonly names = new Map<string, string>();

  /** A plan cache per statement costs the server memory: past this many, the oldest goes. */
  constructor(private readonly max = 32) {}

  /**
   * The statements to send for `q`: those that prepare it (the first time on this connection, with
   * the oldest dropped past the limit) and the one that runs it, whose second result is the rows.
   */
  statements(q: Sql): { prepare: string[]; run: string; forget: () => void } {
    const { text, values } = q.toQuery();
    let name = this.names.get(text);
    const prepare: string[] = [];
    if (name) {
      // Most recently used last.
      this.names.delete(text);
      this.names.set(text, name);
    } else {
      name = statementName(text);
      for (const [oldText, oldName] of this.names) {
        if (this.names.size < this.max) break;
        prepare.push(`DEALLOCATE ${oldName}`);
        this.names.delete(oldText);
      }
      prepare.push(`PREPARE ${name} AS ${text}`);
      this.names.set(text, name);
    }
    const args = values.length ? `(${values.map(literal).join(', ')})` : '';
    return {
      prepare,
      run: `SET plan_cache_mode = force_generic_plan; EXECUTE ${name}${args}; RESET plan_cache_mode`,
      forget: () => this.names.delete(text),
    };
  }
}

const sqlState = (err: unknown) => (err as { code?: string }).code;

/**
 * Runs `q` through the connection's prepared statements: `send` runs SQL text without parameters
 * and gives each statement's rows, `plain` runs `q` as an ordinary statement.
 */
export async function runPrepared<T>(
  prepared: PreparedStatements,
  q: Sql,
  send: (text: string) => Promise<{ rows: unknown[] }[]>,
  plain: () => Promise<T[]>,
): Promise<T[]> {
  const s = prepared.statements(q);
  if (s.prepare.length) {
    try {
      await send(s.prepare.join('; '));
    } catch (err) {
      // Already there (a pooled server connection this process prepared it on before): the name
      // says it is this statement. Otherwise nothing was prepared, and the next call tries again.
      if (sqlState(err) !== '42P05') {
        s.forget();
        throw err;
      }
    }
  }
  try {
    return (await send(s.run))[1]!.rows as T[];
  } catch (err) {
    // 26000: the server connection does not have it, as when a pooler hands out server connections
    // per transaction. The answer comes from an ordinary statement; the next call prepares again.
    if (sqlState(err) !== '26000') throw err;
    s.forget();
    return plain();
  }
}
