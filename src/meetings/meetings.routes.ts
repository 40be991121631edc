// Meetings: who met, about which projects, with the figures and tools they quoted. Organisations
// are resolved to registered ones where a name, acronym or alias matches; others stay as named.
import { sql } from '../db/sql.ts';
import { organisationsRepository } from '../organisations/organisations.repository.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordRoutes } from '../records/records.routes.ts';
import { recordsService } from '../records/records.service.ts';
import { errors } from '../server/errors.ts';
import { Meeting, MeetingCreate, MeetingListQuery, MeetingUpdate } from './meetings.schema.ts';

type Filters = { country?: string; theme?: string; organisation?: string; from?: string; to?: string };

export const meetingsTable: RecordTable<Filters> = {
  table: 'meetings',
  entity: 'meeting',
  columns: {
    project_id: 'value',
    visibility: 'value',
    title: 'value',
    held_on: 'value',
    place: 'value',
    summary: 'value',
    countries: 'text[]',
    regions: 'text[]',
    themes: 'text[]',
    organisations: 'json',
    people: 'json',
    figures: 'json',
    projects_mentioned: 'json',
    instruments_mentioned: 'text[]',
    document_id: 'value',
  },
  filters: (q) => [
    ...(q.country ? [sql`r.countries @> ARRAY[${q.country}]::char(2)[]`] : []),
    ...(q.theme ? [sql`r.themes @> ARRAY[${q.theme}]::text[]`] : []),
    ...(q.organisation
      ? [sql`r.organisations @> ${JSON.stringify([{ org_id: q.organisation }])}::jsonb`]
      : []),
    ...(q.from ? [sql`r.held_on >= ${q.from}::date`] : []),
    ...(q.to ? [sql`r.held_on <= ${q.to}::date`] : []),
  ],
};

type OrgInput = { org_id?: string; name?: string; role: string };

export const meetingsService = recordsService<RecordRow, Filters, unknown>(meetingsTable, {
  toResponse: (row) => rowResponse(meetingsTable.columns, row),
  async prepare(tx, _viewer, input) {
    if (!Array.isArray(input.organisations)) return input;
    const organisations = [];
    for (const [i, o] of (input.organisations as OrgInput[]).entries()) {
      const org = o.org_id
        ? await organisationsRepository.findById(tx, o.org_id)
        : await organisationsRepository.findByAnyName(tx, o.name!);
      if (o.org_id && !org)
        throw errors.invalidField(`organisations.${i}.org_id`, 'is not a registered organisation');
      organisations.push({ org_id: org?.id ?? null, name: org?.name ?? o.name!, role: o.role });
    }
    return { ...input, organisations };
  },
});

export const meetingRoutes = recordRoutes({
  tag: 'meetings',
  noun: 'meeting',
  service: meetingsService,
  Create: MeetingCreate,
  Update: MeetingUpdate,
  Response: Meeting,
  ListQuery: MeetingListQuery,
});
