// Which requests read a single owned record, and which record: the one table the read audit
// (src/app/read-audit-hook.ts) consults, so no route has to remember to note its reads. Any GET
// under a record kind's collection with the record's id in the path reads that record (its page,
// its file, its extraction, its scores, its results…), so a new path of that form is audited
// without a line here; a read that names its records in the query is listed by name.

/** The owned record kinds, by the collection their routes live under. */
export const READ_AUDITED_KINDS = {
  projects: 'project',
  documents: 'document',
  reviews: 'review',
  evaluations: 'evaluation',
  recommendations: 'recommendation',
  lessons: 'lesson',
  meetings: 'meeting',
  assessments: 'assessment',
} as const;

export type AuditedKind = (typeof READ_AUDITED_KINDS)[keyof typeof READ_AUDITED_KINDS];

/** Where a route finds the ids of the records it reads: a path parameter or a query parameter. */
export interface RecordRead {
  kind: AuditedKind;
  from: 'params' | 'query';
  name: string;
}

/** Reads that name their records in the query rather than the path. */
const QUERY_READS: Record<string, RecordRead> = {
  '/api/v1/coordination/duplicates': { kind: 'project', from: 'query', name: 'project_id' },
  '/api/v1/assessments/compare': { kind: 'assessment', from: 'query', name: 'ids' },
};

const BY_ID = new RegExp(`^/api/v1/(${Object.keys(READ_AUDITED_KINDS).join('|')})/:id(/[^:]*)?$`);

/** The record a GET route (its Fastify URL template, e.g. `/api/v1/documents/:id/file`) reads, if any. */
export function recordReadBy(url: string): RecordRead | null {
  const query = QUERY_READS[url];
  if (query) return query;
  const match = BY_ID.exec(url);
  if (!match) return null;
  return {
    kind: READ_AUDITED_KINDS[match[1] as keyof typeof READ_AUDITED_KINDS],
    from: 'params',
    name: 'id',
  };
}

/** The ids a request reads by `read`: one from a path, one or a list from a query (parsed or as text). */
export function idsRead(read: RecordRead, request: { params: unknown; query: unknown }): string[] {
  const source = (read.from === 'params' ? request.params : request.query) as Record<string, unknown>;
  const value = source?.[read.name];
  const values = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return values.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
}
