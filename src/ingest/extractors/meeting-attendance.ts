// How many took part in a meeting, as its report counts them, with the women (and men) among them
// where it says so, in English, Spanish and French: "42 experts (dont 13 femmes)", "some 45
// participants, of whom 20 women", "asistieron 30 personas, entre ellas 18 mujeres", "12 women and
// 9 men took part". Only a count of people is read; "44 workshops" or "29 countries" is not one.
import { allMatches } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';
import type { Draft } from './draft.ts';

export interface Attendance {
  total?: number;
  female?: number;
  male?: number;
}

const PEOPLE = String.raw`(?:participants?|participantes?|attendees|experts?|expert[oa]s|delegates|d[ée]l[ée]gu[ée]e?s|delegad[oa]s|representatives|repr[ée]sentant(?:e)?s|representantes|people|persons|personnes|personas|officials|fonctionnaires|funcionari[oa]s|prosecutors|procureurs|fiscales|judges|juges|jueces|magistrats|magistrad[oa]s)`;
const OF_WHOM = String.raw`(?:dont|y compris|parmi (?:lesquel(?:le)?s|eux|elles)|of whom|of which|including|among them|among whom|de los cuales|de las cuales|entre ell[oa]s|incluid[oa]s|incluyendo)`;
const WOMEN = String.raw`(?:femmes|women|female|mujeres)`;
const MEN = String.raw`(?:hommes|men|male|hombres)`;
const COUNT = String.raw`(\d{1,5})`;

// "42 experts (dont 13 femmes)", "45 participants, of whom 20 were women and 25 men".
const COUNTED_WITH_WOMEN = new RegExp(
  String.raw`(?<![\d.,])${COUNT}\s+(?:[\p{L}-]+\s+){0,3}?${PEOPLE}\b[^.;\n]{0,60}?\(?\s*${OF_WHOM}\s+${COUNT}\s+(?:(?:were|sont|étaient|eran|son)\s+)?${WOMEN}(?:\s*(?:,|et|and|y)\s*${COUNT}\s+${MEN})?`,
  'giu',
);
// "12 women and 9 men", "13 femmes et 29 hommes", "18 mujeres y 12 hombres".
const WOMEN_AND_MEN = new RegExp(
  String.raw`(?<![\d.,])${COUNT}\s+${WOMEN}\s*(?:,|et|and|y)\s*${COUNT}\s+${MEN}\b`,
  'giu',
);

/** The meeting's attendance, from the first count of people the report gives; null if none. */
export function findAttendance(text: string): { attendance: Attendance; span: Span } | null {
  const counted = allMatches(COUNTED_WITH_WOMEN, text)[0];
  if (counted) {
    const attendance: Attendance = { total: Number(counted[1]), female: Number(counted[2]) };
    if (counted[3]) attendance.male = Number(counted[3]);
    if (attendance.female! > attendance.total!) return null;
    return { attendance, span: { start: counted.index, end: counted.index + counted[0].length } };
  }
  const split = allMatches(WOMEN_AND_MEN, text)[0];
  if (!split) return null;
  const female = Number(split[1]);
  const male = Number(split[2]);
  return {
    attendance: { total: female + male, female, male },
    span: { start: split.index, end: split.index + split[0].length },
  };
}

export function extractAttendance(text: string, draft: Draft) {
  const found = findAttendance(text);
  if (found) draft.set('stakeholders', found.attendance, found.span, 0.75);
}
