// Turns an IATI activity into the rows of Tacit's own tables: the project columns, countries,
// regions, DAC sectors and the themes they imply, participants, budget lines, outputs and
// indicators. What does not fit a column stays in the activity's IATI tables and stored source;
// every value that could not be mapped is named in a warning rather than dropped in silence.
import path from 'node:path';
import { REFERENCE_DIR } from '../paths.ts';
import { readCodelist } from '../reference/codelist.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { type IatiActivity, type IatiOrg, type IatiShare, pickText } from './activity-model.ts';

export type TacitOrgType =
  | 'donor_government'
  | 'multilateral'
  | 'ngo'
  | 'recipient_institution'
  | 'research'
  | 'private_sector'
  | 'other';

export interface OrgCandidate {
  ref?: string;
  name: string;
  type: TacitOrgType;
}

export type ProjectStatus = 'pipeline' | 'active' | 'finalisation' | 'closed' | 'cancelled' | 'suspended';

export interface MappedProject {
  title: string;
  description: string | null;
  status: ProjectStatus;
  startDate: string | null;
  endDate: string | null;
  language: string | null;
  outcomeStatement: string | null;
  extra: Record<string, unknown>;
  countries: { code: string; share: number | null }[];
  regions: { name: string; code: string; share: number | null }[];
  sectors: { code: string; share: number | null }[];
  themes: string[];
  participants: { org: OrgCandidate; role: string }[];
  budgetLines: {
    amount: string;
    currency: string;
    periodStart: string | null;
    periodEnd: string | null;
    valueDate: string | null;
    label: string;
  }[];
  outputs: { number: number; title: string; description: string | null }[];
  indicators: IndicatorRow[];
  warnings: string[];
}

export interface IndicatorRow {
  outputNumber: number;
  title: string;
  unit: string | null;
  baselineValue: string | null;
  baselineDate: string | null;
  targetValue: string | null;
  targetDate: string | null;
  actualValue: string | null;
  actualDate: string | null;
}

export const STATUS_BY_CODE: Record<string, ProjectStatus> = {
  '1': 'pipeline',
  '2': 'active',
  '3': 'finalisation',
  '4': 'closed',
  '5': 'cancelled',
  '6': 'suspended',
};
export const ROLE_BY_CODE: Record<string, string> = {
  '1': 'funder',
  '2': 'accountable',
  '3': 'extending',
  '4': 'implementer',
};
export const MEASURES: Record<string, string> = {
  '1': 'unit',
  '2': 'percentage',
  '3': 'nominal',
  '4': 'ordinal',
  '5': 'qualitative',
};

/** Tacit organisation type for an IATI OrganisationType code; governments that fund are donors. */
export function orgTypeFor(code: string | undefined, funds: boolean): TacitOrgType {
  switch (code) {
    case '10':
    case '11':
    case '15':
      return funds ? 'donor_government' : 'recipient_institution';
    case '21':
    case '22':
    case '23':
    case '24':
    case '60':
      return 'ngo';
    case '40':
      return 'multilateral';
    case '30':
    case '70':
    case '71':
    case '72':
    case '73':
      return 'private_sector';
    case '80':
      return 'research';
    default:
      return 'other';
  }
}

let regionNames: Map<string, string> | undefined;
function regionName(code: string): string | undefined {
  regionNames ??= new Map(
    readCodelist(path.join(REFERENCE_DIR, 'codelists', 'Region.xml')).map((r) => [r.code, r.name]),
  );
  return regionNames.get(code);
}

let themesByDac: Map<string, string[]> | undefined;
function themesFor(code: string): string[] {
  if (!themesByDac) {
    themesByDac = new Map();
    for (const theme of vocabularies.themes().values()) {
      for (const dac of theme.dacCodes) themesByDac.set(dac, [...(themesByDac.get(dac) ?? []), theme.slug]);
    }
  }
  return themesByDac.get(code) ?? [];
}

/** A percentage that fits Tacit's share column (0 < share ≤ 100), or null. */
const shareOf = (p: number | undefined) => (p !== undefined && p > 0 && p <= 100 ? p : null);
export const isDecimal = (v: string | undefined): v is string =>
  v !== undefined && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v);

export function orgCandidate(org: IatiOrg, lang: string, funds: boolean): OrgCandidate | undefined {
  const name = pickText(org.names, lang) ?? org.ref;
  if (!name) return undefined;
  return { ref: org.ref, name: name.slice(0, 500), type: orgTypeFor(org.type, funds) };
}

/** Budget label that keeps the IATI type and status readable and recoverable. */
export function budgetLabel(type: string | undefined, status: string | undefined): string {
  return `IATI budget: ${type === '2' ? 'revised' : 'original'}, ${status === '2' ? 'committed' : 'indicative'}`;
}

