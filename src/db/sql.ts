// A tiny SQL builder: tagged templates that keep values as bind parameters, so composing
// query fragments (filters, the access filter) never means concatenating user input.

export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
}

type Part = { kind: 'text'; text: string } | { kind: 'value'; value: unknown };

export class Sql {
  constructor(readonly parts: Part[]) {}

  /** Renders to `$n` placeholders, numbering from 1. */
  toQuery(): SqlQuery {
    let text = '';
    const values: unknown[] = [];
    for (const part of this.parts) {
      if (part.kind === 'text') text += part.text;
      else {
        values.push(part.value);
        text += `$${values.length}`;
      }
    }
    return { text, values };
  }
}

export function sql(strings: TemplateStringsArray, ...args: unknown[]): Sql {
  const parts: Part[] = [];
  strings.forEach((s, i) => {
    if (s) parts.push({ kind: 'text', text: s });
    if (i < args.length) {
      const arg = args[i];
      if (arg instanceof Sql) parts.push(...arg.parts);
      else parts.push({ kind: 'value', value: arg });
    }
  });
  return new Sql(parts);
}

/** Trusted SQL text (identifiers and keywords chosen by code, never by input). */
sql.raw = (text: string): Sql => new Sql([{ kind: 'text', text }]);

sql.join = (items: Sql[], separator = ', '): Sql => {
  const parts: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) parts.push({ kind: 'text', text: separator });
    parts.push(...item.parts);
  });
  return new Sql(parts);
};

/** AND of the given conditions; TRUE when there are none. */
sql.and = (conditions: Sql[]): Sql => (conditions.length ? sql.join(conditions, ' AND ') : sql`TRUE`);

sql.empty = new Sql([]);
