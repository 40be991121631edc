// Who took part in a meeting, as its report lists them in prose: the countries whose delegations,
// representatives or experts attended ("Les délégations du Cameroun, du Gabon et du Tchad",
// "Participaron delegaciones de Argentina, Bolivia y Chile", "experts from Kenya, Uganda and
// Ethiopia"). A meeting's participants are the countries it is about; a single country in brackets
// after a speaker's name, or the venue, is not a list and is never read here.
import { findCountries } from '../recognise/countries.ts';
import { allMatches } from '../recognise/regex.ts';
import { capitalise, type Placed } from './countries-of-operation.ts';

const INTRO =
  /(?<![\p{L}])(?:delegations?|delegates?|d[ée]l[ée]gu[ée]e?s?|delegad[oa]s?|focal points?|points? focaux|puntos? focal(?:es)?|d[ée]l[ée]gations?|delegaci[oó]n(?:es)?|representatives?|repr[ée]sentants?|representantes?|participants?|participantes?|experts?|expertos?|expertas?|represented|repr[ée]sent[ée]s|representad[oa]s|participating (?:countries|states)|following countries|pays (?:participants|membres|b[ée]n[ée]ficiaires|suivants)|pa[ií]ses (?:participantes|miembros|beneficiarios|siguientes)|siguientes pa[ií]ses)(?![\p{L}])/giu;
// Between two countries of one list: a comma, a bullet or "and", and the article French and Spanish put
// before a country's name ("du Gabon et du Tchad", "de la Guinée", "de l'Équateur").
const ARTICLE = "(?:du|de la|de l['’]|des|d['’]|de|del|the|la|le|les|l['’])";
const SEPARATOR = new RegExp(
  String.raw`^[\s,;:•·*–-]*(?:(?:and|et|y|e|as well as|ainsi que)\s+)?(?:${ARTICLE}\s*)?$`,
  'iu',
);
// What may stand between the intro word and the first country: a few words, no sentence end.
const LEAD = /^[^.;\n]{0,60}$/u;

/** Countries listed (two or more together) as a meeting's participants, in order, each once. */
export function findParticipatingCountries(text: string, base = 0): Placed[] {
  const out: Placed[] = [];
  for (const m of allMatches(INTRO, text)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + 500);
    // Lists printed in capitals ("BÉNIN, BURKINA FASO") are read as names.
    const mentions = findCountries(capitalise(window).replace(/’/g, "'")).filter((c) => !c.demonym);
    const first = mentions[0];
    if (!first || !LEAD.test(window.slice(0, first.start))) continue;
    const list = [first];
    for (const next of mentions.slice(1)) {
      if (!SEPARATOR.test(window.slice(list.at(-1)!.end, next.start))) break;
      list.push(next);
    }
    if (list.length < 2) continue;
    for (const c of list)
      if (!out.some((o) => o.value === c.code))
        out.push({ value: c.code, start: base + from + c.start, end: base + from + c.end });
  }
  return out;
}
