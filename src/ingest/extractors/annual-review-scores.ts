// The scored parts of an annual review: the outputs with their marks, and the year-by-year score
// table in either orientation (years across with score and risk rows, or one row per year). A year
// with neither a score nor a risk is no row: an empty row would file the review under a phantom year.
import { normaliseFinancialYear } from '../recognise/dates.ts';
import { type Row, type Span, type TextModel, type TextUnit, textUnits } from '../text-model.ts';
import type { Draft } from './draft.ts';
// UK review marks, plus the mixed yearly marks ("A/B", "B+/A") and the numeric 1–4 scale.
export const SCORE = /^(A\+\+|A\+|A|B\+|B|C)(?:\s*\/\s*(A\+\+|A\+|A|B\+|B|C))?$|^[1-4]$/;
export const RISK = /\b(low|medium|moderate|high|minor|major|severe|R[1-4])\b/i;
/** "Law Enforcement- Specialist cadres…" → title and description. */
export function splitOutputTitle(text: string): { title: string; description?: string } {
  const dash = /^(.{3,100}?)\s*[-–—:]\s+(\S.*)$/s.exec(text);
  if (dash && !/\s[-–—]$/.test(dash[1]!)) return { title: dash[1]!.trim(), description: dash[2]!.trim() };
  // No separator: the title is the first clause, up to "and <Someone> <does>…" or the first full stop.
  const clause = /^(.{10,}?)\s+and\s+(?:the\s+)?(?:[A-Z][\w.]*\s+)+[a-z]+s\b/.exec(text);
  if (clause)
    return {
      title: clause[1]!.trim(),
      description: text
        .slice(clause[1]!.length)
        .trim()
        .replace(/^and\s+/, ''),
    };
  const sentence = /^(.+?)[.;](?:\s|$)/.exec(text);
  if (sentence && sentence[1]!.length < text.length - 1)
    return { title: sentence[1]!.trim(), description: text.slice(sentence[0].length).trim() };
  return { title: text.replace(/[.;]$/, '').trim() };
}

export function extractOutputs(draft: Draft, model: TextModel) {
  const outputs: NonNullable<typeof draft.record.outputs> = [];
  const spans: { item: Span; title: Span; score?: Span }[] = [];
  const add = (
    numbered: number | undefined,
    unit: TextUnit | { text: string; start: number; end: number },
    body: string,
    bodyOffset: number,
    score?: { value: string; span: Span },
  ) => {
    const { title, description } = splitOutputTitle(body);
    outputs.push({
      ...(numbered !== undefined ? { number: numbered } : {}),
      title,
      ...(description ? { description } : {}),
      ...(score ? { score: score.value } : {}),
    });
    const titleStart = unit.start + bodyOffset;
    spans.push({
      item: unit,
      title: { start: titleStart, end: titleStart + title.length },
      score: score?.span,
    });
  };

  let inOutputs = false;
  for (const block of model.blocks) {
    if (block.type !== 'table') continue;
    for (const row of block.rows) {
      const first = row.cells[0]!;
      if (/^outputs?\b(?!\s*\d)/i.test(first.text) && !scoreCell(row)) {
        inOutputs = true;
        continue;
      }
      const numbered = /^(?:output\s*)?(\d{1,2})\s*[.):-]?\s+(\S.*)$/is.exec(first.text);
      const score = scoreCell(row);
      if (/^(outcome|risk|impact|total|year|programme score)\b/i.test(first.text)) inOutputs = false;
      if (score && (numbered || inOutputs) && row.cells.length >= 2) {
        const body = numbered ? numbered[2]! : first.text;
        const number = numbered ? Number(numbered[1]) : outputs.length + 1;
        add(number, first, body, first.text.length - body.length, score);
      }
    }
  }
  // Outputs written as paragraphs or list items: "Output 2: Title … Score: A+".
  if (!outputs.length) {
    for (const unit of textUnits(model)) {
      const m =
        /^output\s*(\d{1,2})\s*[.:-]?\s+(.+?)\s*(?:[-–(]\s*)?score\s*[:-]?\s*(A\+\+|A\+|A|B\+|B|C|[1-4])\)?\s*$/is.exec(
          unit.text,
        );
      if (!m) continue;
      const scoreAt = unit.text.lastIndexOf(m[3]!);
      add(Number(m[1]), unit, m[2]!, unit.text.indexOf(m[2]!), {
        value: m[3]!,
        span: { start: unit.start + scoreAt, end: unit.start + scoreAt + m[3]!.length },
      });
    }
  }
  draft.set('outputs', outputs, undefined, 0.85);
  spans.forEach((s, i) => {
    draft.trace(`outputs.${i}`, s.item);
    draft.trace(`outputs.${i}.title`, s.title);
    draft.trace(`outputs.${i}.score`, s.score);
  });
}

function scoreCell(row: Row): { value: string; span: Span } | null {
  for (const cell of row.cells.slice(1)) {
    if (SCORE.test(cell.text.trim())) return { value: cell.text.trim(), span: cell };
  }
  return null;
}

export function extractScoreHistory(draft: Draft, model: TextModel) {
  for (const block of model.blocks) {
    if (block.type !== 'table') continue;
    const yearRow = block.rows.find(
      (r) =>
        /^(year|period|financial year|fy)$/i.test(r.cells[0]!.text.trim()) &&
        r.cells.slice(1).some((c) => normaliseFinancialYear(c.text)),
    );
    if (yearRow) {
      const scoreRow = block.rows.find(
        (r) => /score|rating|mark/i.test(r.cells[0]!.text) && !/risk/i.test(r.cells[0]!.text),
      );
      const riskRow = block.rows.find((r) => /risk/i.test(r.cells[0]!.text));
      const history = yearRow.cells.slice(1).flatMap((cell, i) => {
        const period = normaliseFinancialYear(cell.text) ?? cell.text;
        // A dash, "n/a" or a blank is no mark: only a real score or risk makes a year's row.
        const score = [scoreRow?.cells[i + 1]].find((c) => c && SCORE.test(c.text.trim()));
        const risk = [riskRow?.cells[i + 1]].find((c) => c && RISK.test(c.text));
        return score || risk ? [{ period, score, risk, span: cell }] : [];
      });
      if (!history.length) continue;
      draft.set(
        'score_history',
        history.map((h) => ({
          period: h.period,
          ...(h.score ? { score: h.score.text } : {}),
          ...(h.risk ? { risk: h.risk.text } : {}),
        })),
        block,
        0.85,
      );
      history.forEach((h, i) => {
        draft.trace(`score_history.${i}.period`, h.span);
        draft.trace(`score_history.${i}.score`, h.score);
        draft.trace(`score_history.${i}.risk`, h.risk);
      });
      return;
    }
    // Transposed: one row per year ("2015/16 | A/B | Medium").
    const yearly = block.rows.filter(
      (r) => normaliseFinancialYear(r.cells[0]!.text) && r.cells.some((c) => SCORE.test(c.text.trim())),
    );
    if (yearly.length) {
      draft.set(
        'score_history',
        yearly.map((r) => {
          const score = r.cells.slice(1).find((c) => SCORE.test(c.text.trim()));
          const risk = r.cells.slice(1).find((c) => RISK.test(c.text));
          return {
            period: normaliseFinancialYear(r.cells[0]!.text)!,
            ...(score ? { score: score.text } : {}),
            ...(risk ? { risk: risk.text } : {}),
          };
        }),
        block,
        0.8,
      );
      yearly.forEach((r, i) => {
        draft.trace(`score_history.${i}`, r);
      });
      return;
    }
  }
}
