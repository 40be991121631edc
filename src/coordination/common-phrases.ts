// The phrases two texts have in common, to explain a textual overlap in words a person
// recognises ("organised crime", "criminal justice") rather than a similarity number.

const STOP_WORDS = new Set(
  (
    'a an and are as at be by for from has have in into is it its of on or that the their this to was were ' +
    'which with will within our your other also its support project programme program projects activities ' +
    'de del la las el los y en para por con una un al se que o su sus ' +
    'le les des du et pour par avec une au aux dans sur ou est sont'
  ).split(' '),
);

function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function ngrams(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n);
    if (STOP_WORDS.has(gram[0]!) || STOP_WORDS.has(gram[n - 1]!)) continue;
    out.push(gram.join(' '));
  }
  return out;
}

/**
 * Longest shared word sequences first (2 to 5 words, not starting or ending with a stop word),
 * dropping those contained in a longer one; then shared single content words if no phrase is shared.
 */
export function commonPhrases(a: string, b: string, max = 6): string[] {
  const ta = words(a);
  const tb = words(b);
  const found: string[] = [];
  for (let n = 5; n >= 2; n--) {
    const inB = new Set(ngrams(tb, n));
    for (const gram of new Set(ngrams(ta, n))) {
      if (inB.has(gram) && !found.some((f) => ` ${f} `.includes(` ${gram} `))) found.push(gram);
    }
  }
  if (found.length) return found.slice(0, max);
  const inB = new Set(tb);
  return [...new Set(ta)].filter((w) => w.length > 3 && !STOP_WORDS.has(w) && inB.has(w)).slice(0, max);
}
