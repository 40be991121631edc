// Meetings: who met, about which projects, with the figures and tools they quoted. Organisations
// are resolved to registered ones where a name, acronym or alias matches; others stay as named.
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { sql } from '../db/sql.ts';
import { filled, listed, presentElements } from '../quality/present-elements.repository.ts';
import type { RecordTable } from '../records/record-table.ts';

export type Filters = { country?: string; theme?: string; organisation?: string; from?: string; to?: string };

export const meetingsTable: RecordTable<Filters> = {
  table: 'meetings',
  entity: 'meeting',
  restrictable: ['people'],
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
  completeness: {
    kind: 'meeting',
    present: presentElements('meeting', {
      date: sql`r.held_on IS NOT NULL`,
      place: filled('place'),
      summary: filled('summary'),
      location: sql`(${listed('countries')} OR ${listed('regions')})`,
      participants: listed('organisations', true),
      themes: listed('themes'),
      people: listed('people', true),
      project: sql`(r.project_id IS NOT NULL OR ${listed('projects_mentioned', true)})`,
      figures: listed('figures', true),
    }),
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
