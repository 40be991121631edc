// The IATI 2.03 elements an exported activity is built from: narratives, organisations, values,
// periods, shares, transactions and results, each from Tacit's stored form.
import type { Narratives } from './activity-model.ts';
import type { ExportChildren, ExportIndicator, Org, Share } from './export.repository.ts';
import { MEASURES, STATUS_BY_CODE } from './map.ts';
import { element, type XmlElement } from './xml.ts';

export const STATUS_CODE = Object.fromEntries(
  Object.entries(STATUS_BY_CODE).map(([code, status]) => [status, code]),
);
export const ROLE_CODE: Record<string, string> = {
  funder: '1',
  accountable: '2',
  extending: '3',
  implementer: '4',
};
const MEASURE_CODE = Object.fromEntries(Object.entries(MEASURES).map(([code, name]) => [name, code]));
export const ORG_TYPE_CODE: Record<string, string> = {
  donor_government: '10',
  recipient_institution: '10',
  multilateral: '40',
  ngo: '21',
  research: '80',
  private_sector: '70',
  other: '90',
};

export function narratives(
  name: string,
  texts: Narratives | null | undefined,
  lang: string,
  attrs: Record<string, string | undefined> = {},
): XmlElement {
  const entries = Object.entries(texts ?? {}).filter(([, t]) => t);
  return element(
    name,
    attrs,
    entries.map(([l, t]) => element('narrative', l === lang ? {} : { 'xml:lang': l }, [], t)),
  );
}

export function org(
  name: string,
  o: Org | null | undefined,
  lang: string,
  activityIdAttr: string,
): XmlElement | undefined {
  if (!o) return undefined;
  return narratives(name, o.names, lang, { ref: o.ref, type: o.type, [activityIdAttr]: o.activityId });
}

export function value(
  v: string | number | null,
  currency: string | null,
  valueDate: string | null,
  defaultCurrency: string | null,
  fallbackDate: string | null,
): XmlElement {
  return element(
    'value',
    {
      currency: currency && currency !== defaultCurrency ? currency : undefined,
      'value-date': valueDate ?? fallbackDate ?? undefined,
    },
    [],
    String(v ?? 0),
  );
}

export const period = (start: string | null | undefined, end: string | null | undefined) => [
  element('period-start', { 'iso-date': start ?? end ?? undefined }),
  element('period-end', { 'iso-date': end ?? start ?? undefined }),
];

export const share = (name: string, s: Share, lang: string) =>
  narratives(name, s.names, lang, {
    code: s.code,
    vocabulary: s.vocabulary || undefined,
    percentage: s.percentage?.toString(),
  });

export const nonEmpty = (n: Narratives | null) => (n && Object.keys(n).length ? n : undefined);

/** Imported narratives are exported only while the title has not been edited in Tacit since. */
export const pickMatches = (titles: Narratives, title: string) => Object.values(titles).includes(title);

export function transaction(
  t: ExportChildren['transactions'][number],
  lang: string,
  currency: string | null,
): XmlElement {
  const d = t.details ?? {};
  return element(
    'transaction',
    { ref: t.ref ?? undefined, humanitarian: t.humanitarian === null ? undefined : String(t.humanitarian) },
    [
      element('transaction-type', { code: t.type_code }),
      element('transaction-date', { 'iso-date': t.transaction_date ?? t.value_date ?? undefined }),
      value(t.value, t.currency, t.value_date, currency, t.transaction_date),
      Object.keys(t.descriptions).length ? narratives('description', t.descriptions, lang) : undefined,
      org('provider-org', t.provider, lang, 'provider-activity-id'),
      org('receiver-org', t.receiver, lang, 'receiver-activity-id'),
      ...(d.sectors ?? []).map((s) => share('sector', s, lang)),
      ...(d.countries ?? [])
        .slice(0, 1)
        .map((s) => narratives('recipient-country', s.names, lang, { code: s.code })),
      ...(d.regions ?? [])
        .slice(0, 1)
        .map((s) =>
          narratives('recipient-region', s.names, lang, { code: s.code, vocabulary: s.vocabulary }),
        ),
      ...Object.entries(d.codes ?? {}).map(([name, code]) => element(name, { code })),
    ],
  );
}

export function result(r: ExportChildren['results'][number], lang: string): XmlElement {
  return element(
    'result',
    {
      type: r.type_code,
      'aggregation-status': r.aggregation_status === null ? undefined : String(r.aggregation_status),
    },
    [
      narratives('title', Object.keys(r.titles).length ? r.titles : { [lang]: 'Result' }, lang),
      Object.keys(r.descriptions).length ? narratives('description', r.descriptions, lang) : undefined,
      ...r.indicators.map((i) => indicator(i, lang)),
    ],
  );
}

function indicator(i: ExportIndicator, lang: string): XmlElement {
  return element(
    'indicator',
    {
      measure: i.measure ?? MEASURE_CODE.unit,
      ascending: i.ascending === undefined ? undefined : String(i.ascending),
    },
    [
      narratives('title', Object.keys(i.titles).length ? i.titles : { [lang]: 'Indicator' }, lang),
      Object.keys(i.descriptions).length ? narratives('description', i.descriptions, lang) : undefined,
      i.baseline?.year
        ? element('baseline', {
            year: i.baseline.year,
            'iso-date': i.baseline.isoDate,
            value: i.baseline.value,
          })
        : undefined,
      ...i.periods.map((pe) =>
        element('period', {}, [
          ...period(pe.start, pe.end),
          pe.target !== undefined ? element('target', { value: pe.target }) : undefined,
          pe.actual !== undefined ? element('actual', { value: pe.actual }) : undefined,
        ]),
      ),
    ],
  );
}
