// The public entry of document ingestion: read any supported file into the text model, tell its
// language and kind, run the extractor for that kind, and return the extraction record (with the
// provenance of every value) plus a confidence per field. Touches no database.
import { type DocumentKind, type ExtractionRecord, extractionRecordSchema } from './extraction-record.ts';
import { extractAnnualReview } from './extractors/annual-review.ts';
import { extractBackgroundNote } from './extractors/background-note.ts';
import { classifyDocument } from './extractors/classify.ts';
import { Draft } from './extractors/draft.ts';
import { extractEvaluation } from './extractors/evaluation.ts';
import { applyFieldLayer } from './extractors/field-layer.ts';
import {
  extractCountriesAndRegions,
  extractGeneric,
  extractGenericTitle,
  extractThemes,
  mentionedOrganisations,
} from './extractors/generic.ts';
import { extractMeetingReport } from './extractors/meeting-report.ts';
import { type Role, resolveOrganisations } from './extractors/organisations.ts';
import { detectLanguage } from './language.ts';
import { type DocumentFormat, type DocumentInput, readDocument } from './readers/index.ts';
import type { OrganisationResolver } from './recognise/organisations.ts';
import type { Span, TextModel } from './text-model.ts';

export type { OrganisationResolver } from './recognise/organisations.ts';

export interface ExtractOptions {
  /** Resolves organisation names to registry ids; without one, names and acronyms only. */
  resolver?: OrganisationResolver;
  /** Skip classification and extract as this kind. */
  kind?: DocumentKind;
}

export interface ExtractionResult {
  kind: DocumentKind;
  kindConfidence: number;
  language: string | null;
  encoding: string | null;
  format: DocumentFormat;
  /** The plain text every provenance span points into. */
  text: string;
  model: TextModel;
  record: ExtractionRecord;
  /** Confidence 0..1 per field path of the record ("title", "outputs", "evaluation"…). */
  confidence: Record<string, number>;
}

const READ_LANGUAGES = new Set(['en', 'es', 'fr']);

type OrgCandidate = { name: string; acronym?: string; role: Role; span?: Span; written?: string };

function mergeOrganisations(primary: OrgCandidate[], secondary: OrgCandidate[]): OrgCandidate[] {
  const merged = [...primary];
  for (const org of secondary) {
    const same = merged.find(
      (o) =>
        o.name === org.name ||
        (o.acronym && o.acronym === org.acronym) ||
        (org.written && o.written?.toLowerCase() === org.written.toLowerCase()),
    );
    if (!same) merged.push(org);
  }
  return merged;
}

/** Extract a record from an already-read text model (used by the API when the text is stored). */
export async function extractFromModel(
  model: TextModel,
  options: ExtractOptions = {},
): Promise<Omit<ExtractionResult, 'encoding' | 'format' | 'model'>> {
  const language = detectLanguage(model.text);
  // The lexicons read English, Spanish and French. A document in another language is kept with its
  // language named, and nothing is read from it rather than something invented.
  if (language.language && !READ_LANGUAGES.has(language.language)) {
    const draft = new Draft(options.kind ?? 'other');
    draft.rate('kind', options.kind ? 1 : 0.1);
    draft.set('language', language.language, undefined, language.confidence);
    return {
      kind: draft.record.kind,
      kindConfidence: draft.confidence.kind!,
      language: language.language,
      text: model.text,
      record: extractionRecordSchema.parse({ ...draft.record, provenance: draft.provenance }),
      confidence: draft.confidence,
    };
  }
  const classification = options.kind ? { kind: options.kind, confidence: 1 } : classifyDocument(model.text);
  const draft = new Draft(classification.kind);
  draft.rate('kind', classification.confidence);
  if (language.language) draft.set('language', language.language, undefined, language.confidence);

  let organisations: OrgCandidate[];
  let structured = false;
  switch (classification.kind) {
    case 'annual_review': {
      const extras = extractAnnualReview(model, draft);
      structured = extras.organisations.length > 0;
      organisations = structured ? extras.organisations : mentionedOrganisations(model);
      break;
    }
    case 'evaluation': {
      const extras = extractEvaluation(model, draft);
      // A structured list of partners beats names found by their shape alone.
      structured = extras.organisations.length > 0;
      organisations = mergeOrganisations(extras.organisations, mentionedOrganisations(model, !structured));
      break;
    }
    case 'meeting_report':
      extractMeetingReport(model, draft);
      extractCountriesAndRegions(model, draft);
      organisations = mentionedOrganisations(model);
      break;
    case 'background_note':
      organisations = extractBackgroundNote(model, draft);
      break;
    default:
      organisations = extractGeneric(model, draft);
  }
  if (!draft.record.title) extractGenericTitle(model, draft);
  if (!draft.record.countries && classification.kind !== 'meeting_report')
    extractCountriesAndRegions(model, draft);
  const labelled = applyFieldLayer(model, draft, classification.kind);
  if (!structured)
    organisations = mergeOrganisations(
      organisations,
      labelled.map((o) => ({ name: o.name, written: o.written, role: o.role, span: o })),
    );
  extractThemes(model, draft);

  const resolved = await resolveOrganisations(organisations, options.resolver);
  draft.set('organisations', resolved, undefined, options.resolver ? 0.75 : 0.65);
  organisations.forEach((o, i) => {
    draft.trace(`organisations.${i}`, o.span);
  });

  const record = extractionRecordSchema.parse({ ...draft.record, provenance: draft.provenance });
  return {
    kind: classification.kind,
    kindConfidence: classification.confidence,
    language: language.language,
    text: model.text,
    record,
    confidence: draft.confidence,
  };
}

/** Read a document (txt, md, html, docx, pdf) and extract its record. Throws IngestError on bad input. */
export async function extractDocument(
  input: DocumentInput,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  const read = await readDocument(input);
  const result = await extractFromModel(read.model, options);
  return { ...result, encoding: read.encoding, format: read.format, model: read.model };
}
