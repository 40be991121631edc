// Text of a PDF with the ranges of it set in bold, built from pdf.js's runs and lines.

/** Text with the [start, end) ranges of it that are set in bold. */
export interface StyledText {
  text: string;
  bold: [number, number][];
}

/**
 * Styled text built piece by piece; bold ranges with only white space between them become one. It
 * never reads back the text it has built: that made V8 flatten the growing text at every piece, in
 * time the square of a long paragraph's length.
 */
export class StyledBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private readonly bold: [number, number][] = [];
  /** Whether everything after the last bold range is white space. */
  private blankSinceBold = false;

  /** Appends `piece` after `separator`. */
  add(separator: string, piece: StyledText) {
    const offset = this.length + separator.length;
    const blankBefore = this.blankSinceBold && !separator.trim();
    let cursor = 0;
    for (const [start, end] of piece.bold) {
      const last = this.bold.at(-1);
      const blankGap = (cursor > 0 || blankBefore) && !piece.text.slice(cursor, start).trim();
      if (last && blankGap) last[1] = offset + end;
      else this.bold.push([offset + start, offset + end]);
      cursor = end;
    }
    this.blankSinceBold = piece.bold.length
      ? !piece.text.slice(cursor).trim()
      : blankBefore && !piece.text.trim();
    for (const part of [separator, piece.text]) {
      if (!part) continue;
      this.parts.push(part);
      this.length += part.length;
    }
  }

  endsWith(suffix: string): boolean {
    return (this.parts.at(-1) ?? '').endsWith(suffix);
  }

  /** The last two characters (the pieces are short; the text built is not read). */
  private tail(): string {
    const last = this.parts.at(-1) ?? '';
    return last.length >= 2 ? last.slice(-2) : (this.parts.at(-2) ?? '').slice(-1) + last;
  }

  /** A word cut by a hyphen at the end of a line goes on at the start of the next. */
  endsInHyphenatedWord(): boolean {
    return /\p{L}-$/u.test(this.tail());
  }

  endsSentence(): boolean {
    return /[.!?:;]$/.test(this.tail());
  }

  isEmpty(): boolean {
    return this.length === 0;
  }

  build(): StyledText {
    return { text: this.parts.join(''), bold: this.bold.map(([s, e]): [number, number] => [s, e]) };
  }
}
