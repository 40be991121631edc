// The controlled vocabularies' values the API gives in English (region names, risk ratings, audit
// actions, the DAC purpose codes of the themes), named in Spanish and French. The unit test
// (test/i18n.unit.test.ts) fails when a value the server knows has no name here.
import tables from './vocabulary.json' with { type: 'json' };

type Names = { es: string; fr: string };

// The names are data (vocabulary.json), one table per vocabulary, each value named as the API gives it.
export const REGION_NAMES: Record<string, Names> = tables.regions;
export const RISK_NAMES: Record<string, Names> = tables.risks;
/** Audit actions, named in English too: a reader sees words, not the actions' codes. */
export const AUDIT_ACTION_NAMES: Record<string, Names & { en: string }> = tables.auditActions;
/** The DAC CRS purpose codes the themes map to (reference/themes.json). Others keep their English name. */
export const DAC_NAMES: Record<string, Names> = tables.dacCodes;

/** A vocabulary value in the language, else as the API gave it. */
export function vocabularyName(
  table: Record<string, Names & { en?: string }>,
  value: string,
  lang: 'en' | 'es' | 'fr',
): string {
  const names = table[value];
  if (!names) return value;
  return lang === 'en' ? (names.en ?? value) : names[lang];
}
