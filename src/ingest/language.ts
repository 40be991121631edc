// Language of a document by counting frequent function words: enough to tell English, Spanish and
// French (and a few neighbours) apart on anything longer than a sentence, with no model to load.
const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'in',
    'is',
    'that',
    'for',
    'with',
    'was',
    'on',
    'as',
    'by',
    'are',
    'this',
    'be',
    'have',
    'which',
  ],
  es: [
    'el',
    'la',
    'de',
    'que',
    'y',
    'en',
    'los',
    'las',
    'del',
    'por',
    'para',
    'con',
    'una',
    'es',
    'se',
    'al',
    'como',
    'más',
  ],
  fr: [
    'le',
    'la',
    'de',
    'et',
    'les',
    'des',
    'du',
    'en',
    'un',
    'une',
    'est',
    'que',
    'pour',
    'dans',
    'qui',
    'par',
    'sur',
    'au',
    'aux',
  ],
  pt: [
    'o',
    'a',
    'de',
    'que',
    'e',
    'do',
    'da',
    'em',
    'os',
    'as',
    'dos',
    'das',
    'para',
    'com',
    'não',
    'uma',
    'ao',
    'pelo',
  ],
  de: [
    'der',
    'die',
    'und',
    'in',
    'den',
    'von',
    'zu',
    'das',
    'mit',
    'sich',
    'des',
    'auf',
    'für',
    'ist',
    'im',
    'dem',
    'nicht',
  ],
};

const LEXICONS = Object.fromEntries(Object.entries(STOPWORDS).map(([lang, words]) => [lang, new Set(words)]));

export interface DetectedLanguage {
  language: string | null;
  confidence: number;
}

/** ISO 639-1 code of the dominant language, or null when the text is too short to tell. */
export function detectLanguage(text: string): DetectedLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const sample = words.slice(0, 5000);
  const scores: Record<string, number> = {};
  for (const word of sample) {
    for (const [lang, lexicon] of Object.entries(LEXICONS)) {
      if (lexicon.has(word)) scores[lang] = (scores[lang] ?? 0) + 1;
    }
  }
  const ranked = Object.entries(scores).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 3) return { language: null, confidence: 0 };
  const margin = (best[1] - (second?.[1] ?? 0)) / best[1];
  return { language: best[0], confidence: Math.round(Math.min(1, 0.5 + margin / 2) * 100) / 100 };
}
