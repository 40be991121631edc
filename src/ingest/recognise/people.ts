// People named in running text. Without a language model, a name is a run of two to four
// capitalised words (particles such as "von" or "De" allowed) none of which the document also
// uses in lower case or as part of an institution's name; a role is read from "The Chair, X",
// "X, the Chief of …" or "chaired by X".
import { isNotPersonWord } from '../lexicon/person-words.ts';
import type { Span } from '../text-model.ts';
import { allMatches } from './regex.ts';

export interface PersonMention extends Span {
  name: string;
  role?: string;
}

const PARTICLES = new Set([
  'von',
  'van',
  'de',
  'De',
  'del',
  'della',
  'da',
  'di',
  'du',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'al',
  'el',
]);
const INSTITUTIONAL =
  /^(?:Declaration|Convention|Conference|Protocol|Project|Programme|Program|Network|Section|Branch|Office|Council|Agency|Report|Strategy|Unit|Dashboard|Toolkit|Commission|Committee|Group|Union|Nations|States|Government|Ministry|Court|Police|Service|International|Organization|Organisation|Chair|Chief|Director|Head|Minister|The|This|These|In|On|For|During|Integrity|Institutional|Justice|Criminal|Crime|Route|America|Africa|Europe|Asia|Caribbean|Latin|West|East|North|South|Central|United|European|World|Annual|Review|Summary|Background|Outline|Sustainable|Development|Goals|Special|Event|Corruption|Counter|Narcotics|Specialized|Prosecutors|Public|General|Attorney|Member|Regional|National|Global|Dear|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)$/;
const ROLE_WORD =
  /^(?:the\s+)?((?:Chief|Director|Head|Minister|Chair(?:person|man|woman)?|Co-?ordinator|Officer|Adviser|Advisor|Deputy|Executive|President|Vice|Secretary|Representative|Ambassador|Manager|Expert|Prosecutor|Judge|Commissioner|Senior|Programme|Project|Team Leader)\b[^,.;]{0,90})/i;

/** Words the document also writes in lower case are ordinary words, not names. */
function lowercaseVocabulary(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}-]*/gu) ?? []);
}

export function findPeople(text: string, base = 0): PersonMention[] {
  const lower = lowercaseVocabulary(text);
  const isNameWord = (w: string) =>
    /^\p{Lu}[\p{Ll}'’-]+(?:-\p{Lu}[\p{Ll}]+)?$/u.test(w) &&
    !INSTITUTIONAL.test(w) &&
    !isNotPersonWord(w) &&
    !lower.has(w.toLowerCase());
  const found = new Map<string, PersonMention>();
  const tokenRe = /[\p{L}'’-]+/gu;
  const tokens = [...allMatches(tokenRe, text)];
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(tokens[i]![0])) continue;
    const words = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && words.length < 5) {
      const gap = text.slice(words.at(-1)!.index + words.at(-1)![0].length, tokens[j]!.index);
      if (gap !== ' ') break;
      const w = tokens[j]![0];
      if (isNameWord(w) || (PARTICLES.has(w) && j + 1 < tokens.length && isNameWord(tokens[j + 1]![0]))) {
        words.push(tokens[j]!);
        j++;
      } else break;
    }
    const nameWords = words.filter((w) => !PARTICLES.has(w[0]) || w !== words.at(-1));
    if (nameWords.filter((w) => !PARTICLES.has(w[0])).length < 2) continue;
    const start = words[0]!.index;
    const end = words.at(-1)!.index + words.at(-1)![0].length;
    const name = text.slice(start, end);
    i = j - 1;
    const before = text.slice(Math.max(0, start - 40), start);
    const after = text.slice(end, end + 120);
    let role: string | undefined;
    if (
      /\bthe chair(?:person)?,\s*$/i.test(before) ||
      /^,?\s*(?:the )?chair\b/i.test(after) ||
      /chaired by\s*$/i.test(before)
    )
      role = 'Chair';
    else {
      const m = /^,\s*(.*)$/s.exec(after);
      const r = m ? ROLE_WORD.exec(m[1]!) : null;
      if (r) role = r[1]!.trim();
    }
    const existing = found.get(name);
    if (existing) {
      if (!existing.role && role) existing.role = role;
      continue;
    }
    found.set(name, { name, start: base + start, end: base + end, ...(role ? { role } : {}) });
  }
  return [...found.values()];
}
