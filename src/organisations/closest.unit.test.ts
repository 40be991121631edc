// Known answers for the registered organisations closest to a name a document gives: the same name
// or an alias, an acronym, the same body in another language, a spelling, and bodies only alike.
import { describe, expect, it } from 'vitest';
import { closestEntries, type DirectoryEntry } from './duplicate-candidates.ts';

const entry = (id: string, name: string, more: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id,
  name,
  acronym: null,
  aliases: [],
  iati_ref: null,
  ...more,
});

const DIRECTORY = [
  entry('unodc', 'United Nations Office on Drugs and Crime', { acronym: 'UNODC' }),
  entry('opp', 'Office of the Public Prosecutor', { acronym: 'OPP' }),
  entry('police', 'National Police Academy', { aliases: ['Police Training School'] }),
  entry('moj', 'Ministry of Justice and Public Security'),
  entry('nca', 'National Crime Agency', { acronym: 'NCA' }),
];

const closest = (name: string, acronym?: string) =>
  closestEntries({ name, acronym }, DIRECTORY).map((c) => [c.id, c.reasons[0]!.kind]);

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
    const found = closestEntries({ name: 'National Crime Agency', acronym: 'NCA' }, [...many, ...DIRECTORY]);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatchObject({ id: 'nca', score: 0.95 });
  });
});
