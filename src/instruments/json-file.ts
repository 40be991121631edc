// Reads an instrument from a JSON file. A syntax error is reported with its line and column; a
// schema refusal with the path of the value and the line it starts on.
import { InstrumentDefinition, type StoredDefinition } from './definition.schema.ts';
import { type FileProblem, invalidInstrumentFile } from './file-problems.ts';

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The offset where the value at `path` starts, found by walking the (already valid) JSON text. */
function offsetOf(text: string, path: (string | number)[]): number {
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(text[i] ?? '')) i++;
  };
  const skipString = () => {
    const start = i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const skipValue = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '"') skipString();
    else if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      skipSpace();
      while (text[i] !== close) {
        if (c === '{') {
          skipString();
          skipSpace();
          i++; // the colon
        }
        skipValue();
        skipSpace();
        if (text[i] === ',') i++;
        skipSpace();
      }
      i++;
    } else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };
  for (const step of path) {
    skipSpace();
    const container = text[i];
    if (container !== '{' && container !== '[') return i;
    i++;
    let found = false;
    for (let index = 0; !found; index++) {
      skipSpace();
      if (text[i] === '}' || text[i] === ']' || i >= text.length) return i;
      if (container === '{') {
        const key = skipString();
        skipSpace();
        i++;
        found = key === step;
      } else found = index === step;
      skipSpace();
      if (!found) {
        skipValue();
        skipSpace();
        if (text[i] === ',') i++;
      }
    }
  }
  skipSpace();
  return i;
}

/**
 * Where a JSON text stops being valid. V8 names the offset of some syntax errors only, so the
 * text is walked once more, strictly, to find the first character that cannot be there.
 */
export function syntaxErrorOffset(text: string): number {
  let i = 0;
  const space = () => {
    while (/[ \t\n\r]/.test(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        const escaped = /^\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(i, i + 6));
        if (!escaped) fail();
        i += escaped![0].length;
      } else i++;
    }
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '"') {
      string();
      return;
    }
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === close) {
          i++;
          return;
        }
        if (text[i] !== ',') fail();
        i++;
      }
    }
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : -1;
  } catch (offset) {
    return offset as number;
  }
}

export function fromJsonText(text: string): InstrumentDefinition {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const offset = syntaxErrorOffset(text);
    const at = Math.max(offset, 0);
    const found = text[at] === undefined ? 'the text ends too early' : `"${text[at]}" cannot stand here`;
    const column = at - text.lastIndexOf('\n', at - 1);
    throw invalidInstrumentFile([
      {
        line: lineAt(text, at),
        reason: `not valid JSON: ${offset < 0 ? (err as Error).message : found} (column ${column})`,
      },
    ]);
  }
  const parsed = InstrumentDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw invalidInstrumentFile(
    parsed.error.issues.map((issue): FileProblem => {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      return {
        line: lineAt(text, offsetOf(text, path)),
        path: path.join('.') || '(top)',
        reason: issue.message,
      };
    }),
  );
}

export const toJsonText = (def: StoredDefinition) => `${JSON.stringify(def, null, 2)}\n`;
