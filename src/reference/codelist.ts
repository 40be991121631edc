// Reads an IATI codelist XML file (the format of data/codelists/*.xml) into plain items.
import fs from 'node:fs';
import { SaxesParser } from 'saxes';

export interface CodelistItem {
  code: string;
  name: string;
  /** Names in other languages, keyed by ISO 639-1 code. */
  names: Record<string, string>;
  description?: string;
  category?: string;
  withdrawn: boolean;
}

export function readCodelist(file: string): CodelistItem[] {
  const parser = new SaxesParser();
  const items: CodelistItem[] = [];
  const stack: string[] = [];
  let item: CodelistItem | undefined;
  let lang = 'en';
  let text = '';
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'codelist-item') {
      item = { code: '', name: '', names: {}, withdrawn: tag.attributes.status === 'withdrawn' };
    }
    if (tag.name === 'narrative') lang = String(tag.attributes['xml:lang'] ?? 'en');
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    const parent = stack[stack.length - 1];
    const value = text.trim();
    if (item) {
      if (tag.name === 'code' && parent === 'codelist-item') item.code = value;
      if (tag.name === 'category' && parent === 'codelist-item') item.category = value;
      if (tag.name === 'narrative' && parent === 'name') {
        if (lang === 'en') item.name = value;
        else item.names[lang] = value;
      }
      if (tag.name === 'narrative' && parent === 'description' && lang === 'en') item.description = value;
      if (tag.name === 'codelist-item') {
        items.push(item);
        item = undefined;
      }
    }
    text = '';
  });
  parser.write(fs.readFileSync(file, 'utf8')).close();
  return items;
}
