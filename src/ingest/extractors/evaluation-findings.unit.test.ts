// Findings are paragraphs that judge the project against a criterion. "design" is also an everyday
// noun, so it names the criterion only where the sentence rates the design or labels it.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract.ts';

const brief = (findings: string[]) =>
  [
    'EVALUATION BRIEF',
    '',
    'Final Independent Project Evaluation of the project "Safer Borders in the Sahel (XSAX12)"',
    '',
    'MAIN FINDINGS',
    '',
    ...findings.flatMap((f) => [f, '']),
  ].join('\n');

async function criteriaOf(findings: string[]) {
  const { record } = await extractDocument({
    bytes: Buffer.from(brief(findings)),
    filename: 'brief.txt',
  });
  return (record.findings ?? []).map((f) => [f.criterion, f.text.slice(0, 30)]);
}

describe('evaluation findings', () => {
  it('reads a rated design, a labelled design and the other criteria', async () => {
    expect(
      await criteriaOf([
        'The design of the project was largely appropriate to the needs of the border agencies.',
        'Design: the logical framework lacked indicators for the outcome.',
        'The project was relevant to the priorities of the three governments.',
      ]),
    ).toEqual([
      ['design', 'The design of the project was '],
      ['design', 'Design: the logical framework '],
      ['relevance', 'The project was relevant to th'],
    ]);
  });

  it('is not a design finding where "design" is only a noun in passing', async () => {
    expect(
      await criteriaOf([
        'The design of the project strengthens the regional strategy, as it focuses on coordination.',
        'Courses were designed with the national academies and held in both countries.',
      ]),
    ).toEqual([]);
  });
});
