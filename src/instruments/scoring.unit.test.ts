// Scoring with weights and each aggregation method, and the definition schema's refusals.
import { describe, expect, it } from 'vitest';
import { InstrumentDefinition } from './definition.schema.ts';
import { scoreSheet } from './scoring.ts';

const L = (en: string) => ({ en });
const q = (id: string, scale: string, weight = 1) => ({ id, text: L(id), scale, weight });

function definition(overrides: Record<string, unknown> = {}) {
  return {
    key: 'test-instrument',
    title: L('Test'),
    subjects: ['project'],
    overall: 'average',
    areas: [
      {
        id: 'avg',
        title: L('Average'),
        weight: 3,
        aggregation: 'average',
        questions: [q('a1', 'yes_partly_no', 3), q('a2', 'zero_to_four', 1), q('a3', 'free_text')],
      },
      {
        id: 'weak',
        title: L('Weakest'),
        weight: 1,
        aggregation: 'weakest_link',
        questions: [q('w1', 'six_point'), q('w2', 'six_point')],
      },
      {
        id: 'conv',
        title: L('Conversion'),
        weight: 1,
        aggregation: 'conversion_table',
        conversion_table: [
          { when: ['A', 'A'], rating: 'A' },
          { when: ['A', 'B'], rating: 'B+' },
          { when: ['A', 'C'], rating: 'B' },
          { when: ['A', 'D'], rating: 'C+' },
          { when: ['B', 'B'], rating: 'B' },
          { when: ['B', 'C'], rating: 'C+' },
          { when: ['B', 'D'], rating: 'C' },
          { when: ['C', 'C'], rating: 'C' },
          { when: ['C', 'D'], rating: 'D+' },
          { when: ['D', 'D'], rating: 'D' },
        ],
        questions: [q('c1', 'a_to_d'), q('c2', 'a_to_d')],
      },
    ],
    ...overrides,
  };
}

const parse = (raw: unknown) => InstrumentDefinition.parse(raw);
const issues = (raw: unknown) =>
  InstrumentDefinition.safeParse(raw).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('scoring a sheet', () => {
  const def = parse(definition());

  it('weights questions in an average, takes the weakest link, and reads the conversion table', () => {
    const answers = new Map([
      ['a1', 'yes'],
      ['a2', '0'],
      ['a3', 'notes'],
      ['w1', 'satisfactory'],
      ['w2', 'unsatisfactory'],
      ['c2', 'B'],
      ['c1', 'D'],
    ]);
    const result = scoreSheet(def, answers);
    // a1 yes = 1 weighted 3, a2 0 = 0 weighted 1: 0.75. Six-point 5 and 2 on 1..6: 0.8 and 0.2, weakest 0.2.
    // B and D give C, 2 on 1..4: 0.333. Overall weighted by area: (0.75*3 + 0.2 + 0.333) / 5.
    expect(result.areas.map((a) => [a.area_id, a.score, a.rating])).toEqual([
      ['avg', 0.75, null],
      ['weak', 0.2, null],
      ['conv', 0.333, 'C'],
    ]);
    expect(result.overall).toBe(Math.round(((0.75 * 3 + 0.2 + 0.333) / 5) * 1000) / 1000);
    expect(result.weakest_areas).toEqual(['weak', 'conv', 'avg']);
  });

  it('leaves out unanswered and unscored values, and says why an area has no score', () => {
    const result = scoreSheet(
      def,
      new Map([
        ['a2', '4'],
        ['c1', 'A'],
        ['c2', 'insufficient_information'],
      ]),
    );
    expect(result.areas[0]).toMatchObject({ score: 1, note: '1 of 2 questions have no score' });
    expect(result.areas[1]).toMatchObject({ score: null });
    expect(result.areas[2]).toMatchObject({
      score: null,
      note: 'a conversion table needs every criterion rated A to D',
    });
    expect(result.overall).toBe(1);
  });

  it('takes the lowest area as the overall score when the instrument says so, and none when it defines none', () => {
    const answers = new Map([
      ['a1', 'partly'],
      ['a2', '2'],
      ['w1', 'highly_satisfactory'],
      ['w2', 'highly_satisfactory'],
    ]);
    expect(scoreSheet(parse(definition({ overall: 'weakest_link' })), answers).overall).toBe(0.5);
    expect(scoreSheet(parse(definition({ overall: 'none' })), answers).overall).toBeNull();
  });
});

describe('the definition schema', () => {
  it('refuses a conversion table that misses a combination, and names where', () => {
    const broken = definition();
    (broken.areas[2] as { conversion_table: unknown[] }).conversion_table.pop();
    expect(issues(broken)).toEqual([
      'areas.2.conversion_table: must give a rating for each of the 10 sets of 2 ratings; it has 9',
    ]);
  });

  it('refuses a repeated id, an unknown scale, an unknown field and a missing English text', () => {
    const broken = definition();
    broken.areas[1]!.questions[1]!.id = 'a1';
    (broken.areas[0]!.questions[0] as { scale: string }).scale = 'stars';
    (broken.areas[0] as Record<string, unknown>).colour = 'red';
    (broken as Record<string, unknown>).title = { es: 'Prueba' };
    expect(issues(broken).sort()).toEqual([
      'areas.0.questions.0.scale: Invalid option: expected one of "yes_partly_no"|"zero_to_four"|"six_point"|"a_to_d"|"free_text"',
      'areas.0: Unrecognized key: "colour"',
      'title.en: is required',
    ]);
    const dup = definition();
    dup.areas[1]!.questions[1]!.id = 'a1';
    expect(issues(dup)).toEqual([
      'areas.1.questions.1.id: "a1" is used twice; every area and question needs its own id',
    ]);
  });

  it('refuses a conversion table over questions that are not rated A to D', () => {
    const broken = definition();
    broken.areas[2]!.questions[0]!.scale = 'zero_to_four';
    expect(issues(broken)).toContain(
      'areas.2.questions.0.scale: must be a_to_d in an area rated by a conversion table (question 1 of the area)',
    );
  });
});
