// Where a snippet may start: a regular expression of the beginnings of the query's stems, accented
// letters allowed, that search_snippet_source (search/query.sql) looks for.

/** The letters a stem's unaccented letter stands for in a text ('e' for "é" or "É"). */
const ACCENTED: Record<string, string> = {
  a: 'aàáâãäåAÀÁÂÃÄÅ',
  c: 'cçCÇ',
  e: 'eèéêëEÈÉÊË',
  i: 'iìíîïIÌÍÎÏ',
  n: 'nñNÑ',
  o: 'oòóôõöøOÒÓÔÕÖØ',
  u: 'uùúûüUÙÚÛÜ',
  y: 'yýÿYÝŸ',
};

/**
 * Where the query's words begin in a text, as a regular expression (matched case-insensitively):
 * each stem at the start of a word, less its last letter, which stemming may have changed
 * ('polici' for "policy"), and with its vowels matching their accented forms, since stems are
 * unaccented. Stems of four letters or fewer are kept whole. The snippet's text is cut around the
 * first match (search_snippet_source, migration 061); a match that is not one of the query's words
 * only moves the window, since ts_headline still highlights exactly.
 */
export function snippetStarts(rankQuery: string): string {
  const stems = new Set<string>();
  for (const m of rankQuery.matchAll(/'((?:[^']|'')*)'/g)) {
    const stem = m[1]!.replaceAll("''", "'");
    stems.add(stem.length > 4 ? stem.slice(0, -1) : stem);
  }
  const pattern = (stem: string) =>
    [...stem]
      .map((ch) => (ACCENTED[ch] ? `[${ACCENTED[ch]}]` : ch.replace(/[.*+?^${}()|[\]\\-]/, '\\$&')))
      .join('');
  return `\\m(?:${[...stems].map(pattern).join('|')})`;
}
