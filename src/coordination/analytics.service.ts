// Rules for who does what where: labels from the vocabularies, gaps judged against the full
// theme list, yearly counts for the timeline, and the 3W table as JSON, CSV or Excel.
import type { Viewer } from '../access/viewer.ts';
import type { Database, Queryable } from '../db/client.ts';
import { exchangeRates } from '../reference/exchange-rates.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import {
  concentration,
  mapByCountry,
  timelineRows,
  unconvertibleCurrencies,
} from './analytics.repository.ts';
import type { AnalyticsQuery, GapsQuery, MatrixCell, MatrixDimension } from './coordination.schema.ts';
import { matrixCells, matrixUnconvertibleCurrencies } from './matrix.repository.ts';

/** A country-theme with at most this many active projects has "little" assistance. */
const LITTLE = 1;
const TIMELINE_LIMIT = 5000;

const countryName = (code: string | null) =>
  code ? (vocabularies.countries().get(code)?.names.en ?? code) : null;
const themeLabel = (slug: string | null) =>
  slug ? (vocabularies.themes().get(slug)?.labels.en ?? slug) : null;

/** A cell's budget where one of its projects states one; null (a blank cell) where none does, as the brief prints "—". */
const statedBudget = (c: MatrixCell) => (c.budgeted > 0 ? c.budget : null);

async function rateNote(db: Queryable, viewer: Viewer, q: AnalyticsQuery) {
  return { source: exchangeRates().source, missing: await unconvertibleCurrencies(db, viewer, q) };
}

