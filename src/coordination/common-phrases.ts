// The phrases two texts have in common, to explain a textual overlap in words a person
// recognises ("organised crime", "criminal justice") rather than a similarity number. Only
// distinctive words make a reason: never a stop word of English, Spanish or French, nor a word
// every project uses ("order", "across", "seeks"); and, given the registry's word rarity, the
// rarer the words the higher a phrase ranks.

const STOP_WORDS: Record<'en' | 'es' | 'fr', string> = {
  en:
    'a about above across after again against all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each either etc few for from further ' +
    'had has have having he her here hers him his how however i if in into is it its itself just may me might ' +
    'more most must my no nor not now of off on once only or other our ours out over own per same she should ' +
    'so some such than that the their theirs them then there these they this those through thus to too under ' +
    'until up upon us very via was we well were what when where whether which while who whom whose why will ' +
    'with within without would yet you your ' +
    // Words any project description uses, which say nothing about what it does.
    'order seek seeks seeking aim aims aimed assist assists assisted make makes making provide provides ' +
    'provided providing support supports supported supporting implement implements implemented implementing ' +
    'implementation work works worked working government governments project projects programme programmes ' +
    'program programs activity activities include includes included including new turn addition additional ' +
    'area areas part overall various several well-being concurrently undertaken emanating complements ' +
    'component components focus focuses focused area sustainable progress country countries national region ' +
    'regional three two one first second',
  es:
    'a al algo algunas algunos ante antes como con contra cual cuando de del desde donde durante e el ella ' +
    'ellas ellos en entre era es esa esas ese eso esos esta estas este esto estos fue fueron ha han hasta la ' +
    'las le les lo los mas más muy no nos o otra otras otro otros para pero por que qué se sea ser si sido ' +
    'sin sobre su sus también tiene tienen todo todos un una unas uno unos y ya ' +
    'apoyo apoyar proyecto proyectos programa programas actividad actividades gobierno país países nacional',
  fr:
    'a à au aux avec ce ces cette dans de des du elle elles en est et été être il ils je la le les leur ' +
    'leurs lui mais me même ne ni nos notre nous on ou où par pas plus pour qu que qui sa sans se ses son ' +
    'sont sur ta te tes toi ton tous tout toute toutes un une vos votre vous y ' +
    'appui appuyer projet projets programme programmes activité activités gouvernement pays national nationale',
};

const STOP = new Set(Object.values(STOP_WORDS).flatMap((list) => list.split(' ').map(normalise)));

function normalise(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of `text`, lower case without accents, in order. */
export function wordsOf(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A word that can carry meaning on its own: not a stop word, not a number, longer than two letters. */
export function isContentWord(word: string): boolean {
  return word.length > 2 && !STOP.has(word) && !/^\d+$/.test(word);
}

function ngrams(tokens: string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n);
    if (!isContentWord(gram[0]!) || !isContentWord(gram[n - 1]!)) continue;
    out.push(gram.join(' '));
  }
  return out;
}

/**
 * How telling each word is (higher is rarer); a word it gives no weight is too common to be a
 * reason. Without it, every content word weighs 1.
 */
export type Rarity = (word: string) => number | undefined;

/**
 * Shared word sequences (2 to 5 words, not starting or ending with a stop word, holding at least
 * one distinctive word), dropping those contained in a longer one; shared distinctive single words
 * when no phrase is shared. Rarest first.
 */
export function commonPhrases(a: string, b: string, max = 6, rarity: Rarity = () => 1): string[] {
  const ta = wordsOf(a);
  const tb = wordsOf(b);
  const weightOf = (phrase: string) =>
    phrase.split(' ').reduce((sum, w) => sum + (isContentWord(w) ? (rarity(w) ?? 0) : 0), 0);
  const found: string[] = [];
  for (let n = 5; n >= 2; n--) {
    const inB = new Set(ngrams(tb, n));
    for (const gram of new Set(ngrams(ta, n))) {
      if (inB.has(gram) && weightOf(gram) > 0 && !found.some((f) => ` ${f} `.includes(` ${gram} `)))
        found.push(gram);
    }
  }
  if (!found.length) {
    const inB = new Set(tb);
    for (const w of new Set(ta)) if (isContentWord(w) && inB.has(w) && (rarity(w) ?? 0) > 0) found.push(w);
  }
  return found
    .map((phrase, i) => ({ phrase, i, weight: weightOf(phrase) }))
    .sort((x, y) => y.weight - x.weight || x.i - y.i)
    .slice(0, max)
    .map((x) => x.phrase);
}
