// The locale dates and numbers are written in: the reader's own, within the interface language.

/**
 * The browser's own locale when it is of the interface language (en-GB writes 3 Dec 2026, en-US
 * Dec 3, 2026), else the language's default.
 */
export function readerLocale(
  lang: 'en' | 'es' | 'fr',
  preferred: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): string {
  return preferred.find((l) => l.toLowerCase().split('-')[0] === lang) ?? lang;
}
