// Background and policy notes: the generic fields plus the author (a name line followed by the
// author's position and organisation near the top), the date and place of the note, and the
// checklists and principles it lists, item by item.
import { findOrganisations } from '../recognise/organisations.ts';
import { findPeople } from '../recognise/people.ts';
import type { TextModel } from '../text-model.ts';
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
  extractDateAndPlace(model, draft);
  extractInstruments(model.text, draft);
  extractItemisedLists(model, draft);
  return organisations;
}
