// The controlled vocabularies in memory: countries (ISO 3166-1, names in en/es/fr from
// i18n-iso-countries), themes (reference/themes.json), DAC purpose codes and currencies (IATI
// codelists). Validation and extraction read these; the database holds the same rows for joins.
import fs from 'node:fs';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import { REFERENCE_DIR } from '../paths.ts';
import { type CodelistItem, readCodelist } from './codelist.ts';

countries.registerLocale(en);
countries.registerLocale(es);
countries.registerLocale(fr);

export const LANGUAGES = ['en', 'es', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export interface Country {
  code: string;
  names: Record<Language, string>;
}

export interface Theme {
  slug: string;
  labels: Record<Language, string>;
  dacCodes: string[];
}

export interface DacCode {
  code: string;
  name: string;
  description?: string;
  category?: string;
}

let cache:
  | {
      countries: Map<string, Country>;
      themes: Map<string, Theme>;
      dac: Map<string, DacCode>;
      currencies: Map<string, string>;
    }
  | undefined;

function load() {
  if (cache) return cache;
  const countryMap = new Map<string, Country>();
  for (const code of Object.keys(countries.getAlpha2Codes())) {
    const name = (lang: Language) => countries.getName(code, lang) ?? code;
    countryMap.set(code, { code, names: { en: name('en'), es: name('es'), fr: name('fr') } });
  }
  const rawThemes = JSON.parse(fs.readFileSync(path.join(REFERENCE_DIR, 'themes.json'), 'utf8')) as {
    slug: string;
    en: string;
    es: string;
    fr: string;
    dac: string[];
  }[];
  const themes = new Map(
    rawThemes.map((t) => [
      t.slug,
      { slug: t.slug, labels: { en: t.en, es: t.es, fr: t.fr }, dacCodes: t.dac },
    ]),
  );
  const dac = new Map<string, DacCode>();
  const codelist = (name: string): CodelistItem[] =>
    readCodelist(path.join(REFERENCE_DIR, 'codelists', `${name}.xml`));
  for (const item of [...codelist('SectorCategory'), ...codelist('Sector')]) {
    dac.set(item.code, {
      code: item.code,
      name: item.name,
      description: item.description,
      category: item.category,
    });
  }
  const currencies = new Map(codelist('Currency').map((c) => [c.code, c.name]));
  cache = { countries: countryMap, themes, dac, currencies };
  return cache;
}

export const vocabularies = {
  countries: () => load().countries,
  themes: () => load().themes,
  dacCodes: () => load().dac,
  currencies: () => load().currencies,
  isCountry: (code: string) => load().countries.has(code),
  isTheme: (slug: string) => load().themes.has(slug),
  isDacCode: (code: string) => load().dac.has(code),
  isCurrency: (code: string) => load().currencies.has(code),
};
