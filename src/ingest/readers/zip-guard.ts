// A .docx is a zip archive. Before mammoth inflates it, read the zip's central directory ourselves
// and add up the declared uncompressed sizes, so that a zip bomb is refused without unpacking it.
import { IngestError } from '../errors.ts';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;
const ZIP64_MARKER = 0xffffffff;

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

export function listZipEntries(bytes: Buffer, filename: string): ZipEntry[] {
  const corrupt = () =>
    new IngestError(
      'corrupt_file',
      `${filename} is not a complete Word document (its zip directory is missing or damaged; the file may be truncated). Open it in Word, save it again and re-upload.`,
    );
  if (bytes.length < 22) throw corrupt();
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt();
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (offset === ZIP64_MARKER || size === ZIP64_MARKER) {
    throw new IngestError(
      'too_large_when_unpacked',
      `${filename} is a ZIP64 archive; Word documents are never that large.`,
    );
  }
  if (offset + size > eocd) throw corrupt();
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_SIGNATURE) throw corrupt();
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const uncompressedSize = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const name = bytes.subarray(offset + 46, offset + 46 + nameLength).toString('utf8');
    entries.push({ name, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Throws `too_large_when_unpacked` when the archive would inflate beyond what a document needs. */
export function guardZipSize(bytes: Buffer, filename: string): ZipEntry[] {
  const entries = listZipEntries(bytes, filename);
  let total = 0;
  for (const entry of entries) {
    if (entry.uncompressedSize === ZIP64_MARKER || entry.compressedSize === ZIP64_MARKER) {
      throw new IngestError(
        'too_large_when_unpacked',
        `${filename} contains a ZIP64 entry; Word documents are never that large.`,
      );
    }
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (total > MAX_UNPACKED_BYTES || (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_RATIO)) {
      throw new IngestError(
        'too_large_when_unpacked',
        `${filename} would unpack to more than ${Math.round(MAX_UNPACKED_BYTES / 1024 / 1024)} MB (or compresses ${Math.round(ratio)}:1), which no real Word document does. Check the file; if it is genuine, remove embedded media and upload again.`,
        { unpackedBytes: total, entry: entry.name },
      );
    }
  }
  return entries;
}
