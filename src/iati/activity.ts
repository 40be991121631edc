// The typed IATI activity Tacit maps, read from an element tree of any IATI version: 2.0x files
// use <narrative> children and numeric codes, 1.0x files plain text and words ("Funding",
// "start-planned", transaction type "D"). Both become the 2.03 form here, so the mapper and the
// exporter know one shape.
import type { IatiActivity, IatiMoney, IatiOrg, IatiShare, Narratives } from './activity-model.ts';
import { childrenNamed, firstChild, type XmlElement } from './xml.ts';

// 1.0x words and letters → 2.03 codes.
const V1_ROLES: Record<string, string> = {
  funding: '1',
  accountable: '2',
  extending: '3',
  implementing: '4',
};
const V1_DATE_TYPES: Record<string, '1' | '2' | '3' | '4'> = {
  'start-planned': '1',
  'start-actual': '2',
  'end-planned': '3',
  'end-actual': '4',
  start: '2',
  end: '4',
  completion: '4',
};
const V1_TRANSACTION_TYPES: Record<string, string> = {
  IF: '1',
  C: '2',
  D: '3',
  E: '4',
  IR: '5',
  LR: '6',
  R: '7',
  QP: '8',
  QS: '9',
  CG: '11',
};
const V1_VOCABULARIES: Record<string, string> = { DAC: '1', 'DAC-3': '2', RO: '99' };

const clean = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t ? t : undefined;
};

/** ISO date without the time zone some 1.0x publishers append ("2011-03-31Z"). */
export function isoDate(s: string | undefined): string | undefined {
  const m = s && /^(\d{4}-\d{2}-\d{2})/.exec(s.trim());
  return m ? m[1] : undefined;
}

