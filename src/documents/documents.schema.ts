import { z } from 'zod';
import { OwnedListQuery, ownedResponseFields } from '../records/owned.schema.ts';
import { csv, Id, IsoDate, RecordVisibility, Version } from '../server/schemas.ts';
import { sharingInputFields } from '../sharing/sharing.schema.ts';

/** A document's language as an ISO 639-1 code: Tacit reads en, es and fr, and names any other. */
export const LanguageCode = z
  .string()
  .regex(/^[a-z]{2}$/, 'a language is a two-letter ISO 639-1 code in lower case, such as "en" or "de"');

export const DocumentKind = z.enum([
  'annual_review',
  'evaluation',
  'meeting_report',
  'background_note',
  'iati',
  'other',
]);

/** Formats a document may be uploaded in, by extension, with the media type it is served back as. */
export const ACCEPTED_FORMATS: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pdf': 'application/pdf',
};

export const DocumentSummary = z
  .object({
    ...ownedResponseFields,
    title: z.string().nullable(),
    filename: z.string(),
    media_type: z.string(),
    size_bytes: z.number().int(),
    sha256: z.string(),
    kind: DocumentKind,
    language: z.string().nullable(),
    status: z.enum(['stored', 'extracted', 'confirmed', 'failed']),
    text_length: z.number().int(),
  })
  .meta({ id: 'DocumentSummary' });

export const Document = DocumentSummary.extend({ text: z.string().nullable() }).meta({ id: 'Document' });

/** Upload form fields besides the file itself (multipart/form-data). */
export const UploadFields = z.object({
  owner_org_id: Id.optional(),
  visibility: RecordVisibility.optional().describe(
    'Defaults to the owner organisation’s sharing default for documents (`default_document_visibility`, owner unless its administrators changed it)',
  ),
  shared_with: csv(Id).optional().describe("Organisation ids, comma-separated, when visibility is 'shared'"),
  embargo_until: IsoDate.optional().describe('The day the document becomes public by itself'),
  project_id: Id.optional(),
  kind: DocumentKind.optional(),
  title: z.string().trim().min(1).max(1000).optional(),
});
export type UploadFields = z.infer<typeof UploadFields>;

export const DocumentUpdate = z.object({
  title: z.string().trim().min(1).max(1000).nullish(),
  kind: DocumentKind.optional(),
  ...sharingInputFields,
  project_id: Id.nullish(),
  language: LanguageCode.nullish(),
  version: Version,
});

export const DocumentListQuery = OwnedListQuery.extend({
  kind: DocumentKind.optional(),
  language: LanguageCode.optional(),
});
