// The five built-in instruments: valid, complete in English, Spanish and French, and shaped as
// the sources describe them (14 points, nine principles, Paris indicators 1–12, seven integrity
// areas and three focus areas, four assessment clusters).
import { describe, expect, it } from 'vitest';
import { readBuiltInInstruments } from './builtin.ts';
import { type InstrumentDefinition, localisedTexts } from './definition.schema.ts';

const byKey = new Map(readBuiltInInstruments().map((d) => [d.key, d]));
const get = (key: string): InstrumentDefinition => {
  const def = byKey.get(key);
  if (!def) throw new Error(`no built-in instrument ${key}`);
  return def;
};
const questions = (def: InstrumentDefinition) => def.areas.flatMap((a) => a.questions);

describe('built-in instruments', () => {
  it('are the five the product lists', () => {
    expect([...byKey.keys()].sort()).toEqual([
      'cj-assessment-clusters',
      'cj-integrity',
      'heuni-checklist',
      'paris-declaration',
      'ta-principles',
    ]);
  });

  it('have every text in English, Spanish and French', () => {
    for (const def of byKey.values()) {
      const texts = localisedTexts(def);
      expect(texts.length).toBeGreaterThan(5);
      const missing = texts.filter((t) => !t.text.es || !t.text.fr).map((t) => `${def.key} ${t.path}`);
      expect(missing).toEqual([]);
      // A translation that repeats the English is no translation (short names such as "Transparency" aside).
      const copied = texts.filter(
        (t) => t.text.en.length > 20 && (t.text.es === t.text.en || t.text.fr === t.text.en),
      );
      expect(copied.map((t) => `${def.key} ${t.path}`)).toEqual([]);
    }
  });

  it('number the HEUNI checklist 1 to 14, pre-filling what Tacit knows', () => {
    const def = get('heuni-checklist');
    expect(questions(def).map((q) => q.number)).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    const prefills = Object.fromEntries(
      questions(def).flatMap((q) => (q.prefill ? [[q.number, q.prefill]] : [])),
    );
    expect(prefills).toEqual({ '2': 'overlaps', '12': 'timetable', '13': 'monitoring' });
  });

  it('give the nine principles one area each', () => {
    const def = get('ta-principles');
    expect(def.areas.map((a) => a.title.en)).toEqual([
      'Holistic',
      'Country-led',
      'Region-specific',
      'Broad and integrated',
      'Human rights based',
      'Building on existing strengths',
      'Long-term',
      'Participation of civil society',
      'Research-based and results-focused',
    ]);
    expect(def.areas[7]!.questions[0]!.prefill).toBe('civil_society');
  });

  it('file the Paris Declaration indicators under their commitments', () => {
    const def = get('paris-declaration');
    const numbers = Object.fromEntries(def.areas.map((a) => [a.id, a.questions.map((q) => q.number)]));
    expect(numbers).toEqual({
      ownership: ['1'],
      alignment: ['2a', '2b', '3', '4', '5a', '5b', '6', '7', '8'],
      harmonisation: ['9', '10a', '10b'],
      managing_for_results: ['11'],
      mutual_accountability: ['12'],
    });
  });

  it('rate the seven integrity areas by conversion table and the three focus areas by their weakest link', () => {
    const def = get('cj-integrity');
    expect(def.areas.filter((a) => a.aggregation === 'conversion_table').map((a) => a.title.en)).toEqual([
      'Internal oversight',
      'External oversight',
      'Protections',
      'Transparency',
      'Civil society participation',
      'Capacity',
      'Independence',
    ]);
    expect(def.areas.filter((a) => a.aggregation === 'weakest_link')).toHaveLength(3);
    const table = def.areas[0]!.conversion_table!;
    const rating = (a: string, b: string) =>
      table.find((r) => [...r.when].sort().join('') === [a, b].sort().join(''))?.rating;
    expect([rating('A', 'A'), rating('A', 'B'), rating('C', 'D'), rating('D', 'D')]).toEqual([
      'A',
      'B+',
      'D+',
      'D',
    ]);
  });

  it('group the assessment toolkit in four clusters with no overall score', () => {
    const def = get('cj-assessment-clusters');
    expect(def.areas.map((a) => a.title.en)).toEqual([
      'Policing',
      'Access to justice',
      'Custodial and non-custodial measures',
      'Cross-cutting issues',
    ]);
    expect(def.overall).toBe('none');
    expect(questions(def).find((q) => q.scale === 'free_text')?.id).toBe('other_observations');
  });
});
