// The typed IATI activity, in its 2.03 form whatever the file's version: what activity.ts reads,
// the mapper (map.ts) maps and the exporter writes.

/** Text per language (ISO 639-1, lower case). */
export type Narratives = Record<string, string>;

export interface IatiOrg {
  ref?: string;
  type?: string;
  names: Narratives;
  activityId?: string;
}

export interface IatiParticipant extends IatiOrg {
  role: string;
}

export interface IatiShare {
  code: string;
  vocabulary: string;
  percentage?: number;
  names: Narratives;
}

export interface IatiMoney {
  value: string;
  currency?: string;
  valueDate?: string;
}

export interface IatiBudget extends IatiMoney {
  type?: string;
  status?: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface IatiPlannedDisbursement extends IatiBudget {
  provider?: IatiOrg;
  receiver?: IatiOrg;
}

export interface IatiTransaction extends IatiMoney {
  ref?: string;
  type: string;
  date?: string;
  descriptions: Narratives;
  provider?: IatiOrg;
  receiver?: IatiOrg;
  humanitarian?: boolean;
  sectors: IatiShare[];
  countries: IatiShare[];
  regions: IatiShare[];
  /** Classifications kept as codes: disbursement-channel, flow-type, finance-type, aid-type, tied-status. */
  codes: Record<string, string>;
}

export interface IatiIndicatorPeriod {
  start?: string;
  end?: string;
  target?: string;
  actual?: string;
}

export interface IatiIndicator {
  measure?: string;
  ascending?: boolean;
  titles: Narratives;
  descriptions: Narratives;
  baseline?: { year?: string; isoDate?: string; value?: string };
  periods: IatiIndicatorPeriod[];
}

export interface IatiResult {
  type: string;
  aggregationStatus?: boolean;
  titles: Narratives;
  descriptions: Narratives;
  indicators: IatiIndicator[];
}

export interface IatiDocumentLink {
  url: string;
  format?: string;
  titles: Narratives;
  categories: string[];
  languages: string[];
  date?: string;
}

export interface IatiActivity {
  identifier: string;
  version: string;
  lang: string;
  lastUpdated?: string;
  hierarchy?: number;
  defaultCurrency?: string;
  humanitarian?: boolean;
  reportingOrg: IatiOrg;
  titles: Narratives;
  descriptions: { type: string; narratives: Narratives }[];
  status?: string;
  /** Activity dates by IATI ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
  dates: Partial<Record<'1' | '2' | '3' | '4', string>>;
  participants: IatiParticipant[];
  countries: IatiShare[];
  regions: IatiShare[];
  sectors: IatiShare[];
  tags: IatiShare[];
  budgets: IatiBudget[];
  plannedDisbursements: IatiPlannedDisbursement[];
  transactions: IatiTransaction[];
  results: IatiResult[];
  documentLinks: IatiDocumentLink[];
  policyMarkers: { vocabulary: string; code: string; significance?: string }[];
  relatedActivities: { ref: string; type: string }[];
}

/** The text in the preferred language: English, then the activity's language, then any. */
export function pickText(n: Narratives, lang: string): string | undefined {
  return n.en ?? n[lang] ?? Object.values(n)[0];
}
