// A document's text with the spans values were extracted from highlighted; the active span is
// emphasised and scrolled into view, so a reader sees where each value came from.
import { useEffect, useMemo, useRef } from 'react';

export interface Span {
  key: string;
  start: number;
  end: number;
}

export function spansFromProvenance(provenance: unknown): Span[] {
  if (!provenance || typeof provenance !== 'object') return [];
  return Object.entries(provenance as Record<string, { start?: unknown; end?: unknown }>)
    .filter(([, v]) => typeof v?.start === 'number' && typeof v?.end === 'number')
    .map(([key, v]) => ({ key, start: v.start as number, end: v.end as number }));
}

export function DocumentText({
  text,
  spans,
  active,
  label,
}: {
  text: string;
  spans: Span[];
  active?: string;
  label: string;
}) {
  const activeRef = useRef<HTMLElement>(null);
  const segments = useMemo(() => {
    // The active span first, then the others by position; overlapping spans are left out.
    const chosen: Span[] = [];
    const activeSpan = spans.find((s) => s.key === active);
    const rest = [...spans]
      .filter((s) => s.key !== active)
      .sort((a, b) => a.start - b.start || b.end - a.end);
    for (const s of activeSpan ? [activeSpan, ...rest] : rest)
      if (s.end > s.start && !chosen.some((c) => s.start < c.end && c.start < s.end)) chosen.push(s);
    chosen.sort((a, b) => a.start - b.start);
    const out: { text: string; span?: Span }[] = [];
    let at = 0;
    for (const s of chosen) {
      if (s.start > at) out.push({ text: text.slice(at, s.start) });
      out.push({ text: text.slice(s.start, s.end), span: s });
      at = s.end;
    }
    out.push({ text: text.slice(at) });
    return out;
  }, [text, spans, active]);

  useEffect(() => {
    if (active) activeRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [active]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the text scrolls, so keyboard users must reach it
    <section className="doc-text" tabIndex={0} aria-label={label}>
      {segments.map((seg) =>
        seg.span ? (
          <mark
            key={`${seg.span.key}-${seg.span.start}`}
            ref={seg.span.key === active ? activeRef : undefined}
            className={seg.span.key === active ? 'active' : undefined}
            title={seg.span.key}
          >
            {seg.text}
          </mark>
        ) : (
          seg.text
        ),
      )}
    </section>
  );
}
