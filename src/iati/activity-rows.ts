// The rows one IATI activity writes to each of Tacit's tables, worked out in the prepare worker
// and carried to the writer as JSON text: the main thread then joins strings instead of holding
// and walking thousands of objects, and the database parses each table's rows once per batch.
// Rows leave out what only the writer knows (the project id, owner and participant organisations).
import { PROJECT_ROW_COLUMNS } from '../projects/project-rows.ts';
import type { IatiActivity } from './activity-model.ts';
import { isDecimal, type MappedProject } from './map.ts';

/** Column definitions of each table's rows, as jsonb_to_recordset reads them (keys = column names):
 * the project's tables as the projects repository writes them, then IATI's own. */
export const ROW_COLUMNS = {
  ...PROJECT_ROW_COLUMNS,
  iati_activities: `import_key text, reporting_org_ref text, reporting_org_type text, reporting_org_names jsonb,
    iati_version text, last_updated timestamptz, hierarchy int, default_currency text, lang text,
    humanitarian boolean, titles jsonb, descriptions jsonb, status_code text, planned_start date,
    actual_start date, planned_end date, actual_end date, source_gz text, source_hash text, source_file text`,
  iati_transactions: `position int, ref text, type_code text, transaction_date date, value numeric,
    currency text, value_date date, descriptions jsonb, provider jsonb, receiver jsonb, humanitarian boolean,
    details jsonb`,
  iati_planned_disbursements: `position int, type_code text, period_start date, period_end date,
    value numeric, currency text, value_date date, provider jsonb, receiver jsonb`,
  iati_budgets: `position int, type_code text, status_code text, period_start date, period_end date,
    value numeric, currency text, value_date date`,
  iati_results:
    'position int, type_code text, aggregation_status boolean, titles jsonb, descriptions jsonb, indicators jsonb',
  iati_document_links: `position int, url text, format text, titles jsonb, categories text[], languages text[],
    document_date date`,
  iati_policy_markers: 'position int, vocabulary text, code text, significance text',
  iati_related_activities: 'position int, ref text, type_code text',
} as const;

export type RowTable = keyof typeof ROW_COLUMNS;

/** Per table, a JSON array of the activity's rows; a table it has no rows in is left out. */
export type ActivityRows = Partial<Record<RowTable, string>>;

export interface SourceRecord {
  key: string;
  gzBase64: string;
  hash: string;
  file: string;
}

const numeric = (v: string | undefined) => (isDecimal(v) ? v : null);

type RowBuilder = (a: IatiActivity, m: MappedProject, source: SourceRecord) => unknown[];

/**
 * One function per table, called through this table rather than written out in one function:
 * V8 inlined everything into one large function, and each time an activity brought an object or
 * array shape it had not seen, it threw that away and compiled it again (seven times, 430 ms, over
 * the USAID files). Called through the table, each builder is compiled on its own. Positions are
 * written into each row's literal, so every row of a table has one shape.
 */
