// Organisations for a record: names and acronyms with a role read from the words around each
// mention ("funded by", "implemented by", "partners such as"), then resolved to registry ids
// when a resolver is given (unknown ones are marked `proposed`).
import type { ExtractedOrganisation } from '../extraction-record.ts';
import {
  findKnownOrganisation,
  type OrganisationMention,
  type OrganisationResolver,
} from '../recognise/organisations.ts';
import { allMatches, escapeRegExp } from '../recognise/regex.ts';
import type { Span } from '../text-model.ts';

export type Role = NonNullable<ExtractedOrganisation['role']>;

export interface RoledOrganisation extends OrganisationMention {
  role: Role;
}

/** The role a document gives an organisation, judged from every place it is mentioned. */
export function roleFromContext(text: string, org: OrganisationMention): Role {
  const forms = [org.name, org.acronym].filter(Boolean).map((f) => escapeRegExp(f!));
  const pattern = new RegExp(`(?<![\\p{L}])(?:${forms.join('|')})(?![\\p{L}])`, 'gu');
  let role: Role | null = null;
  const rank: Role[] = ['funder', 'implementer', 'partner'];
  for (const m of allMatches(pattern, text)) {
    const sentenceStart = Math.max(text.lastIndexOf('. ', m.index), text.lastIndexOf('\n', m.index), 0);
    const before = text.slice(Math.max(sentenceStart, m.index - 120), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    let found: Role | null = null;
    if (
      /(?:funded|financed|sponsored|supported financially) by (?:the )?$/i.test(before) ||
      /^[\s-]*(?:funded|financed)\b/i.test(after) ||
      /\b(?:donors?|funders?):\s*$/i.test(before)
    )
      found = 'funder';
    else if (
      /(?:implemented|executed|delivered|led) by (?:the )?$/i.test(before) ||
      /^\s+(?:Project Management|project team)\b/.test(after)
    )
      found = 'implementer';
    else if (/(?:in partnership with|partners? such as|together with|partners?:)[^.;]*$/i.test(before))
      found = 'partner';
    if (found && (!role || rank.indexOf(found) < rank.indexOf(role))) role = found;
  }
  if (role) return role;
  if (org.type === 'recipient') return 'counterpart';
  return 'other';
}

/** Fill in a known acronym or full name from the built-in registry. */
export function completeFromRegistry(name: string, acronym?: string): { name: string; acronym?: string } {
  const known = findKnownOrganisation(name) ?? (acronym ? findKnownOrganisation(acronym) : undefined);
  if (!known) return acronym ? { name, acronym } : { name };
  return known.acronym ? { name: known.name, acronym: known.acronym } : { name: known.name };
}

export async function resolveOrganisations(
  orgs: { name: string; acronym?: string; role?: Role; span?: Span; written?: string }[],
  resolver?: OrganisationResolver,
): Promise<ExtractedOrganisation[]> {
  const out: ExtractedOrganisation[] = [];
  for (const org of orgs) {
    const item: ExtractedOrganisation = { name: org.name };
    if (org.acronym) item.acronym = org.acronym;
    if (org.role) item.role = org.role;
    if (org.written && org.written !== org.name && org.written !== org.acronym) item.written = org.written;
    if (resolver) {
      const id = await resolver.resolve({ name: org.name, acronym: org.acronym });
      if (id) item.id = id;
      else item.proposed = true;
    }
    out.push(item);
  }
  return out;
}
