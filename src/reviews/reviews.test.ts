import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('reviews, evaluations and meetings: their own rules', () => {
  let t: TestApp;
  let owner: TestMember;
  let projectId: string;
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    projectId = (
      await t.request('POST', '/api/v1/projects', { token: owner.token, body: { title: 'Reviewed project' } })
    ).body.id;
  });
  afterAll(() => t.close());

  it('stores each review score with its scale and refuses a score from another scale', async () => {
    const uk = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: {
        project_id: projectId,
        period_label: '2015/16',
        overall_score: 'A/B',
        output_scores: [{ number: 2, score: 'B+' }],
      },
    });
    expect(uk.status).toBe(201);
    expect(uk.body).toMatchObject({ scale: 'uk_annual_review', overall_score: 'A/B' });
    const cssf = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: { project_id: projectId, scale: 'cssf_numeric', overall_score: '4' },
    });
    expect(cssf.status).toBe(201);
    const wrong = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: { project_id: projectId, scale: 'cssf_numeric', overall_score: 'A+' },
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.details[0].field).toBe('body.overall_score');
    const noProject = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: { overall_score: 'A' },
    });
    expect(noProject.status).toBe(422);
    expect(noProject.body.error.details[0].field).toBe('body.project_id');
  });

  it('refuses an evaluation whose women and men outnumber everyone consulted', async () => {
    const res = await t.request('POST', '/api/v1/evaluations', {
      token: owner.token,
      body: {
        title: 'Evaluation',
        stakeholders_total: 40,
        stakeholders_female: 33,
        stakeholders_male: 17,
        findings: [{ criterion: 'relevance', text: 'The project was relevant' }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('body.stakeholders_total');
    const byCriterion = await t.request('POST', '/api/v1/evaluations', {
      token: owner.token,
      body: {
        title: 'Evaluation with findings',
        findings: [{ criterion: 'sustainability', text: 'Actions implemented are sustainable' }],
      },
    });
    const found = await t.request(
      'GET',
      `/api/v1/evaluations?owner_org_id=${owner.orgId}&criterion=sustainability`,
      { token: owner.token },
    );
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([byCriterion.body.id]);
  });

  it('resolves meeting organisations by name, acronym or alias and keeps unregistered ones as named', async () => {
    const unodc = await buildOrganisation(t.db, {
      name: 'United Nations Office on Drugs and Crime M1',
      acronym: 'UNODCM1',
      type: 'multilateral',
    });
    const res = await t.request('POST', '/api/v1/meetings', {
      token: owner.token,
      body: {
        title: 'Integrity of Counter Narcotics and Justice Sector Institutions',
        organisations: [
          { name: 'unodcm1', role: 'implementer' },
          { name: 'Transparency International M1', role: 'partner' },
        ],
        figures: [{ value: 1202, unit: 'participants' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.organisations).toEqual([
      { org_id: unodc.id, name: unodc.name, role: 'implementer' },
      { org_id: null, name: 'Transparency International M1', role: 'partner' },
    ]);
    const byOrg = await t.request('GET', `/api/v1/meetings?organisation=${unodc.id}`, { token: owner.token });
    expect(byOrg.body.items.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
  });
});
