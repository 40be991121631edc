// A record under construction: values, the span each came from, and a confidence per field.
// Paths use dots and indices ("outputs.2.score") so they line up with zod issue paths.
import type { ExtractionRecord } from '../extraction-record.ts';
import type { FoundPeriod } from '../recognise/dates.ts';
import type { Span } from '../text-model.ts';

export class Draft {
  readonly record: ExtractionRecord;
  readonly provenance: Record<string, Span> = {};
  readonly confidence: Record<string, number> = {};

  constructor(kind: ExtractionRecord['kind']) {
    this.record = { kind };
  }

  /** Set a top-level field with the span it came from. */
  set<K extends keyof ExtractionRecord>(
    key: K,
    value: ExtractionRecord[K],
    span: Span | undefined,
    confidence: number,
  ) {
    if (value === undefined || (Array.isArray(value) && !value.length)) return;
    this.record[key] = value;
    if (span) this.provenance[key] = span;
    this.confidence[key] = round(confidence);
  }

  /** Drop a field (and its provenance) that weaker evidence had filled: no value beats a wrong one. */
  clear(key: keyof ExtractionRecord) {
    delete this.record[key];
    for (const path of Object.keys(this.provenance))
      if (path === key || path.startsWith(`${key}.`)) delete this.provenance[path];
    this.confidence[key] = 0.1;
  }

  /** Set the period from a recognised date range, tracing its start and its end (or "Ongoing"). */
  setPeriod(found: FoundPeriod, span: Span, confidence: number) {
    this.set(
      'period',
      { start: found.start?.iso ?? null, end: found.end?.iso ?? null, ongoing: found.ongoing },
      span,
      confidence,
    );
    this.trace('period.start', found.start);
    this.trace('period.end', found.end ?? found.ongoingSpan);
  }

  /** Record where a nested value came from: trace('outputs.0.score', span). */
  trace(path: string, span: Span | undefined) {
    if (span && span.end >= span.start) this.provenance[path] = { start: span.start, end: span.end };
  }

  rate(path: string, confidence: number) {
    this.confidence[path] = round(confidence);
  }
}

const round = (n: number) => Math.round(Math.max(0, Math.min(1, n)) * 100) / 100;

export function spanOf(start: number, length: number): Span {
  return { start, end: start + length };
}
