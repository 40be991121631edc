// A snippet a reader can take in: passages widened to whole sentences where a sentence is short
// enough, cut at words otherwise, with an ellipsis wherever the record's text goes on; and the
// query's words highlighted in them, accented or not.

/** ts_headline's marks around a highlighted word, and between its passages (search.repository.ts). */
export interface Marks {
  start: string;
  end: string;
  apart: string;
}

/** How far a passage is widened, at most, to reach the start or the end of its sentence. */
const WIDEN_BEFORE = 80;
const WIDEN_AFTER = 100;
/** A snippet without a query (a list by date) shows about this much of the text's start. */
const PLAIN_LENGTH = 200;
const ELLIPSIS = '…';

/** Lower case without accents: "Corrupción" and "corrupcion" fold alike. */
export const fold = (word: string) =>
  word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

/** The text with every word whose folded form is in `words` in <mark>, the rest HTML-escaped. */
export function highlight(text: string, words: ReadonlySet<string>): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (!words.has(fold(m[0]))) continue;
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

interface Span {
  from: number;
  to: number;
}

/** Where the sentence holding `at` starts, if within reach before it. */
function sentenceStart(text: string, at: number): number | undefined {
  const before = text.slice(Math.max(0, at - WIDEN_BEFORE), at);
  const ends = [...before.matchAll(/[.!?…]["'”’)\]]*\s+/gu)];
  const lastEnd = ends.at(-1);
  if (lastEnd) return at - before.length + lastEnd.index + lastEnd[0].length;
  return at <= WIDEN_BEFORE ? 0 : undefined;
}

/** Where the sentence holding the end of a passage ends, if within reach after it. */
function sentenceEnd(text: string, to: number): number | undefined {
  if (SENTENCE_END.test(text.slice(0, to))) return to;
  const after = text.slice(to, to + WIDEN_AFTER);
  const end = /[.!?…]["'”’)\]]*(?=\s|$)/u.exec(after);
  if (end) return to + end.index + end[0].length;
  return text.length - to <= WIDEN_AFTER ? text.length : undefined;
}

/** The passage's place in the text, widened to its sentence where that is near, else kept at its words. */
function widen(text: string, span: Span): Span {
  return { from: sentenceStart(text, span.from) ?? span.from, to: sentenceEnd(text, span.to) ?? span.to };
}

/**
 * The snippet's HTML from ts_headline's passages (`headline`, null without a query) and the text
 * they were cut from (`source`: '… ' before and ' …' after where that text cuts the record's).
 * `queryWords` are the words searched for: shown highlighted wherever they occur, with or without
 * accents, besides the stemmed forms ts_headline marked.
 */
export function shapeSnippet(
  headline: string | null,
  source: string,
  queryWords: readonly string[],
  marks: Marks,
): string {
  const cutBefore = source.startsWith(`${ELLIPSIS} `);
  const cutAfter = source.endsWith(` ${ELLIPSIS}`);
  const text = source
    .slice(cutBefore ? 2 : 0, cutAfter ? -2 : undefined)
    .replace(/\s+/g, ' ')
    .trim();
  const words = new Set(queryWords.map(fold));
  const passages = (headline ?? '').split(marks.apart).filter((p) => p.trim());
  const spans: Span[] = [];
  for (const passage of passages) {
    for (const marked of passage.split(marks.start).slice(1)) {
      for (const w of marked.split(marks.end)[0]!.match(WORD) ?? []) words.add(fold(w));
    }
    const plain = passage.replaceAll(marks.start, '').replaceAll(marks.end, '').replace(/\s+/g, ' ').trim();
    const at = text.indexOf(plain);
    if (at >= 0) spans.push({ from: at, to: at + plain.length });
  }
  if (!spans.length) {
    // No passage (no query, or one matched by title or tags): the start of the text, cut at a word.
    const cut = text.length <= PLAIN_LENGTH ? text.length : text.lastIndexOf(' ', PLAIN_LENGTH);
    spans.push({ from: 0, to: cut > 0 ? cut : Math.min(text.length, PLAIN_LENGTH) });
  }
  const widened = spans.map((s) => widen(text, s)).sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of widened) {
    const prev = merged.at(-1);
    if (prev && s.from <= prev.to) prev.to = Math.max(prev.to, s.to);
    else merged.push(s);
  }
  // One ellipsis wherever the record's text goes on: before, between and after the passages.
  const first = merged[0]!;
  const last = merged.at(-1)!;
  const opens = first.from === 0 && !cutBefore;
  const closes = last.to >= text.length && !cutAfter;
  const body = merged.map((s) => highlight(text.slice(s.from, s.to).trim(), words)).join(` ${ELLIPSIS} `);
  return `${opens ? '' : `${ELLIPSIS} `}${body}${closes ? '' : ` ${ELLIPSIS}`}`;
}
