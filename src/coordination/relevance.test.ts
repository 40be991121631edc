// Known answers for "who else works here", written before the ranking was tuned: each row is a
// draft or a registered project over the demo registry (its four documents' projects and the
// USAID Mexico justice activities) plus the Colombian judicial reform activity, and what a
// coordinator who knows the field expects to see. Both directions are asked: A finds B and B
// finds A, and what must not come first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { addColombianActivity, COLOMBIA_JUDICIAL_REFORM } from './test-registry.ts';

const PECO = 'Peru/Colombia Serious and Organised Crime (SOC)';
const XCAX75 =
  'Support to A.B.1 Interinstitutional and Regional Coordination for Border Security in Central America';
const CRIMJUST =
  'CRIMJUST: Strengthening criminal investigation and criminal justice cooperation along the cocaine route in Latin America, the Caribbean and West Africa';
const MX_JUSTICE = 'Justice System';
/** Words a reader learns nothing from: never a reason on their own. */
const EMPTY_WORDS = ['order', 'across', 'seeks', 'government', 'support', 'implement', 'provides', 'work'];

interface Item {
  project: {
    id: string;
    title: string;
    iati_identifier: string | null;
    countries: { code: string; name: string }[];
    regions: string[];
    donors: { id: string; name: string }[];
    start: string | null;
    end: string | null;
  };
  score: number;
  reasons: {
    countries: { code: string }[];
    regions: { name: string; countries: string[] }[];
    institutions: { name: string }[];
    text: { phrases: string[] } | null;
  };
}
type Answer = { status: number; body: { items: Item[] } };

const titles = (a: Answer) => a.body.items.map((i) => i.project.title);
const itemOf = (a: Answer, title: string) => a.body.items.find((i) => i.project.title === title);
/** Shares a place (a country, or a region covering one) or an institution with the draft. */
const anchored = (i: Item) =>
  i.reasons.countries.length > 0 || i.reasons.regions.length > 0 || i.reasons.institutions.length > 0;

interface Case {
  name: string;
  /** A draft, or a registered project by title. */
  ask: Record<string, unknown> | { project: string };
  check: (a: Answer) => void;
}

