// Lessons learned and good practices, with the themes and countries they speak to.
// The table as the shared records repository reads and writes it: the columns input may set,
// derived fields and the list filters, as SQL over alias `r`.
import { sql } from '../db/sql.ts';
import type { RecordTable } from '../records/record-table.ts';

export type Filters = {
  type?: string;
  theme?: string;
  country?: string;
  source_type?: string;
  source_id?: string;
};

export const lessonsTable: RecordTable<Filters> = {
  table: 'lessons',
  entity: 'lesson',
  columns: {
    project_id: 'value',
    visibility: 'value',
    type: 'value',
    text: 'value',
    themes: 'text[]',
    countries: 'text[]',
    source_type: 'value',
    source_id: 'value',
  },
  filters: (q) => [
    ...(q.type ? [sql`r.type = ${q.type}`] : []),
    ...(q.theme ? [sql`r.themes @> ARRAY[${q.theme}]::text[]`] : []),
    ...(q.country ? [sql`r.countries @> ARRAY[${q.country}]::char(2)[]`] : []),
    ...(q.source_type ? [sql`r.source_type = ${q.source_type}`] : []),
    ...(q.source_id ? [sql`r.source_id = ${q.source_id}`] : []),
  ],
};
