import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ANONYMOUS } from '../access/viewer.ts';
import { sql } from '../db/sql.ts';
import { compileQuery } from './query-compiler.ts';
import { parseSearchQuery } from './query-parser.ts';
import { SearchQuery } from './search.schema.ts';
import { roughly, searchService } from './search.service.ts';

describe('search API', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const secret = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Zanzibar pangolin smuggling taskforce',
        description: 'Confidential support to the Peruvian fiscalía on pangolin smuggling.',
        visibility: 'owner',
        countries: ['PE'],
        themes: ['organised-crime', 'cybercrime'],
        status: 'active',
      },
    });
    expect(secret.status).toBe(201);
    const review = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: {
        project_id: secret.body.id,
        visibility: 'network',
        narrative: 'Pangolin seizures rose sharply.',
      },
    });
    expect(review.status, JSON.stringify(review.body)).toBe(201);
  });
  afterAll(() => t.close());

  const search = (query: string, token?: string) => t.request('GET', `/api/v1/search?${query}`, { token });
  const ids = (body: { items: { title: string }[] }) => body.items.map((i) => i.title);

  it('finds records of every kind, with highlighted snippets', async () => {
    const res = await search('q=prosecutors');
    expect(res.status).toBe(200);
    const kinds = new Set(res.body.items.map((i: { kind: string }) => i.kind));
    expect(kinds).toContain('evaluation');
    const evaluation = res.body.items.find((i: { kind: string }) => i.kind === 'evaluation');
    expect(evaluation.snippet).toMatch(/<mark>Prosecutors<\/mark>/i);
    expect(res.body.facets.kind.reduce((s: number, f: { count: number }) => s + f.count, 0)).toBe(
      res.body.total,
    );
  });

  it('ignores accents and stems each language: "fiscalía" finds the Fiscalia', async () => {
    const res = await search(`q=${encodeURIComponent('fiscalía')}`);
    const titles = ids(res.body);
    expect(titles).toContain('Fiscalía de la Nación');
    expect(titles).toContain('Peru/Colombia Serious and Organised Crime (SOC)');
  });

  it('finds English records from a Spanish or French query through shared country and theme names', async () => {
    const es = await search(`q=${encodeURIComponent('trata de personas')}&kind=project`);
    expect(ids(es.body)).toContain(
      'Support to A.B.1 Interinstitutional and Regional Coordination for Border Security in Central America',
    );
    const fr = await search(`q=${encodeURIComponent('criminalité organisée Pérou')}&kind=project`);
    expect(ids(fr.body)[0]).toBe('Peru/Colombia Serious and Organised Crime (SOC)');
  });

  it('ranks the XCAX75 evaluation and the CRIMJUST meeting first for prosecutors and organised crime', async () => {
    // The meeting report speaks of "prosecutorial integrity"; both records carry the prosecution theme.
    const res = await search(
      `q=${encodeURIComponent('prosecution organised crime')}&kind=evaluation,meeting`,
    );
    expect(ids(res.body)).toHaveLength(2);
    expect(ids(res.body)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('(XCAX75)'),
        expect.stringContaining('Integrity of Counter Narcotics and Justice Sector Institutions'),
      ]),
    );
    const es = await search(
      `q=${encodeURIComponent('fiscalía delincuencia organizada')}&kind=evaluation,meeting`,
    );
    expect(es.body.total).toBe(2);
    const fr = await search(
      `q=${encodeURIComponent('poursuites criminalité organisée')}&kind=evaluation,meeting`,
    );
    expect(fr.body.total).toBe(2);
  });

  it('supports phrases, OR and -exclusion', async () => {
    const phrase = await search(`q=${encodeURIComponent('"border security"')}&kind=project`);
    expect(ids(phrase.body)[0]).toBe(
      'Support to A.B.1 Interinstitutional and Regional Coordination for Border Security in Central America',
    );
    for (const hit of phrase.body.items)
      expect(hit.snippet).toMatch(/<mark>border<\/mark> <mark>security<\/mark>/i);
    const either = await search(`q=${encodeURIComponent('XCAX75 OR CRIMJUST')}&kind=project`);
    expect(either.body.total).toBe(2);
    const without = await search(`q=${encodeURIComponent('XCAX75 OR CRIMJUST -cocaine')}&kind=project`);
    expect(ids(without.body)).toEqual([
      'Support to A.B.1 Interinstitutional and Regional Coordination for Border Security in Central America',
    ]);
  });

  it('finds a hyphenated word whole, as the records hold it, and not its parts apart', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const create = (title: string) =>
      t.request('POST', '/api/v1/projects', {
        token: editor.token,
        body: { title, visibility: 'public', countries: ['BO'], status: 'active' },
      });
    expect((await create('Anti-corruption training for Bolivian customs brokers')).status).toBe(201);
    expect((await create('Corruption risks in anti money laundering for Bolivian brokers')).status).toBe(201);
    const res = await search(`q=${encodeURIComponent('Anti-Corruption brokers')}&kind=project`);
    expect(ids(res.body)).toEqual(['Anti-corruption training for Bolivian customs brokers']);
    // Asked for whole, the word's parts would have the planner expect far fewer matches than there are.
    const compiled = await compileQuery(t.db, parseSearchQuery('Anti-Corruption'));
    expect(compiled?.rankQuery).toBe("'anti-corrupt' | 'anti-corruption'");
    // A word before a negative number is not a hyphenated word: both stay.
    expect((await compileQuery(t.db, parseSearchQuery('COVID-19')))?.rankQuery).toBe(
      "'covid' & '-19' | 'cov' & '-19'",
    );
  });

  it('highlights the words deep in a long text, accented or changed by stemming', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    // About 2,600 characters without the searched words: the snippet is cut from a window
    // around the first match (migration 061), so it must find where that is.
    const filler = 'The programme held workshops with local partners in the capital. '.repeat(40);
    const create = (title: string, description: string, language = 'en') =>
      t.request('POST', '/api/v1/projects', {
        token: editor.token,
        body: { title, description, language, visibility: 'public', countries: ['BO'], status: 'active' },
      });
    expect(
      (await create('Quokka registry', `${filler}Rangers counted quokkas on the island. ${filler}`)).status,
    ).toBe(201);
    expect(
      (
        await create(
          'Registre des ornithorynques',
          `${filler}Éducation des gardes forestiers. ${filler}Les ornithorynques de la réserve ont été comptés.`,
          'fr',
        )
      ).status,
    ).toBe(201);
    const snippetOf = async (q: string) => {
      const res = await search(`q=${encodeURIComponent(q)}&kind=project`);
      expect(res.body.total, q).toBe(1);
      return res.body.items[0].snippet as string;
    };
    // The stem 'quokka' is found in "quokkas", and the snippet holds the sentence around it.
    expect(await snippetOf('quokka')).toMatch(/Rangers counted <mark>quokkas<\/mark> on the island/);
    // The query's unaccented stem finds the accented capital in the text: the snippet is cut
    // around the first of the query's words, and this one comes first.
    expect(await snippetOf('ornithorynque education')).toMatch(/<mark>Éducation<\/mark> des gardes/);
    expect(await snippetOf('ornithorynque')).toMatch(/Les <mark>ornithorynques<\/mark> de la réserve/);
    // A record matched by its title only shows the start of its text.
    expect((await snippetOf('registry')).startsWith('The programme held workshops')).toBe(true);
  });

  it('matches an acronym to the full name', async () => {
    const res = await search('q=NCA&kind=project');
    expect(ids(res.body)).toContain('Peru/Colombia Serious and Organised Crime (SOC)');
    const unodc = await search('q=UNODC&kind=organisation');
    expect(ids(unodc.body)).toEqual(['United Nations Office on Drugs and Crime']);
  });

  it('filters by facets and counts each value', async () => {
    const res = await search('q=justice&country=MX&kind=project');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(3);
    for (const item of res.body.items) expect(item.countries).toContain('MX');
    expect(res.body.facets.country).toContainEqual({ value: 'MX', label: 'Mexico', count: res.body.total });
    const dac = res.body.facets.dac[0];
    expect(dac.label).not.toBe(dac.value);
    // Purpose codes count as themselves: their 3-digit categories filter, but are not facet values.
    const codes = res.body.facets.dac.map((f: { value: string }) => f.value) as string[];
    expect(codes.filter((v) => !/^\d{5}$/.test(v))).toEqual([]);
    const narrowed = await search(`q=justice&country=MX&kind=project&dac=${dac.value}`);
    expect(narrowed.body.total).toBe(dac.count);
    const usaid = res.body.facets.organisation[0];
    expect(usaid.label).toBe('U.S. Agency for International Development');
    const funded = await search(`q=justice&country=MX&kind=project&organisation=${usaid.value}&role=funder`);
    expect(funded.body.total).toBeGreaterThan(0);
    expect(funded.body.total).toBeLessThanOrEqual(usaid.count);
    // Region names are free text (some hold commas): each counts whole, as its filter finds it.
    const regions = (await search('kind=project')).body.facets.region as { value: string; count: number }[];
    expect(regions.length).toBeGreaterThan(0);
    for (const region of regions.slice(0, 3)) {
      const inRegion = await search(`kind=project&region=${encodeURIComponent(region.value)}`);
      expect(inRegion.body.total, region.value).toBe(region.count);
    }
    const peru = await search('theme=corruption&country=PE&year_from=2016&year_to=2016&kind=project');
    expect(ids(peru.body)).toEqual(['Peru/Colombia Serious and Organised Crime (SOC)']);
    const later = await search('theme=corruption&country=PE&year_from=2021&kind=project');
    expect(later.body.total).toBe(0);
  });

  it('pages with a cursor and sorts by date', async () => {
    const first = await search('q=crime&limit=2&sort=date');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next_cursor).toBeTruthy();
    const second = await search(`q=crime&limit=2&sort=date&cursor=${first.body.next_cursor}`);
    expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    const dates = [...first.body.items, ...second.body.items].map((i: { date: string }) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const bad = await search('q=crime&cursor=nonsense');
    expect(bad.status).toBe(422);
  });

  it('never returns, counts or highlights a record the viewer may not see', async () => {
    const mine = await search('q=pangolin', owner.token);
    expect(mine.body.total).toBe(2);
    expect(mine.body.facets.theme).toContainEqual({ value: 'cybercrime', label: 'Cybercrime', count: 1 });

    for (const token of [outsider.token, undefined]) {
      const other = await search('q=pangolin', token);
      expect(other.status).toBe(200);
      // The network review is visible to a signed-in outsider, but not the private project's facets.
      expect(other.body.items.map((i: { kind: string }) => i.kind)).toEqual(token ? ['review'] : []);
      expect(other.body.facets.theme).toEqual([]);
      expect(other.body.facets.country).toEqual([]);
      expect(JSON.stringify(other.body)).not.toMatch(/Zanzibar|cybercrime/i);
      const facets = await search('country=PE&theme=cybercrime', token);
      expect(facets.body.total).toBe(0);
    }
  });

  it('counts a query that matches too many entries on a sample of the index, scaled and marked approximate', async () => {
    // Thresholds small enough for the demo registry: a sample of one bucket in 256, whose page by
    // date is read by walking down the date index.
    const sampling = { exactUpTo: 0, sampleSize: 1, smallIndex: 0, walkAbove: 0 };
    const query = SearchQuery.parse({ q: 'crime' });
    const exact = await searchService.search(t.db, ANONYMOUS, query);
    expect(exact.approximate).toBe(false);
    const sampled = await searchService.search(t.db, ANONYMOUS, query, sampling);
    // What the word means: its stems, and the themes, countries and organisations it names.
    const [bucket] = await t.db.query<{ n: number }>(sql`SELECT count(*) AS n
      FROM search_entries e, search_concept_matches('crime') m
      WHERE e.bucket = 0 AND e.visibility = 'public' AND (e.tsv @@ search_term_query('crime')
        OR e.themes && m.themes OR e.countries && m.countries OR e.org_ids && m.orgs)`);
    const [sizes] = await t.db.query<{ entries: number; first: number }>(sql`SELECT
      (SELECT sum(entries) FROM search_buckets) AS entries, (SELECT entries FROM search_buckets WHERE bucket = 0) AS first`);
    // The bucket sizes the index keeps are the true ones, after every insert, update and delete so far.
    const [count] = await t.db.query<{ n: number }>(sql`SELECT count(*) AS n FROM search_entries`);
    expect(sizes!.entries).toBe(count!.n);
    expect(bucket!.n).toBeGreaterThan(0);
    expect(sampled.approximate).toBe(true);
    expect(sampled.total).toBe(roughly((bucket!.n * sizes!.entries) / sizes!.first));
    // The page comes from the sample, and holds only what an anonymous visitor may see.
    const ids = new Set(exact.items.map((i) => i.id));
    expect(sampled.items.length).toBe(Math.min(bucket!.n, 20));
    for (const item of sampled.items) expect(JSON.stringify(item)).not.toMatch(/Zanzibar|pangolin/i);
    expect(sampled.items.some((i) => ids.has(i.id)) || exact.total > 20).toBe(true);
    // Sorted by date, the page is exact even when the counts are not, whether it is read by walking
    // down the date index or from the matches (when the sample says they are few).
    const exactByDate = await searchService.search(t.db, ANONYMOUS, { ...query, sort: 'date' });
    for (const walkAbove of [0, 1_000_000]) {
      const byDate = await searchService.search(
        t.db,
        ANONYMOUS,
        { ...query, sort: 'date' },
        { ...sampling, walkAbove },
      );
      expect(byDate.approximate).toBe(true);
      expect(byDate.items.map((i) => i.id)).toEqual(exactByDate.items.map((i) => i.id));
      // And so is every later page, small enough for the sample to give a date cut or not.
      for (const limit of [2, 5]) {
        const cursor = Buffer.from(`o:${limit}`).toString('base64url');
        const next = { ...query, sort: 'date' as const, limit, cursor };
        const sampledNext = await searchService.search(t.db, ANONYMOUS, next, { ...sampling, walkAbove });
        const exactNext = await searchService.search(t.db, ANONYMOUS, next);
        expect(sampledNext.items.length).toBe(limit);
        expect(sampledNext.items.map((i) => i.id)).toEqual(exactNext.items.map((i) => i.id));
      }
    }
    // Projects only, read in the order of their own dates' index (migration 036): likewise.
    const projects = SearchQuery.parse({ q: 'crime', kind: 'project', sort: 'date', limit: 1 });
    // A sample of two buckets, which holds enough projects to cut at.
    const fewBuckets = { ...sampling, sampleSize: 4 };
    for (const cursor of [undefined, Buffer.from('o:1').toString('base64url')]) {
      const sampledPage = await searchService.search(t.db, ANONYMOUS, { ...projects, cursor }, fewBuckets);
      const exactPage = await searchService.search(t.db, ANONYMOUS, { ...projects, cursor });
      expect(sampledPage.approximate).toBe(true);
      expect(sampledPage.items).toHaveLength(1);
      expect(sampledPage.items.map((i) => i.id)).toEqual(exactPage.items.map((i) => i.id));
    }
  });

  it('finds an organisation by a new acronym or a new name, though the words of the query were compiled before', async () => {
    const [secret] = await t.db.query<{ org: string }>(
      sql`SELECT owner_org_id AS org FROM projects WHERE title LIKE 'Zanzibar%'`,
    );
    const zanzibar = 'Zanzibar pangolin smuggling taskforce';
    // Twice each: the first compiles the word, the second reuses what was kept.
    for (let i = 0; i < 2; i++) {
      expect((await search('q=QXZ&kind=project', owner.token)).body.total).toBe(0);
      expect((await search('q=Quokkaville&kind=project', owner.token)).body.total).toBe(0);
    }
    await t.db.query(sql`UPDATE organisations SET acronym = 'QXZ' WHERE id = ${secret!.org}`);
    expect(ids((await search('q=QXZ&kind=project', owner.token)).body)).toEqual([zanzibar]);
    await t.db.query(sql`UPDATE organisations SET name = 'Quokkaville Agency' WHERE id = ${secret!.org}`);
    expect(ids((await search('q=Quokkaville&kind=project', owner.token)).body)).toEqual([zanzibar]);
    // Still only for those who may see the project.
    expect((await search('q=Quokkaville&kind=project', outsider.token)).body.total).toBe(0);
  });
});
