// The narrative sections of an evaluation: findings (a paragraph judged against a criterion),
// numbered recommendations with their category, and lessons learned or good practices.
import type { Criterion } from '../extraction-record.ts';
import type { Span } from '../text-model.ts';
import type { Draft } from './draft.ts';
import type { sectionItems } from './fields.ts';

const DESIGN_JUDGED =
  /^\s*(?:project\s+)?design\s*[:.–-]|\bdesign\b(?:\s+of\s+the\s+(?:project|programme|program|intervention))?\s+(?:was|is|were|proved|remains|appears|seems)\s+(?:(?:not|very|largely|generally|well|highly|only|partly|partially|overall|broadly|sufficiently|too)\s+)*(?:appropriate|adequate|inadequate|relevant|sound|weak|strong|clear|unclear|coherent|incoherent|good|poor|logical|realistic|unrealistic|ambitious|over-?ambitious|flawed|suitable|robust|conceived|aligned|satisfactory|unsatisfactory)\b/i;

// A finding is a paragraph whose first sentence judges the project against a criterion.
const CRITERION_TERMS: [Criterion, RegExp][] = [
  ['relevance', /\brelevan(?:t|ce)\b/i],
  ['coherence', /\bcoheren(?:t|ce)\b/i],
  ['effectiveness', /\beffective(?:ness)?\b/i],
  ['efficiency', /\befficien(?:t|cy)\b/i],
  ['impact', /\bimpacts?\b/i],
  ['sustainability', /\bsustainab(?:le|ility)\b(?! development)/i],
  ['partnerships', /\bpartnerships?\b/i],
  ['human_rights_gender', /\bhuman rights\b|\bgender\b/i],
  // "design" is an everyday noun ("the design of the project strengthens…", "designed to"), so it
  // names the criterion only as a label ("Design:") or when the sentence rates the design.
  ['design', DESIGN_JUDGED],
];
const NOT_FINDINGS = /background|context|methodolog|lessons?|good practice|introduction|purpose|scope/i;

export function extractFindings(draft: Draft, items: ReturnType<typeof sectionItems>) {
  const findings: { criterion: Criterion; text: string; span: Span }[] = [];
  for (const { block, section } of items) {
    if (block.type !== 'paragraph' || NOT_FINDINGS.test(section)) continue;
    const firstSentence = /^.+?[.!?](?=\s|$)/s.exec(block.text)?.[0] ?? block.text;
    // Bold marks the criterion where the brief sets it so; otherwise the earliest criterion word.
    const boldCriterion = block.bold
      .map((b) => CRITERION_TERMS.find(([, re]) => re.test(b))?.[0])
      .find(Boolean);
    let best: { criterion: Criterion; at: number } | null = null;
    for (const [criterion, re] of CRITERION_TERMS) {
      const m = re.exec(firstSentence);
      if (m && (!best || m.index < best.at)) best = { criterion, at: m.index };
    }
    const criterion = best?.criterion ?? (boldCriterion as Criterion | undefined);
    if (!criterion) continue;
    findings.push({ criterion, text: block.text, span: block });
  }
  draft.set(
    'findings',
    findings.map(({ criterion, text }) => ({ criterion, text })),
    undefined,
    0.7,
  );
  findings.forEach((f, i) => {
    draft.trace(`findings.${i}`, f.span);
  });
}

export function extractRecommendations(draft: Draft, items: ReturnType<typeof sectionItems>) {
  const recs: { number?: number; category?: string; text: string; span: Span }[] = [];
  for (const { block, section } of items) {
    if (!/recommendation/i.test(section) || block.type !== 'list_item') continue;
    const category = /^([A-Z][\p{L}\s&/-]{2,40}?):\s+(\S.*)$/su.exec(block.text);
    const text = category ? category[2]! : block.text;
    const start = block.end - text.length;
    recs.push({
      ...(block.number !== null ? { number: block.number } : {}),
      ...(category ? { category: category[1]!.trim() } : {}),
      text,
      span: { start, end: block.end },
    });
  }
  draft.set(
    'recommendations',
    recs.map(({ span: _s, ...r }) => r),
    undefined,
    0.85,
  );
  recs.forEach((r, i) => {
    draft.trace(`recommendations.${i}`, r.span);
  });
}

export function extractLessons(draft: Draft, items: ReturnType<typeof sectionItems>) {
  const lessons: { text: string; type: 'lesson' | 'good_practice'; span: Span }[] = [];
  for (const { block, section } of items) {
    if (!/lessons?|good practices?|best practices?/i.test(section)) continue;
    // "The main lessons learned and good practices include: Crime investigation…" — drop the lead-in.
    const intro = /^[^:]{0,120}\b(?:include|are|were|following)\b[^:]*:\s*/i.exec(block.text);
    const text = intro ? block.text.slice(intro[0].length) : block.text;
    if (!text.trim()) continue;
    const goodPractice = /good practice|best practice/i.test(section) && !/lesson/i.test(section);
    lessons.push({
      text,
      type: goodPractice || /^good practice/i.test(text) ? 'good_practice' : 'lesson',
      span: { start: block.end - text.length, end: block.end },
    });
  }
  draft.set(
    'lessons',
    lessons.map(({ text, type }) => ({ text, type })),
    undefined,
    0.75,
  );
  lessons.forEach((l, i) => {
    draft.trace(`lessons.${i}`, l.span);
  });
}
