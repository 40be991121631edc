import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

// Findings and ratings per criterion, and the portfolio of criteria most often rated weak, as far
// as each viewer may see.
describe('evaluation criteria portfolio', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const project = async (themes: string[]) =>
      (
        await t.request('POST', '/api/v1/projects', {
          token: owner.token,
          body: {
            title: `Evaluated ${Math.random()}`,
            visibility: 'network',
            themes,
            regions: [{ name: 'Sahel' }],
          },
        })
      ).body.id as string;
    const evaluation = async (projectId: string, visibility: string, findings: unknown[]) => {
      const res = await t.request('POST', '/api/v1/evaluations', {
        token: owner.token,
        body: { project_id: projectId, title: 'Final evaluation', visibility, findings },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body;
    };
    const prisons = await project(['prisons']);
    const police = await project(['policing']);
    await evaluation(prisons, 'network', [
      { criterion: 'sustainability', text: 'No budget after the project', rating: 'unsatisfactory' },
      { criterion: 'relevance', text: 'Asked for by the ministry', rating: 'highly satisfactory' },
      { criterion: 'design', text: 'No theory of change' },
    ]);
    await evaluation(police, 'network', [
      { criterion: 'sustainability', text: 'Trainers left', rating: 'moderately unsatisfactory' },
      { criterion: 'relevance', text: 'Relevant', rating: 'satisfactory' },
    ]);
    await evaluation(police, 'owner', [
      { criterion: 'relevance', text: 'Private view', rating: 'highly unsatisfactory' },
    ]);
  });
  afterAll(() => t.close());

  const portfolio = async (query: string, who: TestMember) => {
    const res = await t.request('GET', `/api/v1/evaluations/criteria${query}`, { token: who.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.groups as { key: string | null; criteria: Record<string, unknown>[] }[];
  };

  it('puts the criteria most often rated weak first, overall and by theme and region', async () => {
    const [all] = await portfolio('', owner);
    expect(all!.criteria.map((c) => [c.criterion, c.findings, c.rated, c.weak, c.weak_share])).toEqual([
      ['sustainability', 2, 2, 2, 1],
      ['relevance', 3, 3, 1, 0.333],
      ['design', 1, 0, 0, null],
    ]);
    const byTheme = await portfolio('?by=theme', owner);
    const policing = byTheme.find((g) => g.key === 'policing')!;
    expect(policing.criteria.map((c) => [c.criterion, c.weak, c.rated])).toEqual([
      ['sustainability', 1, 1],
      ['relevance', 1, 2],
    ]);
    const byRegion = await portfolio('?by=region', owner);
    expect(byRegion.find((g) => g.key === 'Sahel')!.criteria[0]).toMatchObject({
      criterion: 'sustainability',
      weak: 2,
    });
  });

  it('gives the same counts as CSV, one row per group and criterion', async () => {
    const csv = await t.request('GET', '/api/v1/evaluations/criteria?by=theme&format=csv', {
      token: owner.token,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="tacit-criteria-by-theme.csv"');
    const lines = String(csv.body).trim().split('\r\n');
    expect(lines[0]).toBe('theme,label,criterion,findings,rated,weak,weak_share');
    expect(lines.filter((l) => l.startsWith('policing,'))).toEqual([
      'policing,Policing,sustainability,1,1,1,1',
      'policing,Policing,relevance,2,2,1,0.5',
    ]);
    const outsiders = await t.request('GET', '/api/v1/evaluations/criteria?by=theme&format=csv', {
      token: outsider.token,
    });
    expect(String(outsiders.body)).toContain('policing,Policing,relevance,1,1,0,0\r\n');
  });

  it('counts for another organisation only what it may see, and refuses unknown filters', async () => {
    const [all] = await portfolio('', outsider);
    expect(all!.criteria.find((c) => c.criterion === 'relevance')).toMatchObject({ rated: 2, weak: 0 });
    const unknown = await t.request('GET', '/api/v1/evaluations/criteria?by=theme&weak=1', {
      token: owner.token,
    });
    expect(unknown.status).toBe(422);
    const rating = await t.request('POST', '/api/v1/evaluations', {
      token: owner.token,
      body: { title: 'Off scale', findings: [{ criterion: 'relevance', text: 'x', rating: 'excellent' }] },
    });
    expect(rating.status).toBe(422);
    expect(rating.body.error.details[0].field).toBe('body.findings.0.rating');
  });
});
