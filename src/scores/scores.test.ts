// Scores over time: the demo registry's Peru/Colombia reviews read on their scale, each flag rule
// on constructed reviews, the portfolio per scale, bad marks refused, and nothing hidden shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

interface Period {
  period: string;
  programme: { mark: string; value: number | null; normalised: number | null } | null;
  outcome: { mark: string } | null;
  outputs: { number: number; score: { mark: string; value: number } }[];
  risk: { rating: string; step: number } | null;
  flags: string[];
}

describe('scores over time', () => {
  let t: TestApp;
  let owner: TestMember;
  let other: TestMember;
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    owner = (await buildOrgWithEditor(t.db)).editor;
    other = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  const project = async (who: TestMember, body: Record<string, unknown> = {}) => {
    const res = await t.request('POST', '/api/v1/projects', {
      token: who.token,
      body: { title: `Scored project ${Math.random()}`, visibility: 'network', ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const review = async (who: TestMember, projectId: string, body: Record<string, unknown>) => {
    const res = await t.request('POST', '/api/v1/reviews', {
      token: who.token,
      body: { project_id: projectId, visibility: 'network', ...body },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const scores = (id: string, token?: string) => t.request('GET', `/api/v1/projects/${id}/scores`, { token });

  it('reads the Peru/Colombia annual reviews on the UK scale, with no flag raised', async () => {
    const { items } = (await t.request('GET', `/api/v1/projects?q=${encodeURIComponent('Peru/Colombia')}`))
      .body;
    const res = await scores(items[0].id);
    expect(res.status).toBe(200);
    const periods: Period[] = res.body.periods;
    expect(periods.map((p) => [p.period, p.programme?.mark, p.programme?.value, p.risk?.rating])).toEqual([
      ['2015/16', 'A/B', 2.5, 'Medium'],
      ['2016/17', 'A', 3, 'Medium'],
    ]);
    expect(periods[0]!.programme).toMatchObject({
      parts: ['A', 'B'],
      normalised: 0.375,
      scale: 'uk_annual_review',
    });
    expect(periods[1]!.outcome?.mark).toBe('A');
    expect(periods[1]!.outputs.map((o) => `${o.number}:${o.score.mark}=${o.score.value}`)).toEqual([
      '1:A=3',
      '2:B+=2.5',
      '3:B+=2.5',
      '4:A=3',
      '5:A=3',
    ]);
    expect(res.body.flags).toEqual([]);
  });

  it('calls for an improvement plan after two consecutive reviews at B or worse, across a change of scale', async () => {
    const id = await project(owner);
    await review(owner, id, {
      period_label: '2016/17',
      period_start: '2016-04-01',
      overall_score: 'A',
      risk_rating: 'Low',
    });
    await review(owner, id, {
      period_label: '2017/18',
      period_start: '2017-04-01',
      overall_score: 'B+',
      risk_rating: 'Medium',
    });
    await review(owner, id, {
      period_label: '2018/19',
      period_start: '2018-04-01',
      overall_score: 'B',
      risk_rating: 'Medium',
    });
    await review(owner, id, {
      period_label: '2019/20',
      period_start: '2019-04-01',
      overall_score: 'B',
      risk_rating: 'High',
    });
    await review(owner, id, {
      period_label: '2020/21',
      period_start: '2020-04-01',
      scale: 'cssf_numeric',
      overall_score: '2',
      risk_rating: 'Major',
    });
    const res = await scores(id, owner.token);
    expect(res.status).toBe(200);
    expect(res.body.periods.map((p: Period) => [p.period, p.flags])).toEqual([
      ['2016/17', []],
      ['2017/18', []],
      ['2018/19', []],
      ['2019/20', ['improvement_plan']],
      ['2020/21', ['improvement_plan']],
    ]);
    const last = res.body.flags[1];
    expect(last.explanation.en).toBe(
      'Two consecutive reviews scored B or worse (2019/20: B; 2020/21: 2): an improvement plan is called for.',
    );
    expect(last.explanation.es).toContain('plan de mejora');
    expect(last.explanation.fr).toContain("plan d'amélioration");
  });

  it('puts a project at risk for a C and flags a risk rating that rises two steps', async () => {
    const id = await project(owner);
    await review(owner, id, {
      period_label: '2015/16',
      period_start: '2015-04-01',
      overall_score: 'A',
      output_scores: [{ number: 1, score: 'A' }],
      risk_rating: 'Minor',
    });
    await review(owner, id, {
      period_label: '2016/17',
      period_start: '2016-04-01',
      overall_score: 'A/B',
      output_scores: [{ number: 1, score: 'C' }],
      risk_rating: 'Major',
    });
    const res = await scores(id, owner.token);
    expect(res.body.flags.map((f: { rule: string; period: string }) => `${f.period} ${f.rule}`)).toEqual([
      '2016/17 at_risk',
      '2016/17 risk_rising',
    ]);
    expect(res.body.flags[0].explanation.en).toBe(
      '2016/17 scored the lowest mark (output 1 C): the project is at risk.',
    );
    expect(res.body.flags[0].explanation.es).toBe(
      '2016/17 obtuvo la nota más baja (producto 1 C): el proyecto está en riesgo.',
    );
    expect(res.body.flags[1].explanation.fr).toBe(
      "La notation du risque a augmenté d'au moins deux niveaux de 2015/16 à 2016/17 (Minor → Major).",
    );
  });

  it('refuses a score that is not on its scale and leaves the history unchanged', async () => {
    const id = await project(owner);
    await review(owner, id, { period_label: '2019/20', overall_score: 'A+' });
    const before = (await scores(id, owner.token)).body;
    for (const body of [
      { scale: 'cssf_numeric', overall_score: 'B' },
      { scale: 'uk_annual_review', overall_score: 'D' },
      { scale: 'uk_annual_review', output_scores: [{ score: '5' }] },
    ]) {
      const res = await t.request('POST', '/api/v1/reviews', {
        token: owner.token,
        body: { project_id: id, ...body },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.message).toMatch(/is not on the (cssf_numeric|uk_annual_review) scale/);
    }
    expect((await scores(id, owner.token)).body).toEqual(before);
    const portfolio = await t.request('GET', '/api/v1/scores/portfolio?scale=cssf_numeric&mark=A');
    expect(portfolio.status).toBe(422);
    expect(portfolio.body.error.details[0].field).toBe('querystring.mark');
    const unknown = await t.request('GET', '/api/v1/scores/portfolio?by=donor&colour=red');
    expect(unknown.status).toBe(422);
  });

  it('answers a hidden project exactly as a missing one, and never shows a private review', async () => {
    const hidden = await project(other, { visibility: 'owner' });
    await review(other, hidden, { period_label: '2019/20', overall_score: 'C', visibility: 'owner' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const a = await scores(hidden, owner.token);
    const b = await scores(missing, owner.token);
    expect([a.status, b.status]).toEqual([404, 404]);
    expect(a.body.error.message.replace(hidden, 'ID')).toBe(b.body.error.message.replace(missing, 'ID'));
    expect((await scores(hidden, other.token)).body.periods).toHaveLength(1);

    const shared = await project(other);
    await review(other, shared, { period_label: '2018/19', overall_score: 'A' });
    await review(other, shared, { period_label: '2019/20', overall_score: 'C', visibility: 'owner' });
    const seen = (await scores(shared, owner.token)).body;
    expect(seen.periods.map((p: Period) => p.period)).toEqual(['2018/19']);
    expect(seen.flags).toEqual([]);
  });

  it('counts the portfolio per scale by donor, country, theme and year, as JSON and CSV', async () => {
    const json = await t.request('GET', '/api/v1/scores/portfolio?by=donor');
    expect(json.status).toBe(200);
    const cssf = json.body.groups.find(
      (g: { label: string }) => g.label === 'Conflict, Stability and Security Fund',
    );
    expect(cssf.scales).toEqual([
      {
        scale: 'uk_annual_review',
        count: 2,
        mean_value: 2.75,
        marks: [
          { mark: 'A', value: 3, count: 1 },
          { mark: 'A/B', value: 2.5, count: 1 },
        ],
      },
    ]);
    const byCountry = (await t.request('GET', '/api/v1/scores/portfolio?by=country')).body;
    const peru = byCountry.groups.find((g: { key: string }) => g.key === 'PE');
    expect(peru.label).toBe('Peru');
    expect(peru.scales[0].count).toBe(2);
    const byYear = (await t.request('GET', '/api/v1/scores/portfolio?by=year&kind=output')).body;
    expect(byYear.groups.find((g: { key: string }) => g.key === '2017').scales[0].marks).toEqual([
      { mark: 'A', value: 3, count: 3 },
      { mark: 'B+', value: 2.5, count: 2 },
    ]);

    // Two scales under one donor stay apart: no mean is taken across them.
    const funder = await buildOrganisation(t.db, { name: `Scored Donor ${Math.random()}` });
    const id = await project(owner, {
      participants: [{ org_id: funder.id, role: 'funder' }],
      themes: ['prisons'],
    });
    await review(owner, id, { period_label: '2019/20', overall_score: 'A++' });
    await review(owner, id, { period_label: '2020/21', scale: 'cssf_numeric', overall_score: '4' });
    const hidden = await project(other, {
      visibility: 'owner',
      participants: [{ org_id: funder.id, role: 'funder' }],
    });
    await review(other, hidden, { period_label: '2020/21', overall_score: 'C', visibility: 'owner' });
    const mine = (
      await t.request('GET', '/api/v1/scores/portfolio?by=donor', { token: owner.token })
    ).body.groups.find((g: { key: string }) => g.key === funder.id);
    expect(mine.scales.map((s: { scale: string; mean_value: number }) => [s.scale, s.mean_value])).toEqual([
      ['cssf_numeric', 4],
      ['uk_annual_review', 5],
    ]);
    const csv = await t.request('GET', '/api/v1/scores/portfolio?by=donor&format=csv', {
      token: owner.token,
    });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('donor,label,kind,scale,mark,value,count');
    expect(lines.filter((l) => l.startsWith(funder.id))).toEqual([
      `${funder.id},${funder.name},programme,cssf_numeric,4,4,1`,
      `${funder.id},${funder.name},programme,uk_annual_review,A++,5,1`,
    ]);
    // The other organisation's private C is counted for it alone.
    const theirs = (
      await t.request('GET', '/api/v1/scores/portfolio?by=donor&scale=uk_annual_review&mark=C', {
        token: other.token,
      })
    ).body.groups.find((g: { key: string }) => g.key === funder.id);
    expect(theirs.scales[0].marks).toEqual([{ mark: 'C', value: 1, count: 1 }]);
    const anonymous = (
      await t.request('GET', '/api/v1/scores/portfolio?by=donor&scale=uk_annual_review&mark=C')
    ).body.groups;
    expect(anonymous.find((g: { key: string }) => g.key === funder.id)).toBeUndefined();
  });
});
