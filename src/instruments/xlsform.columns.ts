// The XLSForm columns Tacit writes and reads. XLSForm (ODK, KoBoToolbox) keeps a form in a
// `survey`, a `choices` and a `settings` sheet and names translations `label::English (en)`;
// what XLSForm has no column for (weights, how an area is scored, pre-fills, conversion tables)
// goes in `tacit_` columns and a `tacit_conversion` sheet, which other tools ignore.
import { LANGUAGES, type Language } from '../reference/vocabularies.ts';

export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español', fr: 'Français' };

/** `English (en)`: a language as XLSForm names it. */
export const languageName = (lang: Language) => `${LANGUAGE_NAMES[lang]} (${lang})`;

/** `label::English (en)` for a base name and language. */
export const localisedColumn = (base: string, lang: Language) => `${base}::${languageName(lang)}`;
export const localisedColumns = (base: string) => LANGUAGES.map((lang) => localisedColumn(base, lang));

export const SURVEY_COLUMNS = [
  'type',
  'name',
  ...localisedColumns('label'),
  ...localisedColumns('hint'),
  'tacit_number',
  'tacit_weight',
  'tacit_aggregation',
  'tacit_prefill',
] as const;

export const CHOICES_COLUMNS = ['list_name', 'name', ...localisedColumns('label')] as const;

export const SETTINGS_COLUMNS = [
  'form_id',
  'form_title',
  'version',
  'default_language',
  ...localisedColumns('title'),
  ...localisedColumns('description'),
  ...localisedColumns('source'),
  'tacit_subjects',
  'tacit_overall',
] as const;

export const CONVERSION_COLUMNS = ['area', 'when', 'rating'] as const;

/**
 * The language a column names, whatever its spelling: `label::English (en)`, `label::Spanish (es)`
 * or a bare `label` (English). Undefined when the column is not of that base.
 */
export function languageOfColumn(column: string, base: string): Language | 'unknown' | undefined {
  if (column === base) return 'en';
  if (!column.startsWith(`${base}::`)) return undefined;
  const code = /\(([A-Za-z-]+)\)\s*$/.exec(column)?.[1]?.toLowerCase();
  return (LANGUAGES as readonly string[]).includes(code ?? '') ? (code as Language) : 'unknown';
}
