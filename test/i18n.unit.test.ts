// Every interface word in three languages: each English message has a Spanish and a French one
// with the same parameters, none left in English unless the word is the same in that language
// (listed below, by value), and plurals follow each language's rules.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../src/audit/audit.schema.ts';
import { DEFINITIONS } from '../src/countries/region-definitions.ts';
import { REFERENCE_DIR } from '../src/paths.ts';
import { ParticipantRole, ProjectStatus } from '../src/projects/projects.schema.ts';
import { ELEMENT_GROUPS, PROJECT_ELEMENTS } from '../src/quality/elements.ts';
import { RISK_RATINGS } from '../src/reference/scales.ts';
import { en } from '../web/src/i18n/en.ts';
import { es } from '../web/src/i18n/es.ts';
import { formatMessage } from '../web/src/i18n/format.ts';
import { fr } from '../web/src/i18n/fr.ts';
import { readerLocale } from '../web/src/i18n/locale.ts';
import { AUDIT_ACTION_NAMES, DAC_NAMES, REGION_NAMES, RISK_NAMES } from '../web/src/i18n/vocabulary.ts';

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

/** Names the same in Spanish or French as in English (checked by value, so no other slips through). */
const SAME_NAMES = new Set([
  'Sahel',
  'Melanesia',
  'Micronesia',
  'Asia',
  'Balkans',
  'Europe',
  'Prisons',
  'Immigration',
  'Police',
  'Cybercrime',
]);

describe('vocabulary labels', () => {
  /** Values of a vocabulary with no Spanish or French name, or one left in English. */
  const untranslated = (
    values: readonly string[],
    names: (v: string) => { es?: string; fr?: string } | undefined,
  ) =>
    values.filter((v) => {
      const n = names(v);
      return !n?.es?.trim() || !n.fr?.trim() || ((n.es === v || n.fr === v) && !SAME_NAMES.has(v));
    });

  it('names every region, risk rating, audit action and themed DAC code in Spanish and French', () => {
    expect(
      untranslated(
        DEFINITIONS.map((d) => d.name),
        (v) => REGION_NAMES[v],
      ),
    ).toEqual([]);
    expect(untranslated(RISK_RATINGS, (v) => RISK_NAMES[v])).toEqual([]);
    expect(untranslated(AUDIT_ACTIONS, (v) => AUDIT_ACTION_NAMES[v])).toEqual([]);
    const themes = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'themes.json'), 'utf8')) as {
      slug: string;
      en: string;
      es?: string;
      fr?: string;
      dac: string[];
    }[];
    const codes = [...new Set(themes.flatMap((t) => t.dac))];
    expect(codes.length).toBeGreaterThan(10);
    expect(untranslated(codes, (v) => DAC_NAMES[v])).toEqual([]);
    expect(
      themes.filter(
        (t) => !t.es?.trim() || !t.fr?.trim() || ((t.es === t.en || t.fr === t.en) && !SAME_NAMES.has(t.en)),
      ),
    ).toEqual([]);
  });

  it('has interface words for every status, role, completeness element and group', () => {
    const keys = [
      ...ProjectStatus.options.map((v) => `enum.projectStatus.${v}`),
      ...ParticipantRole.options.map((v) => `enum.role.${v}`),
      ...PROJECT_ELEMENTS.map((e) => `quality.element.${e.key}`),
      ...ELEMENT_GROUPS.map((g) => `quality.group.${g}`),
    ];
    expect(keys.filter((k) => !(k in en))).toEqual([]);
  });

  it('formats dates in the reader’s own locale of the interface language', () => {
    expect(readerLocale('en', ['en-GB', 'fr'])).toBe('en-GB');
    expect(readerLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
    expect(readerLocale('es', ['en-US'])).toBe('es');
    const day = new Date(Date.UTC(2026, 11, 3, 12));
    const medium = (locale: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
    expect(medium(readerLocale('en', ['en-GB']))).toBe('3 Dec 2026');
    expect(medium(readerLocale('en', ['en-US']))).toBe('Dec 3, 2026');
  });
});