const BUILDERS: Record<RowTable, RowBuilder> = {
  project_countries: (_a, m) => m.countries.map((c) => ({ country: c.code, share: c.share })),
  project_regions: (_a, m) => m.regions,
  project_themes: (_a, m) => m.themes.map((theme) => ({ theme })),
  project_sectors: (_a, m) => m.sectors,
  projects: (a, m) => [
    {
      iati_identifier: a.identifier || null,
      title: m.title,
      description: m.description,
      status: m.status,
      start_date: m.startDate,
      start_precision: m.startDate ? 'day' : null,
      end_date: m.endDate,
      end_precision: m.endDate ? 'day' : null,
      language: m.language,
      outcome_statement: m.outcomeStatement,
      extra: m.extra,
    },
  ],
  iati_activities: (a, _m, source) => [
    {
      import_key: source.key,
      reporting_org_ref: a.reportingOrg.ref,
      reporting_org_type: a.reportingOrg.type,
      reporting_org_names: a.reportingOrg.names,
      iati_version: a.version || null,
      last_updated: a.lastUpdated,
      hierarchy: a.hierarchy,
      default_currency: a.defaultCurrency,
      lang: a.lang,
      humanitarian: a.humanitarian,
      titles: a.titles,
      descriptions: a.descriptions,
      status_code: a.status,
      planned_start: a.dates['1'],
      actual_start: a.dates['2'],
      planned_end: a.dates['3'],
      actual_end: a.dates['4'],
      source_gz: source.gzBase64,
      source_hash: source.hash,
      source_file: source.file,
    },
  ],
  budget_lines: (_a, m) =>
    m.budgetLines.map((b, i) => ({
      position: i + 1,
      amount: b.amount,
      currency: b.currency,
      period_start: b.periodStart,
      period_end: b.periodEnd,
      value_date: b.valueDate,
      label: b.label,
    })),
  outputs: (_a, m) =>
    m.outputs.map((o, i) => ({
      position: i + 1,
      number: o.number,
      title: o.title,
      description: o.description,
    })),
  indicators: (_a, m) =>
    m.indicators.map((x, i) => ({
      position: i + 1,
      output_number: x.outputNumber,
      title: x.title,
      unit: x.unit,
      baseline_value: x.baselineValue,
      baseline_date: x.baselineDate,
      target_value: x.targetValue,
      target_date: x.targetDate,
      actual_value: x.actualValue,
      actual_date: x.actualDate,
    })),
  // Empty lists are left out of details; the exporter reads them as empty.
  iati_transactions: (a) =>
    a.transactions.map((t, i) => ({
      position: i + 1,
      ref: t.ref,
      type_code: t.type,
      transaction_date: t.date,
      value: numeric(t.value),
      currency: t.currency,
      value_date: t.valueDate,
      descriptions: t.descriptions,
      provider: t.provider,
      receiver: t.receiver,
      humanitarian: t.humanitarian,
      details: {
        sectors: t.sectors.length ? t.sectors : undefined,
        countries: t.countries.length ? t.countries : undefined,
        regions: t.regions.length ? t.regions : undefined,
        codes: Object.keys(t.codes).length ? t.codes : undefined,
      },
    })),
  iati_planned_disbursements: (a) =>
    a.plannedDisbursements.map((p, i) => ({
      position: i + 1,
      type_code: p.type,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      value: numeric(p.value),
      currency: p.currency,
      value_date: p.valueDate,
      provider: p.provider,
      receiver: p.receiver,
    })),
  iati_budgets: (a) =>
    a.budgets.map((b, i) => ({
      position: i + 1,
      type_code: b.type,
      status_code: b.status,
      period_start: b.periodStart,
      period_end: b.periodEnd,
      value: numeric(b.value),
      currency: b.currency,
      value_date: b.valueDate,
    })),
  iati_results: (a) =>
    a.results.map((r, i) => ({
      position: i + 1,
      type_code: r.type,
      aggregation_status: r.aggregationStatus,
      titles: r.titles,
      descriptions: r.descriptions,
      indicators: r.indicators,
    })),
  iati_document_links: (a) =>
    a.documentLinks
      .filter((d) => d.url)
      .map((d, i) => ({
        position: i + 1,
        url: d.url,
        format: d.format,
        titles: d.titles,
        categories: d.categories,
        languages: d.languages,
        document_date: d.date,
      })),
  iati_policy_markers: (a) =>
    a.policyMarkers
      .filter((p) => p.code)
      .map((p, i) => ({
        position: i + 1,
        vocabulary: p.vocabulary,
        code: p.code,
        significance: p.significance,
      })),
  iati_related_activities: (a) =>
    a.relatedActivities
      .filter((r) => r.ref)
      .map((r, i) => ({ position: i + 1, ref: r.ref, type_code: r.type })),
};

const TABLES = Object.keys(ROW_COLUMNS) as RowTable[];

export function activityRows(a: IatiActivity, m: MappedProject, source: SourceRecord): ActivityRows {
  const out: ActivityRows = {};
  for (const table of TABLES) {
    const rows = BUILDERS[table](a, m, source);
    if (rows.length) out[table] = JSON.stringify(rows);
  }
  return out;
}
