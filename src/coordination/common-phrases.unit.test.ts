import { describe, expect, it } from 'vitest';
import { commonPhrases } from './common-phrases.ts';

describe('commonPhrases', () => {
  it('gives the longest shared phrases, without their parts', () => {
    expect(
      commonPhrases(
        'Training in the fight against serious organised crime for the Fiscalía',
        'Peru and Colombia make progress in tackling serious organised crime; the fiscalia leads',
      ),
    ).toEqual(['serious organised crime']);
  });

  it('falls back to shared content words when no phrase is shared', () => {
    expect(commonPhrases('Anti-corruption training for police', 'Police corruption and training')).toEqual([
      'corruption',
      'training',
      'police',
    ]);
  });
});
