// One project as an IATI 2.03 <iati-activity>: what was imported from IATI is written back as it
// came, and a record made in Tacit is described from its own fields. Elements are built in any
// order; export.ts sorts them by the schema's sequence.
import type { ExportChildren, ExportProjectRow } from './export.repository.ts';
import {
  narratives,
  nonEmpty,
  ORG_TYPE_CODE,
  org,
  period,
  pickMatches,
  ROLE_CODE,
  result,
  STATUS_CODE,
  transaction,
  value,
} from './export-elements.ts';
import { element, type XmlElement } from './xml.ts';

/** This installation as an IATI organisation (config: TACIT_IATI_ORG_REF, _NAME, _TYPE). */
export interface IatiReporter {
  ref: string;
  name: string;
  /** An IATI OrganisationType code. */
  type: string;
}

/**
 * Who reports the activity: the publisher it was imported from, else its owner when the owner has
 * an IATI identifier, else this installation as a secondary reporter (the owner then stays named
 * as the accountable participant). The repository leaves out the records none of these fit.
 */
function reportingOrg(p: ExportProjectRow, lang: string, installation: IatiReporter | undefined) {
  if (p.reporting_org_ref) {
    const names = nonEmpty(p.reporting_org_names) ?? { [lang]: p.owner_name };
    return { ref: p.reporting_org_ref, type: p.reporting_org_type ?? ORG_TYPE_CODE[p.owner_type], names };
  }
  if (p.owner_ref)
    return { ref: p.owner_ref, type: ORG_TYPE_CODE[p.owner_type], names: { [lang]: p.owner_name } };
  if (installation) {
    const { ref, type, name } = installation;
    return { ref, type, names: { [lang]: name }, 'secondary-reporter': '1' };
  }
  throw new Error(
    `Project ${p.id} has no IATI reporting organisation; the export query should have left it out`,
  );
}