export function mapActivity(a: IatiActivity): MappedProject {
  const warnings: string[] = [];
  const lang = a.lang;
  const title = pickText(a.titles, lang) ?? (a.identifier || 'Untitled IATI activity');
  const general = a.descriptions.find((d) => d.type === '1') ?? a.descriptions[0];
  const status = a.status ? STATUS_BY_CODE[a.status] : undefined;
  if (!status)
    warnings.push(
      `activity-status: code "${a.status ?? ''}" is not an IATI ActivityStatus (1–6); the project is recorded as active`,
    );

  const startDate = a.dates['2'] ?? a.dates['1'] ?? null;
  let endDate = a.dates['4'] ?? a.dates['3'] ?? null;
  if (startDate && endDate && endDate < startDate) {
    warnings.push(
      `activity-date: end ${endDate} is before start ${startDate}; the project keeps no end date`,
    );
    endDate = null;
  }

  const countries = new Map<string, number | null>();
  const countrySource = a.countries.length ? a.countries : a.transactions.flatMap((t) => t.countries);
  for (const c of countrySource) {
    const code = c.code.toUpperCase();
    if (vocabularies.isCountry(code)) countries.set(code, a.countries.length ? shareOf(c.percentage) : null);
    else warnings.push(`recipient-country: code "${c.code}" is not an ISO 3166-1 country`);
  }

  const regions = new Map<string, { name: string; code: string; share: number | null }>();
  for (const r of a.regions) {
    const known = r.vocabulary === '1' ? regionName(r.code) : undefined;
    const name = known ?? pickText(r.names, lang) ?? `${r.vocabulary}:${r.code}`;
    const code = r.vocabulary === '1' ? r.code : `${r.vocabulary}:${r.code}`;
    if (!regions.has(name)) regions.set(name, { name, code, share: shareOf(r.percentage) });
  }

  const sectorsFromTransactions = !a.sectors.length && a.transactions.some((t) => t.sectors.length);
  const sectorSource = sectorsFromTransactions ? a.transactions.flatMap((t) => t.sectors) : a.sectors;
  const sectors = new Map<string, number | null>();
  const otherSectors: IatiShare[] = [];
  for (const s of sectorSource) {
    const dac =
      (s.vocabulary === '1' && /^\d{5}$/.test(s.code)) || (s.vocabulary === '2' && /^\d{3}$/.test(s.code));
    if (dac && vocabularies.isDacCode(s.code)) {
      if (!sectors.has(s.code)) sectors.set(s.code, sectorsFromTransactions ? null : shareOf(s.percentage));
    } else if (!sectorsFromTransactions) otherSectors.push(s);
  }
  const themes = [...new Set([...sectors.keys()].flatMap(themesFor))];

  const participants: MappedProject['participants'] = [];
  for (const p of a.participants) {
    const org = orgCandidate(p, lang, p.role === '1' || p.role === '3');
    if (!org) {
      warnings.push('participating-org: an organisation without name or ref is kept only in the source');
      continue;
    }
    participants.push({ org, role: ROLE_BY_CODE[p.role] ?? 'other' });
  }

  const budgetLines: MappedProject['budgetLines'] = [];
  for (const b of a.budgets) {
    if (isDecimal(b.value) && Number(b.value) >= 0 && b.currency && vocabularies.isCurrency(b.currency)) {
      budgetLines.push({
        amount: b.value,
        currency: b.currency,
        periodStart: b.periodStart ?? null,
        periodEnd: b.periodEnd ?? null,
        valueDate: b.valueDate ?? null,
        label: budgetLabel(b.type, b.status),
      });
    } else
      warnings.push(
        `budget: value "${b.value}" ${b.currency ?? '(no currency)'} does not fit a budget line; kept as an IATI budget`,
      );
  }

  const outputs: MappedProject['outputs'] = [];
  const indicators: IndicatorRow[] = [];
  a.results.forEach((r, i) => {
    const resultTitle = pickText(r.titles, lang);
    if (r.type === '1' && resultTitle) {
      outputs.push({
        number: i + 1,
        title: resultTitle,
        description: pickText(r.descriptions, lang) ?? null,
      });
    }
    for (const ind of r.indicators) {
      const indTitle = pickText(ind.titles, lang);
      if (!indTitle) continue;
      const withTarget = ind.periods.filter((p) => isDecimal(p.target)).at(-1);
      const withActual = ind.periods.filter((p) => isDecimal(p.actual)).at(-1);
      const baseline = ind.baseline;
      indicators.push({
        outputNumber: i + 1,
        title: indTitle,
        unit: ind.measure ? (MEASURES[ind.measure] ?? null) : null,
        baselineValue: isDecimal(baseline?.value) ? baseline.value : null,
        baselineDate:
          baseline?.isoDate ??
          (baseline?.year && /^\d{4}$/.test(baseline.year) ? `${baseline.year}-01-01` : null),
        targetValue: withTarget?.target ?? null,
        targetDate: withTarget?.end ?? null,
        actualValue: withActual?.actual ?? null,
        actualDate: withActual?.end ?? null,
      });
    }
  });
  const outcome = a.results.find((r) => r.type === '2');

  const extra: Record<string, unknown> = {};
  const iati: Record<string, unknown> = {};
  if (otherSectors.length)
    iati.sector_tags = otherSectors.map((s) => ({
      vocabulary: s.vocabulary,
      code: s.code,
      name: pickText(s.names, lang),
    }));
  if (a.tags.length)
    iati.tags = a.tags.map((t) => ({
      vocabulary: t.vocabulary,
      code: t.code,
      name: pickText(t.names, lang),
    }));
  if (sectorsFromTransactions) iati.sectors_from_transactions = true;
  if (Object.keys(iati).length) extra.iati = iati;

  return {
    title: title.trim(),
    description: general ? (pickText(general.narratives, lang) ?? null) : null,
    status: status ?? 'active',
    startDate,
    endDate,
    language: /^[a-z]{2}$/.test(lang) ? lang : null,
    outcomeStatement: outcome ? (pickText(outcome.titles, lang) ?? null) : null,
    extra,
    countries: [...countries].map(([code, share]) => ({ code, share })),
    regions: [...regions.values()],
    sectors: [...sectors].map(([code, share]) => ({ code, share })),
    themes,
    participants,
    budgetLines,
    outputs,
    indicators,
    warnings,
  };
}
