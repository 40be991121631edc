// Background and policy notes: the generic fields plus the author (a name line followed by the
// author's position and organisation near the top), the date and place of the note, and the
// checklists and principles it lists, item by item.
import { findOrganisations } from '../recognise/organisations.ts';
import { findPeople } from '../recognise/people.ts';
import { allMatches } from '../recognise/regex.ts';
import type { TextModel } from '../text-model.ts';
import { findRegionsEnglish } from './countries-of-operation.ts';
import { extractDateAndPlace } from './dateline.ts';
import type { Draft } from './draft.ts';
import { extractGeneric } from './generic.ts';
import { extractItemisedLists } from './itemised-lists.ts';
import { extractInstruments } from './meeting-report.ts';
import type { RoledOrganisation } from './organisations.ts';

export function extractBackgroundNote(model: TextModel, draft: Draft): RoledOrganisation[] {
  const organisations = extractGeneric(model, draft);
  for (const block of model.blocks.slice(0, 40)) {
    if (block.type !== 'paragraph' || !block.text.includes('\n')) continue;
    // "Margaret Shaw\nDirector of Analysis and Exchange, ICPC"
    const [nameLine, positionLine] = block.text.split('\n');
    const person = findPeople(nameLine!, block.start)[0];
    if (!person || person.name !== nameLine!.trim() || !positionLine) continue;
    const position = positionLine.trim();
    draft.set('people', [{ name: person.name, role: `Author (${position})` }], person, 0.6);
    draft.trace('people.0', person);
    const org = findOrganisations(position, block.start + nameLine!.length + 1)[0];
    if (org) {
      const existing = organisations.find((o) => o.name === org.name);
      if (existing) existing.role = 'author';
      else organisations.unshift({ ...org, role: 'author' });
    }
    break;
  }
  if (!draft.record.regions?.length) eventRegion(model.text, draft);
  extractDateAndPlace(model, draft);
  extractInstruments(model.text, draft);
  extractItemisedLists(model, draft);
  return organisations;
}

// The event a note presents, named with where it is about: "une Conférence ministérielle sur l'État
// de droit … en Afrique", "a regional workshop for West Africa", "un taller en Centroamérica".
const EVENT =
  /(?<![\p{L}])(?:conf[ée]rence|conferencia|meeting|r[ée]union|reuni[oó]n|seminar|s[ée]minaire|seminario|workshop|atelier|taller|forum|foro)(?![\p{L}])/giu;
const LOCATIVE = /(?<![\p{L}])(?:in|for|en|pour l['’]|pour|dans|au|à)\s+/giu;

/** The region of the event a note presents, from the opening's first such phrase. */
function eventRegion(text: string, draft: Draft) {
  for (const m of allMatches(EVENT, text.slice(0, 2000))) {
    const from = m.index + m[0].length;
    const clause = text.slice(from, from + 120).split(/[.;\n]/)[0]!;
    for (const p of allMatches(LOCATIVE, clause)) {
      const at = from + p.index + p[0].length;
      const region = findRegionsEnglish(text.slice(at, at + 40), at)[0];
      if (!region || region.start !== at) continue;
      draft.set('regions', [region.value], region, 0.7);
      draft.trace('regions.0', region);
      return;
    }
  }
}
