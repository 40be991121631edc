// Builders for the files tests and benchmarks need but fixtures cannot hold: small PDFs (with
// text, without a text layer, password-protected) and zip archives with chosen contents.
import zlib from 'node:zlib';

const pdfString = (s: string) => `(${s.replace(/([\\()])/g, '\\$1')})`;

/** A run of text on a PDF line: bold sets it in Helvetica-Bold; x (points) starts it at a column. */
export interface PdfRun {
  text: string;
  bold?: boolean;
  x?: number;
}

/** Lines 14 points apart from the top of the page; a run without x follows the one before it. */
function pdfLines(lines: (string | PdfRun[])[]): string {
  const body = lines.flatMap((line, i) => {
    const y = 760 - 14 * i;
    const runs = typeof line === 'string' ? [{ text: line }] : line;
    return runs.map(({ text, bold, x }, r) => {
      const at = r === 0 || x !== undefined ? `1 0 0 1 ${x ?? 50} ${y} Tm ` : '';
      return `${at}/${bold ? 'F2' : 'F1'} 11 Tf ${pdfString(text)} Tj`;
    });
  });
  return `BT ${body.join(' ')} ET`;
}

/**
 * A PDF whose pages hold the given lines of Helvetica text (a line is a string, or runs placed in
 * columns and set in bold or not), with a correct xref table; with `textLayer: false`, scanned
 * pages: an image each and no text.
 */
export function makePdf(
  pages: (string | PdfRun[])[][],
  options: { encrypt?: boolean; textLayer?: boolean } = {},
): Buffer {
  const objects: string[] = [];
  const pageIds: number[] = [];
  const add = (body: string) => objects.push(body) && objects.length;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('PAGES');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  // Without a text layer each page is what a scanner makes: one grey raster image, no text at all.
  const scan =
    options.textLayer === false
      ? add(
          `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 64 >>\nstream\n${String.fromCharCode(...Array.from({ length: 64 }, (_, i) => 96 + ((i * 37) % 128)))}\nendstream`,
        )
      : 0;
  for (const lines of pages) {
    const content = scan ? 'q 495 0 0 742 50 50 cm /Scan Do Q' : pdfLines(lines);
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
    pageIds.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >>${scan ? ` /XObject << /Scan ${scan} 0 R >>` : ''} >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  objects[1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const encryptId = options.encrypt
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`)
    : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const encrypt = encryptId
    ? ` /Encrypt ${encryptId} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A zip archive (deflated entries) with a correct central directory. */
export function makeZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = zlib.deflateRawSync(entry.data);
    const crc = zlib.crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