export function buildActivity(
  p: ExportProjectRow,
  c: ExportChildren,
  installation?: IatiReporter,
): XmlElement {
  const lang = p.lang ?? p.language ?? 'en';
  const currency = p.default_currency;
  const { names: reporterNames, ...reporter } = reportingOrg(p, lang, installation);
  // A record made in Tacit is identified under its reporter's identifier, as IATI requires.
  const identifier = p.iati_identifier ?? `${reporter.ref}-TACIT-${p.seq}`;
  const titles = p.titles && pickMatches(p.titles, p.title) ? p.titles : { [lang]: p.title };
  const descriptions = p.descriptions?.length
    ? p.descriptions
    : [{ type: '1', narratives: { [lang]: p.description ?? p.title } }];
  const kids: (XmlElement | undefined)[] = [
    element('iati-identifier', {}, [], identifier),
    narratives('reporting-org', reporterNames, lang, reporter),
    narratives('title', titles, lang),
    ...descriptions.map((d) => narratives('description', d.narratives, lang, { type: d.type })),
    element('activity-status', { code: STATUS_CODE[p.status] }),
    ...activityDates(p),
  ];
  const participants = c.participants.map((x) =>
    narratives('participating-org', { [lang]: x.name }, lang, {
      ref: x.iati_ref ?? undefined,
      role: ROLE_CODE[x.role] ?? '4',
      type: ORG_TYPE_CODE[x.type],
    }),
  );
  // A secondary reporter reports for the owner, who is named among the participants.
  const ownerNamed = c.participants.some((x) => x.name === p.owner_name);
  if (!participants.length || ('secondary-reporter' in reporter && !ownerNamed)) {
    participants.push(
      narratives('participating-org', { [lang]: p.owner_name }, lang, {
        ref: p.owner_ref ?? undefined,
        role: '2',
      }),
    );
  }
  kids.push(...participants);
  kids.push(
    ...c.countries.map((x) =>
      element('recipient-country', { code: x.country, percentage: x.share?.toString() }),
    ),
  );
  kids.push(
    ...c.regions.map((x) => {
      const [vocabulary, code] = x.code?.includes(':') ? x.code.split(':', 2) : ['1', x.code ?? x.name];
      return narratives('recipient-region', vocabulary === '1' ? {} : { [lang]: x.name }, lang, {
        code,
        vocabulary,
        percentage: x.share?.toString(),
      });
    }),
  );
  const iati = p.extra?.iati ?? {};
  if (!iati.sectors_from_transactions) {
    kids.push(
      ...c.sectors.map((x) =>
        element('sector', {
          vocabulary: x.code.length === 3 ? '2' : '1',
          code: x.code,
          percentage: x.share?.toString(),
        }),
      ),
    );
    kids.push(
      ...(iati.sector_tags ?? []).map((t) =>
        narratives('sector', t.name ? { [lang]: t.name } : {}, lang, {
          vocabulary: t.vocabulary,
          code: t.code,
        }),
      ),
    );
  }
  kids.push(
    ...(iati.tags ?? []).map((t) =>
      narratives('tag', t.name ? { [lang]: t.name } : {}, lang, { vocabulary: t.vocabulary, code: t.code }),
    ),
  );
  kids.push(
    ...c.policyMarkers.map((m) =>
      element('policy-marker', {
        vocabulary: m.vocabulary,
        code: m.code,
        significance: m.significance ?? undefined,
      }),
    ),
  );
  kids.push(...budgets(p, c));
  kids.push(
    ...c.plannedDisbursements.map((d) =>
      element('planned-disbursement', { type: d.type_code ?? undefined }, [
        ...period(d.period_start, d.period_end),
        value(d.value, d.currency, d.value_date, currency, d.period_start),
        org('provider-org', d.provider, lang, 'provider-activity-id'),
        org('receiver-org', d.receiver, lang, 'receiver-activity-id'),
      ]),
    ),
  );
  kids.push(...c.transactions.map((t) => transaction(t, lang, currency)));
  kids.push(
    ...c.documentLinks.map((d) =>
      element('document-link', { url: d.url, format: d.format ?? 'text/html' }, [
        narratives('title', Object.keys(d.titles).length ? d.titles : { [lang]: d.url }, lang),
        ...(d.categories.length ? d.categories : ['A01']).map((code) => element('category', { code })),
        ...d.languages.map((code) => element('language', { code })),
        d.document_date ? element('document-date', { 'iso-date': d.document_date }) : undefined,
      ]),
    ),
  );
  kids.push(
    ...c.relatedActivities.map((r) => element('related-activity', { ref: r.ref, type: r.type_code })),
  );
  kids.push(...c.results.map((r) => result(r, lang)));
  return element(
    'iati-activity',
    {
      'last-updated-datetime': (p.last_updated ?? p.updated_at).replace(' ', 'T').replace(/\+00(:00)?$/, 'Z'),
      'xml:lang': lang,
      'default-currency': currency ?? undefined,
      humanitarian:
        p.humanitarian === null || p.humanitarian === undefined ? undefined : String(p.humanitarian),
      hierarchy: p.hierarchy?.toString(),
    },
    kids,
  );
}

function activityDates(p: ExportProjectRow): XmlElement[] {
  const dates: [string, string | null][] = [
    ['1', p.planned_start],
    ['2', p.actual_start ?? (p.start_date !== p.planned_start ? p.start_date : null)],
    ['3', p.planned_end],
    ['4', p.actual_end ?? (p.end_date !== p.planned_end ? p.end_date : null)],
  ];
  const out = dates.flatMap(([type, date]) =>
    date ? [element('activity-date', { type, 'iso-date': date })] : [],
  );
  if (out.length) return out;
  // The schema requires a date; a record without one says when it was registered, and that it is only that.
  return [
    element('activity-date', { type: '1', 'iso-date': p.created_at.slice(0, 10) }, [
      element(
        'narrative',
        {},
        [],
        'No start date recorded; this is the date the record was created in Tacit',
      ),
    ]),
  ];
}

function budgets(p: ExportProjectRow, c: ExportChildren): XmlElement[] {
  if (c.budgets.length) {
    return c.budgets.map((b) =>
      element('budget', { type: b.type_code ?? undefined, status: b.status_code ?? undefined }, [
        ...period(b.period_start, b.period_end),
        value(b.value, b.currency, b.value_date, p.default_currency, b.period_start),
      ]),
    );
  }
  return c.budgetLines
    .filter((b) => b.period_start || b.period_end)
    .map((b) =>
      element(
        'budget',
        {
          type: b.label?.includes('revised') ? '2' : '1',
          status: b.label?.includes('committed') ? '2' : '1',
        },
        [
          ...period(b.period_start, b.period_end),
          value(b.amount, b.currency, b.value_date, p.default_currency, b.period_start),
        ],
      ),
    );
}
