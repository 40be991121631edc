// Lessons learned and good practices, with the themes and countries they speak to.
import { sql } from '../db/sql.ts';
import { rowResponse } from '../records/owned.schema.ts';
import type { RecordRow, RecordTable } from '../records/record-table.ts';
import { recordRoutes } from '../records/records.routes.ts';
import { recordsService } from '../records/records.service.ts';
import { Lesson, LessonCreate, LessonListQuery, LessonUpdate } from './lessons.schema.ts';

type Filters = { type?: string; theme?: string; country?: string; source_type?: string; source_id?: string };

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

export const lessonsService = recordsService<RecordRow, Filters, unknown>(lessonsTable, {
  toResponse: (row) => rowResponse(lessonsTable.columns, row),
});

export const lessonRoutes = recordRoutes({
  tag: 'lessons',
  noun: 'lesson',
  service: lessonsService,
  Create: LessonCreate,
  Update: LessonUpdate,
  Response: Lesson,
  ListQuery: LessonListQuery,
});
