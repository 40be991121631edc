// Meeting reports: title, projects discussed with their years, people with roles, figures quoted
// ("44 capacity building activities", "1202 participants"), instruments and tools mentioned, regions.
import { findRegions } from '../recognise/countries.ts';
import { findPeople } from '../recognise/people.ts';
import { allMatches } from '../recognise/regex.ts';
import type { Span, TextModel } from '../text-model.ts';
import type { Draft } from './draft.ts';
import { titleCase } from './fields.ts';
import { extractAttendance } from './meeting-attendance.ts';

const DOCUMENT_TYPE_LINE =
  /^(?:summary\s+)?(?:meeting|event|workshop|conference|side[- ]event)\s+report$|^(?:summary|report|minutes|record of meeting)$/i;
const COUNTED =
  'activities|participants|people|persons|officers|officials|countries|prosecutors|judges|workshops|trainings|training sessions|courses|cases|seizures|staff|members|institutions|events|missions|women|men|beneficiaries|stakeholders|investigators|arrests|convictions|victims|meetings';

// Named assessment tools: a capitalised name ending in a tool word, or one Tacit already knows.
const INSTRUMENT =
  /\b((?:[A-Z][\p{L}-]+\s+){1,5}(?:Dashboard|Toolkit|Tool|Checklist|Index|Scorecard|Questionnaire|Assessment Framework))\b/gu;
export const KNOWN_INSTRUMENTS: [string, RegExp][] = [
  ['HEUNI checklist', /\bHEUNI\b[^.]{0,80}\bchecklist\b/i],
  ['Criminal Justice Assessment Toolkit', /Criminal Justice Assessment Toolkit/i],
  ['Paris Declaration on Aid Effectiveness', /Paris Declaration/],
];

export function extractMeetingTitle(model: TextModel, draft: Draft) {
  const blocks = model.blocks.filter((b) => b.type !== 'table').slice(0, 6);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'heading' || DOCUMENT_TYPE_LINE.test(block.text)) continue;
    let title = titleCase(block.text);
    let end = block.end;
    const next = blocks[i + 1];
    // "INTEGRITY OF …:" followed by its subtitle on the next line.
    if (/:$/.test(block.text) && next && 'text' in next && next.text.length < 250) {
      title = `${title} ${next.type === 'heading' ? titleCase(next.text) : next.text}`;
      end = next.end;
    }
    draft.set('title', title, { start: block.start, end }, 0.8);
    return;
  }
}

export function extractInstruments(text: string, draft: Draft) {
  const found: { name: string; span: Span }[] = [];
  for (const [name, re] of KNOWN_INSTRUMENTS) {
    const m = re.exec(text);
    if (m) found.push({ name, span: { start: m.index, end: m.index + m[0].length } });
  }
  for (const m of allMatches(INSTRUMENT, text)) {
    const name = m[1]!.replace(/^(?:The|An?|Its|This)\s+/, '');
    if (found.some((f) => f.name.toLowerCase() === name.toLowerCase())) continue;
    found.push({ name, span: { start: m.index, end: m.index + m[0].length } });
  }
  found.sort((a, b) => a.span.start - b.span.start);
  draft.set(
    'instruments_mentioned',
    found.map((f) => f.name),
    undefined,
    0.7,
  );
  found.forEach((f, i) => {
    draft.trace(`instruments_mentioned.${i}`, f.span);
  });
}

export function extractMeetingReport(model: TextModel, draft: Draft) {
  const text = model.text;
  extractMeetingTitle(model, draft);

  const projects = new Map<string, { name: string; period?: { start: string; end: string }; span: Span }>();
  const projectRe =
    /\b(?:the\s+)?([A-Z][A-Z0-9-]{3,})\s+(?:project|programme|program|initiative)\b(?:\s*\((\d{4})\s*[-–]\s*(\d{4})\))?|\b(?:project|programme)\s+([A-Z]{4,}\d*)\b/g;
  for (const m of allMatches(projectRe, text)) {
    const name = m[1] ?? m[4]!;
    const existing = projects.get(name);
    const period = m[2] ? { start: m[2], end: m[3]! } : undefined;
    if (existing) {
      existing.period ??= period;
      continue;
    }
    projects.set(name, {
      name,
      ...(period ? { period } : {}),
      span: { start: m.index, end: m.index + m[0].length },
    });
  }
  const projectList = [...projects.values()];
  draft.set(
    'projects_mentioned',
    projectList.map(({ span: _s, ...p }) => p),
    undefined,
    0.8,
  );
  projectList.forEach((p, i) => {
    draft.trace(`projects_mentioned.${i}`, p.span);
  });

  const people = findPeople(text);
  draft.set(
    'people',
    people.map((p) => ({ name: p.name, ...(p.role ? { role: p.role } : {}) })),
    undefined,
    0.6,
  );
  people.forEach((p, i) => {
    draft.trace(`people.${i}`, p);
  });

  const figures: { value: number; unit: string; span: Span }[] = [];
  const figureRe = new RegExp(
    String.raw`(?<![\d/.,-])(\d{1,3}(?:,\d{3})+|\d{2,})\s+((?:[a-z][a-z-]*\s+){0,3}?(?:${COUNTED}))\b`,
    'g',
  );
  for (const m of allMatches(figureRe, text)) {
    const value = Number(m[1]!.replace(/,/g, ''));
    if (value >= 1900 && value <= 2100 && !/participants|people|persons/.test(m[2]!)) continue;
    figures.push({ value, unit: m[2]!.trim(), span: { start: m.index, end: m.index + m[0].length } });
  }
  draft.set(
    'figures',
    figures.map(({ value, unit }) => ({ value, unit })),
    undefined,
    0.75,
  );
  figures.forEach((f, i) => {
    draft.trace(`figures.${i}`, f.span);
  });

  extractInstruments(text, draft);
  extractAttendance(text, draft);

  const regions = findRegions(text);
  draft.set(
    'regions',
    regions.map((r) => r.name),
    regions[0],
    0.7,
  );
  regions.forEach((r, i) => {
    draft.trace(`regions.${i}`, r);
  });
}
