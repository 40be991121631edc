// The draft an uploaded document gets: its extraction record (with provenance), a confidence per
// field and the kind it was classified as, with each organisation resolved against the registry
// (a registry id, or `proposed: true`). Kept in documents.extraction until a person confirms it.
import { z } from 'zod';
import type { Queryable } from '../db/client.ts';
import { extractFromModel } from '../ingest/extract.ts';
import {
  DOCUMENT_KINDS,
  type ExtractionRecord,
  extractionRecordSchema,
} from '../ingest/extraction-record.ts';
import { resolveOrganisations } from '../ingest/extractors/organisations.ts';
import { createRegistryResolver, type OrganisationResolver } from '../ingest/recognise/organisations.ts';
import type { TextModel } from '../ingest/text-model.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';

export const Draft = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    kind_confidence: z.number(),
    language: z.string().nullable(),
    record: extractionRecordSchema,
    confidence: z.record(z.string(), z.number()).describe('0..1 per field path of the record'),
  })
  .meta({ id: 'ExtractionDraft' });
export type Draft = z.infer<typeof Draft>;

/** A resolver over the registry as it is now: names, acronyms and aliases of every organisation. */
export async function registryResolver(db: Queryable): Promise<OrganisationResolver> {
  return createRegistryResolver(await organisationsRepository.listNames(db));
}

/** The extraction kind to force, if the uploader named one the extractors know. */
function forcedKind(kind: string | undefined) {
  return DOCUMENT_KINDS.find((k) => k === kind);
}

/** Extracts the draft of an already-read document (organisations unresolved without a resolver). */
export async function draftFromModel(
  model: TextModel,
  resolver?: OrganisationResolver,
  kind?: string,
): Promise<Draft> {
  const result = await extractFromModel(model, { resolver, kind: forcedKind(kind) });
  return {
    kind: result.kind,
    kind_confidence: result.kindConfidence,
    language: result.language,
    record: result.record,
    confidence: result.confidence,
  };
}

/** Resolves the organisations of a draft extracted elsewhere (e.g. in a worker thread) against the registry. */
export async function resolveDraftOrganisations(
  record: ExtractionRecord,
  resolver: OrganisationResolver,
): Promise<ExtractionRecord> {
  if (!record.organisations) return record;
  const organisations = await resolveOrganisations(
    record.organisations.map(({ id: _id, proposed: _proposed, ...o }) => o),
    resolver,
  );
  return { ...record, organisations };
}
