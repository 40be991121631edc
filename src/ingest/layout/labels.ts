// Label–value pairs in every form a document of this family writes them: "Label: value" on a line,
// "Label<TAB>value", a label alone on its line with the value on the next, and flattened forms
// where a whole sheet runs into one paragraph ("Title: X Programme Value £ (full life): £53.2m …"),
// so a value ends at the end of its line or where the next known label begins. Labels come from
// the shared lexicon (../lexicon/labels.ts), in English, Spanish and French.
import { LABELS, type LabelField } from '../lexicon/labels.ts';
import { escapeRegExp } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export interface LabelValue {
  field: LabelField;
  label: string;
  /** Words between the label and its colon: "(US $)", "en mois", "(full life)". */
  qualifier: string;
  labelSpan: Span;
  value: string;
  valueSpan: Span;
}

let compiled: { pattern: RegExp; bare: RegExp; fieldOf: Map<string, LabelField> } | undefined;

/** Lower case without accents: "Número de Proyecto" and "Numero de proyecto" are one label. */
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Each letter matches itself with or without its accent, since forms drop them ("Numero", "Titulo").
const ACCENTED: Record<string, string> = {
  a: 'aáàâ',
  e: 'eéèê',
  i: 'iíî',
  o: 'oóô',
  u: 'uúùü',
  n: 'nñ',
  c: 'cç',
};
const accentFree = (label: string) =>
  escapeRegExp(fold(label)).replace(/[aeiounc]/g, (c) => (ACCENTED[c] ? `[${ACCENTED[c]}]` : c));

function labelIndex() {
  if (compiled) return compiled;
  const fieldOf = new Map<string, LabelField>();
  for (const [field, labels] of Object.entries(LABELS) as [LabelField, string[]][])
    for (const label of labels) if (!fieldOf.has(fold(label))) fieldOf.set(fold(label), field);
  const alternatives = [...fieldOf.keys()].sort((a, b) => b.length - a.length).map(accentFree);
  // A label, an optional footnote number or star, an optional short qualifier, then a colon or a
  // tab; or a label alone on its line.
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${alternatives.join('|')})(?![\p{L}])(?:\d{1,2}|\*)?` +
      String.raw`(?:([^:\n\t]{0,60}?)\s*(?::|\t)(?!\/\/)|[ \t]*(?=\n|$))`,
    'giu',
  );
  // A label with neither colon nor tab, capitalised, in a line that a flattened form ran together.
  const bare = new RegExp(String.raw`(?<![\p{L}\p{N}])(${alternatives.join('|')})(?![\p{L}:])`, 'giu');
  compiled = { pattern, bare, fieldOf };
  return compiled;
}

interface Hit {
  field: LabelField;
  label: string;
  qualifier: string;
  start: number;
  end: number;
  alone: boolean;
}

/** Every label–value pair in `text`, in text order. */
export function findLabelValues(text: string): LabelValue[] {
  const { pattern, fieldOf } = labelIndex();
  const hits: Hit[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const qualifier = (m[2] ?? '').trim();
    const alone = m[2] === undefined;
    // A label alone on its line must start that line; a qualifier never holds another label. A
    // rejected match gives its characters back, so that a label inside it is still found.
    const lineStart = m.index === 0 || text[m.index - 1] === '\n';
    if ((alone && !lineStart) || /[.!?]/.test(qualifier) || qualifier.split(/\s+/).length > 6) {
      pattern.lastIndex = m.index + 1;
      continue;
    }
    hits.push({
      field: fieldOf.get(fold(m[1]!))!,
      label: m[1]!,
      qualifier,
      start: m.index,
      end: m.index + m[0].length,
      alone,
    });
  }
  hits.push(...flattenedFormLabels(text, hits));
  hits.sort((a, b) => a.start - b.start);
  const pairs: LabelValue[] = [];
  for (let k = 0; k < hits.length; k++) {
    const hit = hits[k]!;
    const next = hits[k + 1];
    const lineEnd = text.indexOf('\n', hit.end) === -1 ? text.length : text.indexOf('\n', hit.end);
    let valueStart = hit.end;
    let valueEnd = Math.min(lineEnd, next && next.start >= hit.end ? next.start : lineEnd);
    if (!text.slice(valueStart, valueEnd).trim()) {
      // The value is on the next non-empty line, unless that line is another label.
      const after = /\n\s*([^\n]+)/y;
      after.lastIndex = lineEnd;
      const line = after.exec(text);
      if (!line || (next && next.start <= after.lastIndex - line[1]!.length + 1)) continue;
      valueStart = after.lastIndex - line[1]!.length;
      valueEnd = after.lastIndex;
    }
    const raw = text.slice(valueStart, valueEnd);
    const value = raw.trim();
    if (!value) continue;
    const offset = valueStart + raw.indexOf(value);
    pairs.push({
      field: hit.field,
      label: hit.label,
      qualifier: hit.qualifier,
      labelSpan: { start: hit.start, end: hit.end },
      value,
      valueSpan: { start: offset, end: offset + value.length },
    });
  }
  return pairs;
}

// A line this long with this many capitalised labels of different fields is a form run together.
const FLATTENED_LINE = 200;
const FLATTENED_LABELS = 3;

/**
 * Labels a flattened form wrote without colons ("Numero de Proyecto X Título del proyecto Y
 * Duración Z"): within one long line, capitalised labels of at least three different fields, none
 * already found, each ending the previous value.
 */
function flattenedFormLabels(text: string, found: Hit[]): Hit[] {
  const { bare, fieldOf } = labelIndex();
  const out: Hit[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const base = lineStart;
    lineStart += line.length + 1;
    if (line.length < FLATTENED_LINE) continue;
    const hits: Hit[] = [];
    bare.lastIndex = 0;
    for (let m = bare.exec(line); m; m = bare.exec(line)) {
      const start = base + m.index;
      if (!/^\p{Lu}/u.test(m[1]!) || found.some((h) => start < h.end && h.start < start + m![0].length))
        continue;
      const field = fieldOf.get(fold(m[1]!))!;
      hits.push({ field, label: m[1]!, qualifier: '', start, end: start + m[0].length, alone: false });
    }
    const fields = new Set(hits.map((h) => h.field).filter((f) => f !== 'delimiter'));
    if (fields.size >= FLATTENED_LABELS) out.push(...hits);
  }
  return out;
}

/** The first value for a field, or every value when `all`. */
export function valuesFor(pairs: LabelValue[], field: LabelField): LabelValue[] {
  return pairs.filter((p) => p.field === field);
}