export const analyticsService = {
  /** A page of the matrix, largest cells first: `limit` cells from `offset`, every cell without a limit. */
  async matrix(
    db: Database,
    viewer: Viewer,
    q: AnalyticsQuery & { dimensions?: MatrixDimension[]; limit?: number; offset?: number },
  ) {
    const dimensions = q.dimensions ?? ['country', 'theme'];
    const offset = q.offset ?? 0;
    const mq = { ...q, dimensions, offset };
    const { cells: rows, total } = await matrixCells(db, viewer, mq);
    const cells: MatrixCell[] = rows.map((r) => ({
      org_id: r.org_id,
      organisation: r.organisation,
      country: r.country,
      country_name: countryName(r.country),
      theme: r.theme,
      theme_label: themeLabel(r.theme),
      projects: r.projects,
      budget: r.budget,
      budgeted: r.budgeted,
    }));
    const rates = {
      source: exchangeRates().source,
      missing: await matrixUnconvertibleCurrencies(db, viewer, mq),
    };
    return { currency: q.currency, dimensions, rates, total, offset, cells };
  },

  matrixCsv(m: { currency: string; cells: MatrixCell[] }): string {
    const quote = (v: unknown) => {
      const s = v === null || v === undefined ? '' : String(v);
      // A leading = + - @ would be run as a formula by spreadsheet programs.
      const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
      return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    };
    const header = [
      'organisation',
      'org_id',
      'country',
      'country_name',
      'theme',
      'theme_label',
      'projects',
      `budget_${m.currency}`,
    ];
    const lines = m.cells.map((c) =>
      [
        c.organisation,
        c.org_id,
        c.country,
        c.country_name,
        c.theme,
        c.theme_label,
        c.projects,
        statedBudget(c),
      ]
        .map(quote)
        .join(','),
    );
    return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
  },

  async matrixXlsx(
    m: { currency: string; rates: { source: string; missing: string[] }; cells: MatrixCell[] },
    filters: Record<string, unknown>,
  ) {
    // exceljs is large: load it on the first Excel export, not at start-up.
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    book.creator = 'Tacit';
    const sheet = book.addWorksheet('3W');
    sheet.columns = [
      { header: 'Organisation', key: 'organisation', width: 40 },
      { header: 'Country', key: 'country_name', width: 24 },
      { header: 'Theme', key: 'theme_label', width: 32 },
      { header: 'Projects', key: 'projects', width: 10 },
      { header: `Budget (${m.currency})`, key: 'budget', width: 18, style: { numFmt: '#,##0' } },
      { header: 'Country code', key: 'country', width: 8 },
      { header: 'Theme slug', key: 'theme', width: 22 },
    ];
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
    sheet.addRows(m.cells.map((c) => ({ ...c, budget: statedBudget(c) })));
    const about = book.addWorksheet('About');
    about.addRows([
      ['Who does what where (3W), exported from Tacit'],
      ['Filters', JSON.stringify(filters)],
      ['Currency', m.currency],
      ['Exchange rates', m.rates.source],
      ['Currencies without a rate (left out)', m.rates.missing.join(', ') || 'none'],
      [
        'Budgets',
        "A project's budget is split across its countries (by share, else evenly) and themes (evenly); every organisation on a project is credited with it. An empty budget: no project of the row states one (unknown, not 0).",
      ],
    ]);
    return Buffer.from(await book.xlsx.writeBuffer());
  },

  async map(db: Queryable, viewer: Viewer, q: AnalyticsQuery) {
    const rows = await mapByCountry(db, viewer, q);
    return {
      currency: q.currency,
      rates: await rateNote(db, viewer, q),
      countries: rows.map((r) => ({
        country: r.country,
        name: countryName(r.country)!,
        projects: r.projects,
        budget: r.budget,
        budgeted: r.budgeted,
      })),
    };
  },

  /**
   * Concentration of every country-theme (or region-theme, by=region) with active assistance,
   * and the themes with none or little.
   */
  async gaps(db: Queryable, viewer: Viewer, q: GapsQuery) {
    // Without a status filter, the projects active today (dates, with the status as a hint).
    const scoped = { ...q, activeToday: !q.status?.length };
    const rows = await concentration(db, viewer, scoped, q.by);
    const themes = q.theme?.length ? q.theme : [...vocabularies.themes().keys()];
    const cellsOf = (area: string) =>
      themes.map((theme) => {
        const r = rows.find((x) => x.area === area && x.theme === theme);
        const projects = r?.projects ?? 0;
        return {
          theme,
          label: themeLabel(theme)!,
          projects,
          donors: r?.donors ?? 0,
          budget: r?.budget ?? 0,
          hhi: r?.hhi ?? null,
          gap: projects === 0 ? ('none' as const) : projects <= LITTLE ? ('little' as const) : null,
        };
      });
    const areas = [...new Set(rows.map((r) => r.area))].sort();
    // Every country the registry (as the viewer sees it) holds a project in, active or not: a
    // country whose assistance has all ended is all gaps, not missing from the view.
    const registered = async () => {
      const { status: _status, year: _year, ...anyTime } = q;
      const held = await mapByCountry(db, viewer, anyTime);
      return [...new Set([...areas, ...held.map((c) => c.country)])].sort();
    };
    const countries = q.by === 'country' ? (q.country?.length ? q.country : await registered()) : [];
    return {
      currency: q.currency,
      status: q.status?.length ? q.status : ['active'],
      by: q.by,
      countries: countries.map((country) => ({
        country,
        name: countryName(country)!,
        themes: cellsOf(country),
      })),
      regions: q.by === 'region' ? areas.map((region) => ({ region, themes: cellsOf(region) })) : [],
    };
  },

  async timeline(db: Queryable, viewer: Viewer, q: AnalyticsQuery) {
    const rows = await timelineRows(db, viewer, q, TIMELINE_LIMIT);
    const thisYear = new Date().getUTCFullYear();
    const byCountry = new Map<string, typeof rows>();
    for (const r of rows) byCountry.set(r.country, [...(byCountry.get(r.country) ?? []), r]);
    return {
      truncated: rows.length === TIMELINE_LIMIT,
      countries: [...byCountry].map(([country, projects]) => {
        const years = new Map<number, number>();
        for (const p of projects) {
          const from = Number((p.start ?? p.end)!.slice(0, 4));
          const to = p.ongoing || !p.end ? Math.max(thisYear, from) : Number(p.end.slice(0, 4));
          for (let y = from; y <= to; y++) years.set(y, (years.get(y) ?? 0) + 1);
        }
        return {
          country,
          name: countryName(country)!,
          projects,
          active_by_year: [...years].sort((a, b) => a[0] - b[0]).map(([year, active]) => ({ year, active })),
        };
      }),
    };
  },
};