const cases: Case[] = [
  {
    name: 'Peru/Colombia: the top results share Peru or Colombia (or a region holding them) or an institution',
    ask: { project: PECO },
    check: (a) => {
      const top = a.body.items.slice(0, 2);
      expect(top.map((i) => i.project.title).sort()).toEqual([COLOMBIA_JUDICIAL_REFORM, CRIMJUST].sort());
      for (const i of top) expect(anchored(i), i.project.title).toBe(true);
    },
  },
  {
    name: 'Peru/Colombia: CRIMJUST appears, as regional work in Latin America covering both',
    ask: { project: PECO },
    check: (a) => {
      const hit = itemOf(a, CRIMJUST);
      expect(hit?.reasons.regions).toEqual([{ name: 'Latin America', countries: ['CO', 'PE'] }]);
      expect(hit?.reasons.countries).toEqual([]);
    },
  },
  {
    name: 'Peru/Colombia: every result sharing a place or institution ranks above every one that does not',
    ask: { project: PECO },
    check: (a) => {
      const flags = a.body.items.map(anchored);
      expect(flags.indexOf(false)).toBeGreaterThan(0);
      expect(flags.slice(flags.indexOf(false))).not.toContain(true);
    },
  },
  {
    name: 'Peru/Colombia: wording reasons are distinctive words and phrases, never "order", "across", "seeks"',
    ask: { project: PECO },
    check: (a) => {
      const phrases = a.body.items.flatMap((i) => i.reasons.text?.phrases ?? []);
      expect(phrases).toContain('organised crime');
      for (const p of phrases) expect(EMPTY_WORDS, p).not.toContain(p);
    },
  },
  {
    name: 'Peru/Colombia: same-titled USAID projects can be told apart by identifier, country, dates and donor',
    ask: { project: PECO },
    check: (a) => {
      const same = a.body.items.filter((i) => i.project.title === MX_JUSTICE);
      expect(same.length).toBeGreaterThan(1);
      expect(new Set(same.map((i) => i.project.iati_identifier)).size).toBe(same.length);
      for (const i of same) {
        expect(i.project.iati_identifier).toMatch(/^US-GOV-1-/);
        expect(i.project.countries).toEqual([{ code: 'MX', name: 'Mexico' }]);
        expect(i.project.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(i.project.donors.map((d) => d.name)).toEqual(['U.S. Agency for International Development']);
      }
    },
  },
  {
    name: 'CRIMJUST: finds the Peru/Colombia programme through Latin America (the other direction)',
    ask: { project: CRIMJUST },
    check: (a) => {
      const hit = itemOf(a, PECO);
      expect(hit?.reasons.regions).toEqual([{ name: 'Latin America', countries: ['CO', 'PE'] }]);
      expect(titles(a).slice(0, 4)).toContain(PECO);
    },
  },
  {
    name: 'CRIMJUST: XCAX75 comes first, sharing UNODC and Central America inside Latin America',
    ask: { project: CRIMJUST },
    check: (a) => {
      expect(titles(a)[0]).toBe(XCAX75);
      expect(itemOf(a, XCAX75)?.reasons.institutions.map((i) => i.name)).toEqual([
        'United Nations Office on Drugs and Crime',
      ]);
    },
  },
  {
    name: 'A draft on police in Peru: the Peru/Colombia programme first, CRIMJUST next as regional',
    ask: { title: 'Police training against drug trafficking', countries: ['PE'] },
    check: (a) => {
      expect(titles(a).slice(0, 2)).toEqual([PECO, CRIMJUST]);
      expect(itemOf(a, PECO)?.reasons.countries.map((c) => c.code)).toEqual(['PE']);
      expect(itemOf(a, CRIMJUST)?.reasons.regions.map((r) => r.name)).toEqual(['Latin America']);
    },
  },
  {
    name: 'A Colombian draft: the Colombian judicial reform first, then the Peru/Colombia programme',
    ask: { title: 'Judicial reform in Colombia', countries: ['CO'], themes: ['judiciary'] },
    check: (a) => expect(titles(a).slice(0, 2)).toEqual([COLOMBIA_JUDICIAL_REFORM, PECO]),
  },
  {
    name: 'The Colombian judicial reform finds the Peru/Colombia programme (the other direction)',
    ask: { project: COLOMBIA_JUDICIAL_REFORM },
    check: (a) => {
      expect(titles(a)[0]).toBe(PECO);
      expect(titles(a)).toContain(CRIMJUST);
    },
  },
  {
    name: 'A Mexican draft on the judiciary: USAID Mexico projects first; Peru/Colombia never above them',
    ask: { title: 'Strengthening judicial governing bodies', countries: ['MX'], themes: ['judiciary'] },
    check: (a) => {
      const t = titles(a);
      expect(a.body.items[0]?.project.countries.map((c) => c.code)).toEqual(['MX']);
      const lastMexican = Math.max(
        ...a.body.items.flatMap((i, n) => (i.project.countries.some((c) => c.code === 'MX') ? [n] : [])),
      );
      if (t.includes(PECO)) expect(t.indexOf(PECO)).toBeGreaterThan(lastMexican);
      expect(itemOf(a, CRIMJUST)?.reasons.regions.map((r) => r.name)).toEqual(['Latin America']);
    },
  },
  {
    name: 'A USAID "Justice System" project finds the other Mexican projects before any elsewhere',
    ask: { project: MX_JUSTICE },
    check: (a) => {
      const mexican = a.body.items.map((i) => i.project.countries.some((c) => c.code === 'MX'));
      expect(mexican.slice(0, 5)).toEqual([true, true, true, true, true]);
    },
  },
  {
    name: 'A Guatemalan draft: XCAX75 (in Guatemala) above CRIMJUST (Latin America as a region)',
    ask: { title: 'Border security and migrant smuggling', countries: ['GT'] },
    check: (a) => {
      const t = titles(a);
      expect(t[0]).toBe(XCAX75);
      expect(t.indexOf(CRIMJUST)).toBeGreaterThan(0);
    },
  },
  {
    name: 'A Senegalese draft finds CRIMJUST through West Africa',
    ask: { title: 'Cocaine trafficking through ports', countries: ['SN'] },
    check: (a) => {
      expect(titles(a)[0]).toBe(CRIMJUST);
      expect(itemOf(a, CRIMJUST)?.reasons.regions.map((r) => r.name)).toEqual(['West Africa']);
    },
  },
  {
    name: 'A Kenyan draft: no Latin American or West African project is placed in Kenya',
    ask: { title: 'Anti-corruption support to the judiciary', countries: ['KE'] },
    check: (a) => {
      for (const i of a.body.items) {
        expect(i.reasons.countries, i.project.title).toEqual([]);
        expect(i.reasons.regions, i.project.title).toEqual([]);
      }
    },
  },
  {
    name: 'Leaving out the same donor drops CRIMJUST for an EU draft, and keeps the rest',
    ask: {
      title: 'Cocaine route cooperation',
      countries: ['PE'],
      funders: ['European Union'],
      exclude_same_donor: true,
    },
    check: (a) => {
      expect(titles(a)).not.toContain(CRIMJUST);
      expect(titles(a)[0]).toBe(PECO);
    },
  },
];

describe('who else works here: known answers', () => {
  let t: TestApp;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    const list = await t.request('GET', '/api/v1/projects?limit=200');
    for (const p of list.body.items) if (!idOf.has(p.title)) idOf.set(p.title, p.id);
  });
  afterAll(() => t.close());

  it.each(cases)('$name', async ({ ask, check }) => {
    const body = 'project' in ask ? { project_id: idOf.get(ask.project as string) } : ask;
    const res = (await t.request('POST', '/api/v1/coordination/overlaps', { body })) as Answer;
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    check(res);
  });

  it('filtering projects by Peru finds CRIMJUST, marked as regional, and the programme as in Peru', async () => {
    const res = await t.request('GET', '/api/v1/projects?country=PE&limit=100');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const byTitle = new Map(res.body.items.map((p: { title: string }) => [p.title, p]));
    expect([...byTitle.keys()].sort()).toEqual([CRIMJUST, PECO].sort());
    expect(byTitle.get(CRIMJUST)).toMatchObject({
      country_match: { regional: true, regions: ['Latin America'] },
    });
    expect(byTitle.get(PECO)).toMatchObject({ country_match: { regional: false, regions: [] } });
  });

  it('filtering by Senegal finds CRIMJUST through West Africa; by Kenya, nothing', async () => {
    const sn = await t.request('GET', '/api/v1/projects?country=SN');
    expect(sn.body.items.map((p: { title: string }) => p.title)).toEqual([CRIMJUST]);
    expect(sn.body.items[0].country_match).toEqual({ regional: true, regions: ['West Africa'] });
    const ke = await t.request('GET', '/api/v1/projects?country=KE');
    expect(ke.body.items).toEqual([]);
  });
});
