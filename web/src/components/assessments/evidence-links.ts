// Evidence links as the form writes them, one a line: a web address, a Tacit page address
// (…/projects/<id>, …/documents/<id>) or a record named as kind:id (review:<id>). The API keeps
// them as { url } or { record, id }.

export type EvidenceLink = { url: string } | { record: string; id: string };

const RECORDS = ['project', 'document', 'review', 'evaluation', 'recommendation', 'lesson', 'meeting'];
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const NAMED = new RegExp(`^(${RECORDS.join('|')}):(${UUID})$`, 'i');
const PAGE = new RegExp(`^/(projects|documents)/(${UUID})/?$`, 'i');

export function linksToText(links: EvidenceLink[]): string {
  return links.map((l) => ('url' in l ? l.url : `${l.record}:${l.id}`)).join('\n');
}

/** The links of the text, or the first line that is none of the three forms. */
export function linksFromText(text: string): EvidenceLink[] | string {
  const links: EvidenceLink[] = [];
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const named = NAMED.exec(line);
    // An address of this Tacit is a link to its record; any other address stays a web link.
    const page = PAGE.exec(line.startsWith(location.origin) ? line.slice(location.origin.length) : line);
    if (named) links.push({ record: named[1]!.toLowerCase(), id: named[2]!.toLowerCase() });
    else if (page) links.push({ record: page[1]!.toLowerCase().slice(0, -1), id: page[2]!.toLowerCase() });
    else if (/^https?:\/\/\S+$/.test(line)) links.push({ url: line });
    else return line;
  }
  return links;
}
