// What the fuzzer's valid requests name: ids of records the test created and codes of the
// registry's vocabularies, chosen by the name of the property or path parameter, and strings
// their schemas accept.
import fc from 'fast-check';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema as the OpenAPI document gives it
type Schema = Record<string, any>;

/**
 * What the registry holds, so that valid requests name things that exist: ids by what they are
 * the id of, and every code, slug and word of its vocabularies (countries, DAC codes, currencies,
 * themes). A string whose pattern matches some of the words is drawn from them most of the time.
 */
export interface KnownValues {
  /** Ids by what they are the id of: org, user, project, lesson, meeting… */
  ids: Record<string, string[]>;
  /** Codes by the vocabulary they belong to: country, theme, dac, currency. */
  codes: Record<string, string[]>;
  words: string[];
}

/** What a property names, its own name first, then its parents' (`countries code` is a country). */
function namesOf(name: string): string[] {
  const parts = name.split(' ');
  return [parts.at(-1)!, name];
}

const ID_KINDS: [RegExp, string][] = [
  [/project/i, 'project'],
  [/lesson/i, 'lesson'],
  [/meeting/i, 'meeting'],
  [/recommendation/i, 'recommendation'],
  [/user|member|invit/i, 'user'],
  [/org|owner|publisher/i, 'org'],
];

/** The ids a property or path parameter names, by its name or the collection before it. */
export function idsFor(known: KnownValues, name: string): string[] {
  for (const n of namesOf(name))
    for (const [re, kind] of ID_KINDS) if (re.test(n) && known.ids[kind]?.length) return known.ids[kind]!;
  return Object.values(known.ids).flat();
}

const CODE_KINDS: [RegExp, string][] = [
  [/countr|mission/i, 'country'],
  [/theme/i, 'theme'],
  [/dac|sector/i, 'dac'],
  [/currenc/i, 'currency'],
];

/** The codes a property names (a country, a theme…), if it names a vocabulary. */
export function codesFor(known: KnownValues, name: string): string[] | undefined {
  for (const n of namesOf(name))
    for (const [re, kind] of CODE_KINDS) if (re.test(n)) return known.codes[kind];
  return undefined;
}

export function validString(schema: Schema, known: KnownValues, name: string): fc.Arbitrary<string> {
  const generated = generatedString(schema, name);
  const codes = codesFor(known, name);
  if (codes?.length && !schema.format)
    return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...codes) }, { weight: 1, arbitrary: generated });
  if (schema.format === 'uuid')
    return fc.oneof(
      { weight: 9, arbitrary: fc.constantFrom(...idsFor(known, name)) },
      { weight: 1, arbitrary: generated },
    );
  let pattern: RegExp | undefined;
  try {
    pattern = schema.pattern ? new RegExp(schema.pattern) : undefined;
  } catch {
    // A pattern JavaScript cannot compile: generated text only.
  }
  const fits = (w: string) =>
    (!pattern || pattern.test(w)) &&
    w.length >= (schema.minLength ?? 0) &&
    w.length <= (schema.maxLength ?? Number.POSITIVE_INFINITY);
  const words = schema.format ? [] : known.words.filter(fits);
  return words.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: generated })
    : generated;
}

function generatedString(schema: Schema, name: string): fc.Arbitrary<string> {
  // An expiry or an embargo is in the future; an unknown time of day anywhere.
  const future = /expir|until/i.test(name);
  const min = new Date(future ? Date.now() + 86_400_000 : Date.parse('1990-01-01'));
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc
        .date({ min, max: new Date('2040-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min, max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length <= (schema.maxLength ?? 500));
    } catch {
      // A pattern JavaScript cannot compile: plain text, which the server may refuse.
    }
  }
  return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
}