function number(s: string | undefined): number | undefined {
  const t = clean(s);
  if (t === undefined) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function lang(el: XmlElement, fallback: string): string {
  return (el.attrs['xml:lang'] ?? fallback).trim().toLowerCase() || fallback;
}

/** Narratives of an element; a 1.0x element's own text counts as one narrative. */
function narratives(el: XmlElement | undefined, defaultLang: string): Narratives {
  const out: Narratives = {};
  if (!el) return out;
  const parts = childrenNamed(el, 'narrative');
  if (!parts.length) {
    const text = clean(el.text);
    if (text) out[lang(el, defaultLang)] = text;
    return out;
  }
  for (const n of parts) {
    const text = clean(n.text);
    const key = lang(n, defaultLang);
    if (text && !(key in out)) out[key] = text;
  }
  return out;
}

function org(el: XmlElement | undefined, defaultLang: string, activityIdAttr?: string): IatiOrg | undefined {
  if (!el) return undefined;
  return {
    ref: clean(el.attrs.ref),
    type: clean(el.attrs.type),
    names: narratives(el, defaultLang),
    activityId: activityIdAttr ? clean(el.attrs[activityIdAttr]) : undefined,
  };
}

function money(el: XmlElement | undefined, defaultCurrency: string | undefined): IatiMoney {
  return {
    value: clean(el?.text) ?? '',
    currency: clean(el?.attrs.currency) ?? defaultCurrency,
    valueDate: isoDate(el?.attrs['value-date']),
  };
}

function share(el: XmlElement, defaultLang: string, defaultVocabulary: string): IatiShare {
  const vocabulary = clean(el.attrs.vocabulary) ?? defaultVocabulary;
  return {
    code: clean(el.attrs.code) ?? '',
    vocabulary: V1_VOCABULARIES[vocabulary] ?? vocabulary,
    percentage: number(el.attrs.percentage),
    names: narratives(el, defaultLang),
  };
}

/** Transaction children that carry a single code, in schema order. */
export const TRANSACTION_CODES = [
  'disbursement-channel',
  'flow-type',
  'finance-type',
  'aid-type',
  'tied-status',
];

const bool = (s: string | undefined) => (s === undefined ? undefined : s === 'true' || s === '1');
const code = (el: XmlElement | undefined) => clean(el?.attrs.code);

export function readActivity(el: XmlElement, version: string): IatiActivity {
  const dl = lang(el, 'en');
  const currency = clean(el.attrs['default-currency']);
  const dates: IatiActivity['dates'] = {};
  for (const d of childrenNamed(el, 'activity-date')) {
    const type = clean(d.attrs.type);
    const key =
      type && (V1_DATE_TYPES[type] ?? (['1', '2', '3', '4'].includes(type) ? (type as '1') : undefined));
    const value = isoDate(d.attrs['iso-date']) ?? isoDate(d.text);
    if (key && value && !dates[key]) dates[key] = value;
  }
  return {
    identifier: clean(firstChild(el, 'iati-identifier')?.text) ?? '',
    version,
    lang: dl,
    lastUpdated: clean(el.attrs['last-updated-datetime']),
    hierarchy: number(el.attrs.hierarchy),
    defaultCurrency: currency,
    humanitarian: bool(el.attrs.humanitarian),
    reportingOrg: org(firstChild(el, 'reporting-org'), dl) ?? { names: {} },
    titles: narratives(firstChild(el, 'title'), dl),
    descriptions: childrenNamed(el, 'description').map((d) => ({
      type: clean(d.attrs.type) ?? '1',
      narratives: narratives(d, dl),
    })),
    status: code(firstChild(el, 'activity-status')),
    dates,
    participants: childrenNamed(el, 'participating-org').map((p) => {
      const role = clean(p.attrs.role) ?? '';
      return { ...org(p, dl, 'activity-id')!, role: V1_ROLES[role.toLowerCase()] ?? role };
    }),
    countries: childrenNamed(el, 'recipient-country').map((c) => ({ ...share(c, dl, ''), vocabulary: '' })),
    regions: childrenNamed(el, 'recipient-region').map((r) => share(r, dl, '1')),
    sectors: childrenNamed(el, 'sector').map((s) => share(s, dl, '1')),
    tags: childrenNamed(el, 'tag').map((t) => share(t, dl, '1')),
    budgets: childrenNamed(el, 'budget').map((b) => ({
      type: clean(b.attrs.type),
      status: clean(b.attrs.status),
      periodStart: isoDate(firstChild(b, 'period-start')?.attrs['iso-date']),
      periodEnd: isoDate(firstChild(b, 'period-end')?.attrs['iso-date']),
      ...money(firstChild(b, 'value'), currency),
    })),
    plannedDisbursements: childrenNamed(el, 'planned-disbursement').map((b) => ({
      type: clean(b.attrs.type),
      periodStart: isoDate(firstChild(b, 'period-start')?.attrs['iso-date']),
      periodEnd: isoDate(firstChild(b, 'period-end')?.attrs['iso-date']),
      ...money(firstChild(b, 'value'), currency),
      provider: org(firstChild(b, 'provider-org'), dl, 'provider-activity-id'),
      receiver: org(firstChild(b, 'receiver-org'), dl, 'receiver-activity-id'),
    })),
    transactions: childrenNamed(el, 'transaction').map((t) => {
      const type = code(firstChild(t, 'transaction-type')) ?? '';
      const date = firstChild(t, 'transaction-date');
      return {
        ref: clean(t.attrs.ref),
        type: V1_TRANSACTION_TYPES[type] ?? type,
        date: isoDate(date?.attrs['iso-date']) ?? isoDate(date?.text),
        ...money(firstChild(t, 'value'), currency),
        descriptions: narratives(firstChild(t, 'description'), dl),
        provider: org(firstChild(t, 'provider-org'), dl, 'provider-activity-id'),
        receiver: org(firstChild(t, 'receiver-org'), dl, 'receiver-activity-id'),
        humanitarian: bool(t.attrs.humanitarian),
        sectors: childrenNamed(t, 'sector').map((x) => share(x, dl, '1')),
        countries: childrenNamed(t, 'recipient-country').map((x) => ({
          ...share(x, dl, ''),
          vocabulary: '',
        })),
        regions: childrenNamed(t, 'recipient-region').map((x) => share(x, dl, '1')),
        codes: Object.fromEntries(
          TRANSACTION_CODES.flatMap((name) => {
            const value = code(firstChild(t, name));
            return value ? [[name, value]] : [];
          }),
        ),
      };
    }),
    results: childrenNamed(el, 'result').map((r) => ({
      type: clean(r.attrs.type) ?? '',
      aggregationStatus: bool(r.attrs['aggregation-status']),
      titles: narratives(firstChild(r, 'title'), dl),
      descriptions: narratives(firstChild(r, 'description'), dl),
      indicators: childrenNamed(r, 'indicator').map((i) => {
        const baseline = firstChild(i, 'baseline');
        return {
          measure: clean(i.attrs.measure),
          ascending: bool(i.attrs.ascending),
          titles: narratives(firstChild(i, 'title'), dl),
          descriptions: narratives(firstChild(i, 'description'), dl),
          baseline: baseline && {
            year: clean(baseline.attrs.year),
            isoDate: isoDate(baseline.attrs['iso-date']),
            value: clean(baseline.attrs.value),
          },
          periods: childrenNamed(i, 'period').map((p) => ({
            start: isoDate(firstChild(p, 'period-start')?.attrs['iso-date']),
            end: isoDate(firstChild(p, 'period-end')?.attrs['iso-date']),
            target: clean(firstChild(p, 'target')?.attrs.value),
            actual: clean(firstChild(p, 'actual')?.attrs.value),
          })),
        };
      }),
    })),
    documentLinks: childrenNamed(el, 'document-link').map((d) => ({
      url: clean(d.attrs.url) ?? '',
      format: clean(d.attrs.format),
      titles: narratives(firstChild(d, 'title'), dl),
      categories: childrenNamed(d, 'category').flatMap((c) => code(c) ?? []),
      languages: childrenNamed(d, 'language').flatMap((c) => code(c) ?? []),
      date: isoDate(firstChild(d, 'document-date')?.attrs['iso-date']),
    })),
    policyMarkers: childrenNamed(el, 'policy-marker').map((p) => {
      const vocabulary = clean(p.attrs.vocabulary) ?? '1';
      return {
        vocabulary: V1_VOCABULARIES[vocabulary] ?? vocabulary,
        code: code(p) ?? '',
        significance: clean(p.attrs.significance),
      };
    }),
    relatedActivities: childrenNamed(el, 'related-activity').map((r) => ({
      ref: clean(r.attrs.ref) ?? '',
      type: clean(r.attrs.type) ?? '',
    })),
  };
}
