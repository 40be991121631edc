// Request and response schemas of the IATI routes: the import job, and the export's filters,
// checked against the same vocabularies as the records'; an unknown parameter is refused.
import { z } from 'zod';
import { ProjectStatus } from '../projects/projects.schema.ts';
import { CountryCode, csv, DacCode, ThemeSlug } from '../server/schemas.ts';

/** What an import did not write, or wrote with a warning, and why (prepare.ts, importer.ts). */
const ImportIssue = z.object({
  file: z.string(),
  activity: z.number().int().optional().describe('Position of the activity in its file, from 0'),
  identifier: z.string().optional(),
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  element: z.string().optional(),
  message: z.string(),
});

export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  publisher: z.string().nullable(),
  files: z.array(z.string()),
  files_done: z.number(),
  bytes_total: z.number(),
  bytes_done: z.number(),
  activities_read: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  issues: z.array(ImportIssue).describe('The first 200'),
  error: z.string().nullable(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
});

export const ExportQuery = z.strictObject({
  country: csv(CountryCode).optional().describe('ISO 3166-1 codes, comma-separated: any of them'),
  theme: csv(ThemeSlug).optional(),
  sector: csv(DacCode).optional().describe('DAC purpose codes (5 digits) or categories (3 digits)'),
  status: csv(ProjectStatus).optional(),
  publisher: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe('Only activities reported by this IATI organisation ref'),
});
