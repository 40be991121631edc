// The small element tree one IATI activity is read into, and its serialisation back to XML. An
// activity is a few kilobytes, so a tree per activity keeps the file streaming while letting the
// validator and the mapper look at siblings and children freely.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Character data directly inside this element (not its children's), untrimmed. */
  text: string;
  /** Line of the start tag in its file, for messages. */
  line: number;
}

export function element(
  name: string,
  attrs: Record<string, string | number | undefined | null> = {},
  children: (XmlElement | undefined | null | false)[] = [],
  text = '',
): XmlElement {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) clean[k] = String(v);
  return { name, attrs: clean, children: children.filter((c): c is XmlElement => !!c), text, line: 0 };
}

export const childrenNamed = (el: XmlElement, name: string): XmlElement[] =>
  el.children.filter((c) => c.name === name);
export const firstChild = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name);

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const NEEDS_ESCAPE = /[&<>"]/;
// Most values need no escape: testing first skips the replace and its callback for them.
export const escapeXml = (s: string): string =>
  NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"]/g, (c) => ESCAPES[c]!) : s;

/** Indented serialisation for files people read (exports). Text-only elements stay on one line. */
export function writeIndented(el: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth);
  out.push(pad, '<', el.name);
  for (const [k, v] of Object.entries(el.attrs)) out.push(' ', k, '="', escapeXml(v), '"');
  if (!el.children.length) {
    out.push(el.text ? `>${escapeXml(el.text)}</${el.name}>\n` : '/>\n');
    return;
  }
  out.push('>\n');
  for (const c of el.children) writeIndented(c, depth + 1, out);
  out.push(pad, '</', el.name, '>\n');
}
