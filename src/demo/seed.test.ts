// The demo registry holds what a careful reader records from the shipped documents, readable by
// anonymous visitors, and loading it twice adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { seedDemo } from './seed.ts';

describe('demo registry', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedDemo(t.db);
  });
  afterAll(() => t.close());

  const get = async (path: string) => {
    const res = await t.request('GET', path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  it('has the Peru/Colombia programme with its review scores, progress and recommendations', async () => {
    const { items } = await get(`/api/v1/projects?q=${encodeURIComponent('Peru/Colombia')}`);
    expect(items).toHaveLength(1);
    const p = items[0];
    expect(p).toMatchObject({
      title: 'Peru/Colombia Serious and Organised Crime (SOC)',
      owner_org: { name: 'Foreign and Commonwealth Office' },
      period: { start: '2015-04', end: '2020-03', ongoing: false },
      budget: [{ amount: 2300000, currency: 'GBP', category: 'ODA' }],
      outcome: { score: 'A' },
    });
    expect(p.countries.map((c: { code: string }) => c.code).sort()).toEqual(['CO', 'PE']);
    expect(p.outputs.map((o: { number: number; score: string }) => `${o.number}:${o.score}`)).toEqual([
      '1:A',
      '2:B+',
      '3:B+',
      '4:A',
      '5:A',
    ]);
    expect(p.participants.find((x: { acronym: string }) => x.acronym === 'NCA')).toMatchObject({
      name: 'National Crime Agency',
      role: 'partner',
    });

    const reviews = (await get(`/api/v1/reviews?project_id=${p.id}`)).items;
    expect(
      reviews
        .map((r: { period_label: string; overall_score: string; risk_rating: string }) => [
          r.period_label,
          r.overall_score,
          r.risk_rating,
        ])
        .sort(),
    ).toEqual([
      ['2015/16', 'A/B', 'Medium'],
      ['2016/17', 'A', 'Medium'],
    ]);
    const latest = reviews.find((r: { period_label: string }) => r.period_label === '2016/17');
    expect(latest.progress.map((x: { country: string }) => x.country)).toEqual([
      'CO',
      'CO',
      'CO',
      'PE',
      'PE',
    ]);
    expect(latest.progress[0].text).toMatch(/^Since the last review there has been a shift in focus/);

    const recs = (await get(`/api/v1/recommendations?project_id=${p.id}&limit=50`)).items;
    expect(recs).toHaveLength(6);
    const byNumber = recs.sort((a: { number: number }, b: { number: number }) => a.number - b.number);
    expect(byNumber.map((r: { country: string }) => r.country)).toEqual(['CO', 'CO', 'CO', 'PE', 'PE', 'PE']);
    expect(byNumber[3].text).toMatch(/^The results framework should be amended/);
    expect(byNumber.every((r: { source_id: string }) => r.source_id === latest.id)).toBe(true);
  });

  it('has the XCAX75 project with its evaluation, findings, recommendations and lessons', async () => {
    const [p] = (await get('/api/v1/projects?q=XCAX75')).items;
    expect(p).toMatchObject({
      code: 'XCAX75',
      period: { start: '2016-04', end: '2018-03' },
      regions: [{ name: 'Central America' }],
    });
    expect(p.countries.map((c: { code: string }) => c.code).sort()).toEqual([
      'BZ',
      'CR',
      'DO',
      'GT',
      'HN',
      'NI',
      'PA',
      'SV',
    ]);
    expect(p.participants.find((x: { role: string }) => x.role === 'funder').name).toBe(
      'Government of Canada',
    );
    const [e] = (await get(`/api/v1/evaluations?project_id=${p.id}`)).items;
    expect(e).toMatchObject({
      type: 'final',
      independent: true,
      evaluators: ['María Elena Paz Manzano'],
      field_missions: ['SV', 'PA'],
      stakeholders_total: 50,
      stakeholders_female: 33,
      stakeholders_male: 17,
    });
    expect(e.findings.map((f: { criterion: string }) => f.criterion)).toEqual(
      expect.arrayContaining([
        'relevance',
        'efficiency',
        'effectiveness',
        'partnerships',
        'sustainability',
        'human_rights_gender',
        'impact',
      ]),
    );
    const recs = (await get(`/api/v1/recommendations?source_id=${e.id}`)).items.sort(
      (a: { number: number }, b: { number: number }) => a.number - b.number,
    );
    expect(recs.map((r: { category: string }) => r.category)).toEqual([
      'Design',
      'Design',
      'Training Methodology',
      'Strategies',
    ]);
    const lessons = (await get(`/api/v1/lessons?source_id=${e.id}`)).items;
    expect(lessons).toHaveLength(4);
    expect(lessons.map((l: { text: string }) => l.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Crime investigation requires regional integration/)]),
    );
  });

  it('has the CRIMJUST meeting, the documents and a small public IATI file', async () => {
    const [m] = (await get('/api/v1/meetings')).items;
    expect(m.figures).toEqual([
      { value: 44, unit: 'capacity building activities' },
      { value: 1202, unit: 'participants' },
    ]);
    expect(m.organisations.find((o: { role: string }) => o.role === 'funder')).toMatchObject({
      name: 'European Union',
    });
    expect(m.people[0]).toMatchObject({ name: 'Constanze von Soehnen', role: 'Chair' });
    expect(m.instruments_mentioned).toEqual(['Criminal Justice Dashboard']);
    const docs = (await get('/api/v1/documents?limit=50')).items;
    expect(docs.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'annual_review',
      'background_note',
      'evaluation',
      'meeting_report',
    ]);
    // Mexico's own projects are the twelve USAID activities; CRIMJUST (Latin America) is listed
    // too, marked as regional.
    const inMexico = (await get('/api/v1/projects?country=MX&limit=50')).items;
    const regional = inMexico.filter(
      (x: { country_match: { regional: boolean } }) => x.country_match.regional,
    );
    expect(regional.map((x: { code: string }) => x.code)).toEqual(['CRIMJUST']);
    const iati = inMexico.filter((x: { country_match: { regional: boolean } }) => !x.country_match.regional);
    expect(iati).toHaveLength(12);
    expect(iati.every((x: { iati_identifier: string }) => x.iati_identifier.startsWith('US-GOV-1-'))).toBe(
      true,
    );
  });

  it('gives the publishing organisations public sharing defaults, which their records took', async () => {
    const fco = (await get('/api/v1/organisations?q=FCO')).items[0];
    expect(fco).toMatchObject({ default_visibility: 'public', default_document_visibility: 'owner' });
    const nca = (await get('/api/v1/organisations?q=NCA')).items[0];
    expect(nca).toMatchObject({ default_visibility: 'network', default_document_visibility: 'owner' });
    const owned = (await get(`/api/v1/projects?organisation=${fco.id}`)).items;
    expect(owned.map((p: { visibility: string }) => p.visibility)).toEqual(['public']);
    const recs = (await get(`/api/v1/recommendations?project_id=${owned[0].id}&limit=200`)).items;
    expect(recs.length).toBeGreaterThan(0);
    expect(new Set(recs.map((r: { visibility: string }) => r.visibility))).toEqual(new Set(['public']));
  });

  it('adds nothing when loaded again', async () => {
    const before = (await get('/api/v1/projects?limit=200')).items.length;
    const again = await seedDemo(t.db);
    expect(again).toMatchObject({ organisations: 0, projects: 0, records: 0, iatiActivities: 0 });
    expect((await get('/api/v1/projects?limit=200')).items.length).toBe(before);
  });
});
