/** Escape a literal for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// JavaScript's \b knows only ASCII letters: "\bévaluation" never matches after a space, and
// "\bpaís\b" matches inside "países". Lexicons written with \b get a boundary that knows every
// script's letters and digits instead.
const WORD = String.raw`[\p{L}\p{N}_]`;
const UNICODE_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;
// Where the pattern itself guarantees a word character on one side, the boundary is a single
// look-around. This matters for speed, not only style: the two-sided boundary at the head of a
// pattern stops the engine from scanning ahead for its first letter, and a cue then costs a
// microsecond per character of text (about 450 times the single look-behind).
const BEFORE_WORD = `(?<!${WORD})`;
const AFTER_WORD = `(?!${WORD})`;
const LETTER = /[\p{L}\p{N}]/u;

/** The end of the character class opening at `at`, or -1 when it holds anything but letters. */
function letterClassEnd(source: string, at: number): number {
  const end = source.indexOf(']', at + 1);
  if (end < 0 || source[at + 1] === '^') return -1;
  return [...source.slice(at + 1, end)].every((c) => LETTER.test(c)) ? end : -1;
}

/** The end of the group opening at `at` and where each of its alternatives starts. */
function groupAlternatives(source: string, at: number): { end: number; starts: number[] } | null {
  let depth = 0;
  const starts = [at + (source.startsWith('(?:', at) ? 3 : 1)];
  if (source[at + 1] === '?' && !source.startsWith('(?:', at)) return null;
  for (let i = at; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = Math.max(i, source.indexOf(']', i + 1));
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return { end: i, starts };
    else if (c === '|' && depth === 1) starts.push(i + 1);
  }
  return null;
}

const optional = (source: string, after: number) => /^(?:[?*]|\{0,)/.test(source.slice(after));

/** Does every match of the pattern from `at` begin with a letter or digit? */
function startsWithLetter(source: string, at: number): boolean {
  const c = source[at];
  if (c === undefined) return false;
  if (c === '[') {
    const end = letterClassEnd(source, at);
    return end > 0 && !optional(source, end + 1);
  }
  if (c === '(') {
    const group = groupAlternatives(source, at);
    return (
      !!group && !optional(source, group.end + 1) && group.starts.every((s) => startsWithLetter(source, s))
    );
  }
  // A letter, a digit, or a class of them written as an escape (\d, \w, \p{L}, \p{Lu}).
  const escaped = /^\\(?:[dw]|p\{L\w?\})/.exec(source.slice(at))?.[0];
  if (escaped) return !optional(source, at + escaped.length);
  return c !== '\\' && LETTER.test(c) && !optional(source, at + 1);
}

/** Does every match of the pattern up to `at` end with a letter or digit? */
function endsWithLetter(source: string, at: number): boolean {
  const c = source[at - 1];
  if (c === undefined || source[at - 2] === '\\') return false;
  if (c === ']') {
    const open = source.lastIndexOf('[', at - 1);
    return open >= 0 && letterClassEnd(source, open) === at - 1;
  }
  return LETTER.test(c);
}

/** The same pattern with every \b read as a Unicode word boundary (and the `u` flag set). */
export function unicodeWords(re: RegExp): RegExp {
  const source = re.source.replace(/(?<!\\)((?:\\\\)*)\\b/g, (_, slashes: string, offset: number) => {
    const at = offset + slashes.length;
    const boundary = startsWithLetter(re.source, at + 2)
      ? BEFORE_WORD
      : endsWithLetter(re.source, at)
        ? AFTER_WORD
        : UNICODE_BOUNDARY;
    return `${slashes}${boundary}`;
  });
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  return new RegExp(source, flags);
}

/**
 * Every match of a global pattern, left to right. `String.prototype.matchAll` copies the pattern
 * first, and for a lexicon-sized pattern (every country name, the gazetteer) the copy costs far more
 * than the search: some 60 µs a call, on every short piece of text a recogniser is asked about.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new Error(`allMatches needs a global pattern: /${re.source.slice(0, 40)}…/`);
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex++;
  }
  re.lastIndex = 0;
  return out;
}
