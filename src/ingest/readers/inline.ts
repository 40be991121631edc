// Inline marks left in plain-text and Markdown files by their conversion (<b>, <sup>, **bold**,
// *italic*, entities): strip them, remembering which fragments were bold.
export interface InlineText {
  text: string;
  bold: string[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripInlineMarks(line: string): InlineText {
  const bold: string[] = [];
  let text = line
    // A bare number in superscript is a footnote call; "15<sup>th</sup>" keeps its suffix.
    .replace(/<sup>\s*\d+\s*<\/sup>/gi, '')
    .replace(/<sup>(.*?)<\/sup>/gi, '$1')
    .replace(/<(b|strong)>(.*?)<\/\1>/gi, (_m, _tag, inner: string) => {
      bold.push(inner.replace(/<[^>]+>|\*+/g, ''));
      return inner;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*\*|\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, (_m, _mark, inner: string) => {
      bold.push(inner.replace(/\*+/g, ''));
      return inner;
    })
    .replace(/(^|[\s(])\*(?=\S)([^*]+?)(?<=\S)\*(?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/\\([*_#\\[\]()])/g, '$1');
  text = text.replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? m;
  });
  return { text, bold: bold.map((b) => b.trim()).filter(Boolean) };
}
