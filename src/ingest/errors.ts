// Typed ingestion errors. Each has a stable `code` the API and CLI can rely on, and a message
// that says what was wrong with the file and what the contributor can do about it.
export type IngestErrorCode =
  | 'empty_file'
  | 'unsupported_format'
  | 'corrupt_file'
  | 'encrypted_pdf'
  | 'encrypted_document'
  | 'no_text_layer'
  | 'too_large_when_unpacked'
  | 'undecodable_text';

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly details: Record<string, unknown>;

  constructor(code: IngestErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
    this.details = details;
  }
}
