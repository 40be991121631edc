import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './query-parser.ts';

describe('parseSearchQuery', () => {
  it('reads words, phrases, exclusions and OR', () => {
    expect(parseSearchQuery('"organised crime" Peru OR Colombia -drugs -"money laundering"')).toEqual({
      groups: [
        [{ type: 'phrase', text: 'organised crime' }],
        [
          { type: 'term', text: 'Peru' },
          { type: 'term', text: 'Colombia' },
        ],
      ],
      excluded: [
        { type: 'term', text: 'drugs' },
        { type: 'phrase', text: 'money laundering' },
      ],
    });
  });

  it('ignores a leading OR, empty phrases and a lone minus, and closes an open quote', () => {
    expect(parseSearchQuery('OR "" - "border security')).toEqual({
      groups: [[{ type: 'term', text: '-' }], [{ type: 'phrase', text: 'border security' }]],
      excluded: [],
    });
  });

  it('keeps hyphenated words whole', () => {
    expect(parseSearchQuery('anti-corruption').groups).toEqual([[{ type: 'term', text: 'anti-corruption' }]]);
  });
});
