/** Escape a literal for use inside a RegExp source. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

// JavaScript's \b knows only ASCII letters: "\bévaluation" never matches after a space, and
// "\bpaís\b" matches inside "países". Lexicons written with \b get a boundary that knows every
// script's letters and digits instead.
const UNICODE_BOUNDARY = String.raw`(?:(?<=[\p{L}\p{N}_])(?![\p{L}\p{N}_])|(?<![\p{L}\p{N}_])(?=[\p{L}\p{N}_]))`;

/** The same pattern with every \b read as a Unicode word boundary (and the `u` flag set). */
export function unicodeWords(re: RegExp): RegExp {
  const source = re.source.replace(/(?<!\\)((?:\\\\)*)\\b/g, `$1${UNICODE_BOUNDARY}`);
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  return new RegExp(source, flags);
}
