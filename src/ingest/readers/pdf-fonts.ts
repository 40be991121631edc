// Which fonts of a PDF are bold. Text content names each run's font only by pdf.js's id for it
// ("g_d0_f2"); the font's own name ("ABCDEF+Arial-BoldMT") arrives once a page's operator list has
// loaded the font. Fonts are shared across pages, so that is asked only of pages that use a font
// not seen before, and images are never decoded for it (maxImageSize in the reader).
import type { getDocumentProxy } from 'unpdf';

type PDFPageProxy = Awaited<ReturnType<Awaited<ReturnType<typeof getDocumentProxy>>['getPage']>>;

// pdf.js 5 hands fonts over with ArrayBuffer.prototype.transferToFixedLength, which Node has only
// from version 21; without it no font ever resolves. A copy is what the transfer amounts to here.
const arrayBuffer = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (this: ArrayBuffer, length?: number) => ArrayBuffer;
};
arrayBuffer.transferToFixedLength ??= function (this: ArrayBuffer, length = this.byteLength) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};

// Weight words in PostScript and family names: Arial-BoldMT, Arial,Bold, MyriadPro-Semibold,
// Arial Black, Roboto-Heavy, TimesNewRomanPS-BoldItalicMT.
const BOLD_NAME = /bold|black|heavy|semibold|demi/i;
// A font that fails to load is resolved with an error later or never; past this it is taken as regular.
const FONT_WAIT_MS = 2000;

interface LoadedFont {
  name?: string;
  bold?: boolean;
  black?: boolean;
}

export function isBoldFontName(name: string): boolean {
  return BOLD_NAME.test(name.replace(/^[A-Z]{6}\+/, ''));
}

function loadedFont(page: PDFPageProxy, id: string): Promise<LoadedFont | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), FONT_WAIT_MS);
    page.commonObjs.get(id, (font: unknown) => {
      clearTimeout(timer);
      resolve(typeof font === 'object' ? (font as LoadedFont) : null);
    });
  });
}

/** Remembers, for one document, whether each font id is bold. */
export class FontWeights {
  private readonly bold = new Map<string, boolean>();

  /** Learns the fonts among `ids` this document has not met yet, from `page`. */
  async learn(page: PDFPageProxy, ids: Iterable<string>): Promise<void> {
    const unknown = [...ids].filter((id) => !this.bold.has(id));
    if (!unknown.length) return;
    await page.getOperatorList();
    for (const id of unknown) {
      const font = await loadedFont(page, id);
      this.bold.set(id, Boolean(font && (font.bold || font.black || isBoldFontName(font.name ?? ''))));
    }
  }

  isBold(id: string): boolean {
    return this.bold.get(id) ?? false;
  }
}
