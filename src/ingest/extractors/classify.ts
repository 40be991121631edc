// Which kind of document this is, from the phrases each kind is built around, and how sure.
import type { DocumentKind } from '../extraction-record.ts';

const CUES: Record<Exclude<DocumentKind, 'other'>, [RegExp, number][]> = {
  annual_review: [
    [/\bannual review\b/i, 3],
    [/\bsummary sheet\b/i, 2],
    [/\boutcome score\b/i, 2],
    [/\bprogramme score\b/i, 2],
    [/\brisk rating\b/i, 1],
    [/\bscore \(per output/i, 2],
    [/\b(CSSF|DFID|FCDO)\b/, 1],
    [/\bcompletion review\b/i, 2],
  ],
  evaluation: [
    [/\bevaluation brief\b/i, 3],
    [/\b(?:final|mid-?term|independent)\b[^.\n]{0,30}\bevaluation\b/i, 3],
    [/\bevaluation (?:team|methodology)\b/i, 2],
    [/\bmain findings\b/i, 1],
    [/\blessons learn(?:ed|t)\b/i, 1],
    [/\b(?:relevance|effectiveness|efficiency|sustainability)\b/i, 1],
  ],
  meeting_report: [
    [/\bmeeting report\b/i, 3],
    [/\b(?:special|side) event\b/i, 2],
    [/\bthe chair\b/i, 2],
    [/\bopened the (?:event|meeting|session)\b/i, 2],
    [/\b(?:presentation|panel|open discussion)\b/i, 1],
    [/\bparticipants\b/i, 1],
  ],
  background_note: [
    [/\bbackground (?:note|paper)\b/i, 3],
    [/\b(?:discussion|policy|concept) (?:paper|note)\b/i, 2],
    [/\bworkshop\b/i, 1],
    [/\bCommission on Crime Prevention\b/i, 1],
  ],
};

export interface Classification {
  kind: DocumentKind;
  confidence: number;
}

export function classifyDocument(text: string): Classification {
  // The opening matters most: documents say what they are at the top.
  const head = text.slice(0, 3000);
  const scores = Object.entries(CUES).map(([kind, cues]) => {
    let score = 0;
    for (const [re, weight] of cues) if (re.test(head)) score += weight;
    return { kind: kind as DocumentKind, score };
  });
  scores.sort((a, b) => b.score - a.score);
  const [best, second] = scores;
  if (!best || best.score < 3) return { kind: 'other', confidence: 0.5 };
  const margin = (best.score - (second?.score ?? 0)) / best.score;
  return {
    kind: best.kind,
    confidence: Math.round(Math.min(0.99, 0.5 + margin / 2 + best.score / 40) * 100) / 100,
  };
}
