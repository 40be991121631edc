import type { Lang } from './index.tsx';

/**
 * A text an instrument gives in English and, where translated, in Spanish and French; a draft drawn
 * from a Spanish or French document holds it in that language only until translated.
 */
export type Localised = { en?: string | undefined; es?: string | undefined; fr?: string | undefined };

/** The text in the interface language, else in English, else in the language it is given in. */
export const inLang = (text: Localised | null | undefined, lang: Lang) =>
  text ? (text[lang] ?? text.en ?? text.es ?? text.fr ?? '') : '';
