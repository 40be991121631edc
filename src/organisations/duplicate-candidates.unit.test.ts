// Known answers for candidate duplicate organisations: each pair that is one body found with the
// reason a person can check, and organisations that only look alike left alone.
import { describe, expect, it } from 'vitest';
import { closestEntries, type DirectoryEntry, findDuplicateCandidates } from './duplicate-candidates.ts';

const entry = (id: string, name: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id,
  name,
  acronym: null,
  aliases: [],
  iati_ref: null,
  ...more,
});

const DIRECTORY = [
  entry('usaid-short', 'U.S. Agency for International Development'),
  entry('usaid', 'United States Agency for International Development', { acronym: 'USAID' }),
  entry('unodc', 'United Nations Office on Drugs and Crime', { acronym: 'UNODC' }),
  entry('unodc-fr', 'Office des Nations Unies contre la drogue et le crime'),
  entry('fco', 'Foreign and Commonwealth Office', { iati_ref: 'GB-GOV-1' }),
  entry('fco-peru', 'British Embassy Lima', { iati_ref: 'gb-gov-1 ' }),
  entry('cps', 'Crown Prosecution Service'),
  entry('cps-acronym', 'CPS'),
  entry('tm', 'Transparencia Mexicana AC'),
  entry('tm-caps', 'TRANSPARENCIA MEXICANA A.C.'),
  // Alike but different bodies: none of these is proposed.
  entry('nca', 'National Crime Agency', { acronym: 'NCA' }),
  entry('npa', 'National Police Agency'),
  entry('moj-pe', 'Ministry of Justice of Peru'),
  entry('moj-cl', 'Ministry of Justice of Chile'),
];

describe('candidate duplicate organisations', () => {
  const found = findDuplicateCandidates(DIRECTORY);
  const pair = (a: string, b: string) =>
    found.find((c) => (c.a === a && c.b === b) || (c.a === b && c.b === a));

  it('finds each body entered twice, with its reason', () => {
    expect(pair('fco', 'fco-peru')?.reasons).toEqual([{ kind: 'same_iati_ref', ref: 'GB-GOV-1' }]);
    expect(pair('usaid', 'usaid-short')?.reasons).toEqual([
      { kind: 'same_name', name: 'united states agency for international development' },
      { kind: 'acronym_of', acronym: 'USAID', of: expect.any(String) },
    ]);
    expect(pair('unodc', 'unodc-fr')?.reasons).toEqual([
      {
        kind: 'same_name_in_language',
        language: 'fr',
        known_as: 'Office des Nations Unies contre la drogue et le crime',
      },
    ]);
    expect(pair('cps', 'cps-acronym')?.reasons).toEqual([
      { kind: 'acronym_of', acronym: 'CPS', of: expect.any(String) },
    ]);
    expect(pair('tm', 'tm-caps')?.reasons).toEqual([{ kind: 'similar_spelling', similarity: 1 }]);
  });

  it('proposes nothing else, strongest reason first', () => {
    expect(found.map((c) => [c.a, c.b].sort().join('+')).sort()).toEqual(
      ['cps+cps-acronym', 'fco+fco-peru', 'tm+tm-caps', 'unodc+unodc-fr', 'usaid+usaid-short'].sort(),
    );
    expect(found.map((c) => c.score)).toEqual([...found.map((c) => c.score)].sort((x, y) => y - x));
    expect(found[0]?.reasons[0]?.kind).toBe('same_iati_ref');
  });
});

// The registered organisations closest to a name a document gives: the same name or an alias, an
// acronym, the same body in another language, a spelling, and bodies only alike.
const REGISTERED = [
  entry('unodc', 'United Nations Office on Drugs and Crime', { acronym: 'UNODC' }),
  entry('opp', 'Office of the Public Prosecutor', { acronym: 'OPP' }),
  entry('police', 'National Police Academy', { aliases: ['Police Training School'] }),
  entry('moj', 'Ministry of Justice and Public Security'),
  entry('nca', 'National Crime Agency', { acronym: 'NCA' }),
];

const closest = (name: string, acronym?: string) =>
  closestEntries({ name, acronym }, REGISTERED).map((c) => [c.id, c.reasons[0]!.kind]);

describe('closest registered organisations', () => {
  it.each([
    ['UNODC', undefined, [['unodc', 'acronym_of']]],
    [
      'Office des Nations Unies contre la drogue et le crime',
      undefined,
      [['unodc', 'same_name_in_language']],
    ],
    ['Police Training School', undefined, [['police', 'same_name']]],
    // "OPP" is the initials of the name as the document spells it.
    ['Office of Public Prosecutions', 'OPPS', [['opp', 'acronym_of']]],
    ['Public Prosecutor Office', undefined, [['opp', 'similar_spelling']]],
    ['Ministerio de Justicia', undefined, []],
    ['Ministry of Justice and Public Securty', undefined, [['moj', 'similar_spelling']]],
  ])('%s', (name, acronym, expected) => {
    expect(closest(name, acronym)).toEqual(expected);
  });

  it('puts the strongest first and offers at most three', () => {
    const many = Array.from({ length: 6 }, (_, i) => entry(`c${i}`, `National Crime Agency Unit ${i}`));
    const found = closestEntries({ name: 'National Crime Agency', acronym: 'NCA' }, [...many, ...REGISTERED]);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatchObject({ id: 'nca', score: 0.95 });
  });
});
