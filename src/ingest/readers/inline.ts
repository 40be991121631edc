// Inline marks left in plain-text and Markdown files by their conversion (<b>, <sup>, **bold**,
// *italic*, entities): strip them, remembering which fragments were bold.
export interface InlineText {
  text: string;
  bold: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

// Every pattern that looks for a closing mark stops at the next opening one: a mark never closed
// would otherwise be looked for to the end of the line from each of its openings, in time the square
// of the line's length (a 45 MB line of "**a <x" held the server for minutes).
const code = (n: number) => (n <= 0x10ffff ? String.fromCodePoint(n) : null);

// Only these characters start a mark; a line or table cell without them is taken as it is, which
// spares the nine passes below to every cell of a large table.
const MARK_START = /[<*_&\\]/;

export function stripInlineMarks(line: string): InlineText {
  if (!MARK_START.test(line)) return { text: line, bold: [] };
  const bold: string[] = [];
  let text = line
    // A bare number in superscript is a footnote call; "15<sup>th</sup>" keeps its suffix.
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, '')
    .replace(/<sup>((?:(?!<sup>).)*?)<\/sup>/gi, '$1')
    .replace(/<(b|strong)>((?:(?!<\1>).)*?)<\/\1>/gi, (_m, _tag, inner: string) => {
      bold.push(inner.replace(/<[^>]+>|\*+/g, ''));
      return inner;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, '')
    .replace(/(\*\*\*|\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1/g, (_m, _mark, inner: string) => {
      bold.push(inner.replace(/\*+/g, ''));
      return inner;
    })
    .replace(/(^|[\s(])\*(?=\S)([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([*_#\\[\]()])/g, '$1');
  text = text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
    // A number past the last code point is not a character: the entity stays as written.
    if (name.startsWith('#x') || name.startsWith('#X')) return code(Number.parseInt(name.slice(2), 16)) ?? m;
    if (name.startsWith('#')) return code(Number(name.slice(1))) ?? m;
    return ENTITIES[name.toLowerCase()] ?? m;
  });
  return { text, bold: bold.map((b) => b.trim()).filter(Boolean) };
}
