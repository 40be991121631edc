// Streams an IATI activity file (plain or gzip) and yields one element tree per <iati-activity>,
// so memory stays flat however large the file is: only the activity being read is held.
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { XmlElement } from './xml.ts';

export interface ReadActivity {
  element: XmlElement;
  /** The activity's text as it stands in the file, from `<iati-activity` to `</iati-activity>`. */
  source: string;
  /** The file's iati-activities@version ('2.03', '1.01'…). */
  version: string;
  /** Position of the activity in its file, from 0. */
  index: number;
}

export interface ReadOptions {
  /** Called once with the root element (attributes only) before the first activity. */
  onRoot?: (root: XmlElement) => void;
}

export class IatiReadError extends Error {}

/** Opens a file, gunzipping when it starts with the gzip magic bytes (whatever its name). */
export function openIatiStream(file: string): Readable {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(2);
  fs.readSync(fd, head, 0, 2, 0);
  fs.closeSync(fd);
  const raw = fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  if (head[0] === 0x1f && head[1] === 0x8b) {
    const gunzip = createGunzip();
    raw.on('error', (err) => gunzip.destroy(err));
    return raw.pipe(gunzip);
  }
  return raw;
}

export async function* readIatiActivities(
  source: string | Readable,
  options: ReadOptions = {},
): AsyncGenerator<ReadActivity> {
  const stream = typeof source === 'string' ? openIatiStream(source) : source;
  const parser = new SaxesParser({ xmlns: false });
  const ready: ReadActivity[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let version = '';
  let index = 0;
  // The text read since `windowStart` (a position in the file, in UTF-16 units as saxes counts
  // them), so each activity's source can be cut out of the file as it is instead of serialised
  // again from its tree: that cost as much as the parsing. `start` is where the open activity began.
  let window = '';
  let windowStart = 0;
  let start = -1;

  parser.on('opentagstart', (tag) => {
    // The start tag's `<`, its name and the character after the name have been read.
    if (tag.name === 'iati-activity' && stack.length <= 1) start = parser.position - tag.name.length - 2;
  });

  parser.on('opentag', (tag) => {
    const el: XmlElement = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      line: parser.line,
    };
    if (!root) {
      if (el.name === 'iati-activities') {
        root = el;
        version = el.attrs.version ?? '';
        options.onRoot?.(el);
        stack.push(el);
        return;
      }
      // Old worked examples hold a single <iati-activity> as the root: read it as a one-activity file.
      if (el.name !== 'iati-activity') {
        throw new IatiReadError(
          `line ${parser.line}: the root element is <${el.name}>, expected <iati-activities> (an IATI activity file)`,
        );
      }
      root = { name: 'iati-activities', attrs: {}, children: [], text: '', line: el.line };
      version = el.attrs.version ?? '';
      stack.push(root);
    }
    // Direct children of the root other than activities (registry records, extensions) are not kept.
    const parent = stack[stack.length - 1];
    if (parent && parent !== root) parent.children.push(el);
    stack.push(el);
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top && top !== root) top.text += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (!el) return;
    if (el.children.length && !el.text.trim()) el.text = '';
    if (stack.length === 1 && el.name === 'iati-activity') {
      // The end tag's `>` has just been read.
      const end = parser.position;
      const source = window.slice(start - windowStart, end - windowStart);
      window = window.slice(end - windowStart);
      windowStart = end;
      start = -1;
      ready.push({ element: el, source, version, index: index++ });
    }
  });

  stream.setEncoding('utf8');
  try {
    for await (const chunk of stream) {
      window += chunk as string;
      parser.write(chunk as string);
      // Between activities only the last few characters can be the beginning of the next one's tag.
      if (start < 0 && window.length > 64) {
        windowStart += window.length - 64;
        window = window.slice(-64);
      }
      // Hand over what this chunk completed before reading on, so at most one chunk's worth waits.
      while (ready.length) yield ready.shift()!;
    }
    parser.close();
  } catch (err) {
    if (err instanceof IatiReadError) throw err;
    throw new IatiReadError(`not well-formed XML: ${(err as Error).message}`);
  } finally {
    stream.destroy();
  }
  while (ready.length) yield ready.shift()!;
  if (!root) throw new IatiReadError('the file is empty or has no root element');
}
