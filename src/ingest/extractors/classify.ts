// Which kind of document this is, from weighted cues in English, Spanish and French (the lexicon
// in ../lexicon/kinds.ts), and how sure. Documents say what they are at the top, so a cue in the
// opening lines counts double; a terms of reference is "other" whatever else it mentions. A
// background paper that names a meeting in its header is still a background note: meeting cues are
// weak, document-type cues strong.
import type { DocumentKind } from '../extraction-record.ts';
import { headerSegments } from '../layout/header.ts';
import { KIND_CUES } from '../lexicon/kinds.ts';
import { unicodeWords } from '../recognise/regex.ts';

export interface Classification {
  kind: DocumentKind;
  confidence: number;
}

const OPENING = 400;
const BODY = 3000;

// The lexicon's cues, with word boundaries that know accented letters ("\bévaluation").
const CUES = (Object.entries(KIND_CUES) as [DocumentKind, [RegExp, number][]][]).map(
  ([kind, cues]) => [kind, cues.map(([re, weight]) => [unicodeWords(re), weight] as const)] as const,
);

// What a cover spends on document symbols, sales numbers, language notes and agenda items does not
// push the document's own name out of its opening ("A/CONF.…/12 … Distr. générale … Français
// Original: anglais … Point 3 de l'ordre du jour provisoire … Document d'information").
const HEADER_JUNK = new Set(['symbol', 'meta']);

function openingLength(text: string): number {
  let junk = 0;
  for (const s of headerSegments(text, 1200)) {
    if (s.start >= OPENING + junk) break;
    if (HEADER_JUNK.has(s.kind)) junk += s.end - s.start;
  }
  return OPENING + junk;
}

export function classifyDocument(text: string): Classification {
  const body = text.slice(0, BODY);
  const opening = openingLength(text);
  const scores = CUES.map(([kind, cues]) => {
    let score = 0;
    for (const [re, weight] of cues) {
      const m = re.exec(body);
      if (m) score += m.index < opening ? 2 * weight : weight;
    }
    return { kind, score };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < 3) return { kind: 'other', confidence: 0.3 };
  const margin = (best.score - (second?.score ?? 0)) / best.score;
  return {
    kind: best.kind,
    confidence: Math.round(Math.min(0.99, 0.4 + margin / 2 + best.score / 40) * 100) / 100,
  };
}
