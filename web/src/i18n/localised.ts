import type { Lang } from './index.tsx';

/** A text an instrument gives in English and, where translated, in Spanish and French. */
export type Localised = { en: string; es?: string | undefined; fr?: string | undefined };

/** The text in the interface language, else in English (an imported instrument may lack a translation). */
export const inLang = (text: Localised | null | undefined, lang: Lang) =>
  text ? (text[lang] ?? text.en) : '';
