// The date and place of a note or meeting: labelled ("Date: 24 April 2006", "Venue: Vienna") or a
// dateline near the top ("Vienna, Monday 24th April 2006", "24 April 2006, Vienna").
import { type FoundDate, findDates } from '../recognise/dates.ts';
import { type Span, type TextModel, textUnits } from '../text-model.ts';
import type { Draft } from './draft.ts';
import { findLabelled } from './fields.ts';

// The front matter: a dateline comes before the body of the note.
const FRONT_MATTER_CHARS = 3000;
const WEEKDAY =
  '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lunes|martes|miércoles|jueves|viernes|sábado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)';
// "Vienna", "New York", "Port-au-Prince", "Vienna, Austria": capitalised words, nothing else.
const PLACE_WORDS = String.raw`\p{Lu}[\p{L}'.-]*(?:[ -](?:\p{Lu}[\p{L}'.-]*|de|del|la|le|au|of))*`;
const PLACE = `${PLACE_WORDS}(?:, ${PLACE_WORDS})?`;
const PLACE_BEFORE = new RegExp(`^(?:held in |at |in )?(${PLACE}),\\s*(?:${WEEKDAY},?\\s*)?$`, 'iu');
const PLACE_AFTER = new RegExp(`^\\s*(?:,|\\s[-–]|\\sin|\\sat)\\s+(${PLACE})\\.?\\s*$`, 'u');

interface Dateline {
  date: FoundDate;
  place?: { name: string } & Span;
}

/** A line that is a full date with a place before or after it, and nothing more. */
function readDateline(line: string, lineStart: number): Dateline | null {
  const date = findDates(line, lineStart).find((d) => d.iso.length === 10);
  if (!date) return null;
  const before = line.slice(0, date.start - lineStart);
  const after = line.slice(date.end - lineStart);
  const placed = PLACE_BEFORE.exec(before);
  if (placed && !after.trim().replace(/^\.$/, '')) {
    const start = lineStart + before.indexOf(placed[1]!);
    return { date, place: { name: placed[1]!, start, end: start + placed[1]!.length } };
  }
  const trailing = PLACE_AFTER.exec(after);
  if (trailing && !before.trim()) {
    const start = date.end + after.indexOf(trailing[1]!);
    return { date, place: { name: trailing[1]!, start, end: start + trailing[1]!.length } };
  }
  return null;
}

function findDateline(model: TextModel): Dateline | null {
  for (const unit of textUnits(model)) {
    if (unit.start > FRONT_MATTER_CHARS) break;
    let offset = unit.start;
    for (const line of unit.text.split('\n')) {
      const found = readDateline(line, offset);
      if (found) return found;
      offset += line.length + 1;
    }
  }
  return null;
}

export function extractDateAndPlace(model: TextModel, draft: Draft) {
  const labelledDate = findLabelled(model, 'date|dated|date of (?:the )?(?:meeting|workshop|event)');
  const labelledPlace = findLabelled(model, 'place|venue|location');
  const dateline = findDateline(model);
  const date =
    (labelledDate && findDates(labelledDate.value, labelledDate.start).find((d) => d.iso.length >= 7)) ??
    dateline?.date;
  if (date) draft.set('date', date.iso, date, labelledDate ? 0.8 : 0.6);
  if (labelledPlace) {
    const name = labelledPlace.value.split('\n')[0]!.trim();
    draft.set('place', name, { start: labelledPlace.start, end: labelledPlace.start + name.length }, 0.8);
  } else if (dateline?.place) {
    draft.set('place', dateline.place.name, dateline.place, 0.6);
  }
}
