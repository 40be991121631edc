// Every interface word in three languages: each English message has a Spanish and a French one
// with the same parameters, none left in English unless the word is the same in that language
// (listed below, by value), and plurals follow each language's rules.
import { describe, expect, it } from 'vitest';
import { en } from '../web/src/i18n/en.ts';
import { es } from '../web/src/i18n/es.ts';
import { formatMessage } from '../web/src/i18n/format.ts';
import { fr } from '../web/src/i18n/fr.ts';

/** Messages that are the same words in English and the other language. */
const SAME_WORDS: Record<'es' | 'fr', string[]> = {
  es: ['Regional: {regions}'],
  fr: [
    'Action',
    'Budget',
    'Concentration',
    'Coordination',
    'Dates',
    'description',
    'Document',
    'document',
    'Documents',
    'Impact',
    'Instrument',
    'Instruments',
    'Organisation',
    'organisation',
    'Organisations',
    'public',
    'Question',
    'Source',
    'Type',
    'Version {n}',
  ],
};

/** The parameters a message names, without the words inside its plural branches ("one {donor}"). */
const parameters = (message: string) =>
  [...message.replace(/(=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\}/g, '').matchAll(/\{(\w+)[,}]/g)]
    .map((m) => m[1])
    .sort();

describe('interface messages', () => {
  for (const [lang, catalogue] of [
    ['es', es],
    ['fr', fr],
  ] as const) {
    it(`has every English key in ${lang}, translated, with the same parameters`, () => {
      const messages = catalogue as Record<string, string | undefined>;
      const missing = Object.keys(en).filter((k) => !messages[k]?.trim());
      expect(missing).toEqual([]);
      const untranslated = Object.entries(en)
        .filter(([k, v]) => messages[k] === v && !SAME_WORDS[lang].includes(v))
        .map(([k]) => k);
      expect(untranslated).toEqual([]);
      const mismatched = Object.entries(en)
        .filter(([k, v]) => parameters(v).join() !== parameters(messages[k] ?? '').join())
        .map(([k]) => k);
      expect(mismatched).toEqual([]);
    });
  }

  it('picks the plural each language uses, numbers in its format', () => {
    const count = (lang: 'en' | 'es' | 'fr', n: number) =>
      formatMessage({ en, es, fr }[lang]['search.results'], { n }, lang);
    expect([0, 1, 2].map((n) => count('en', n))).toEqual(['0 results', '1 result', '2 results']);
    expect([0, 1, 2].map((n) => count('es', n))).toEqual(['0 resultados', '1 resultado', '2 resultados']);
    expect([0, 1, 2].map((n) => count('fr', n))).toEqual(['0 résultat', '1 résultat', '2 résultats']);
    expect(count('es', 12_345)).toBe('12.345 resultados');
    expect(formatMessage(es['recommendations.count'], { n: 1, overdue: 2 }, 'es')).toBe(
      '1 recomendación, 2 vencidas',
    );
    expect(formatMessage(fr['brief.donors'], { n: 1 }, 'fr')).toBe('donateur');
  });

  it('leaves a message without plurals as it was, parameters filled in', () => {
    expect(formatMessage(en['coordination.briefFor'], { country: 'Peru' }, 'en')).toBe(
      'Country brief for Peru',
    );
  });
});
