// GET /reference/lists gives the web app the fixed lists it offers (the six-point scale, the
// evaluation criteria, organisation types) from the server's own rules: every value listed is one
// the write endpoints accept, and an unknown query parameter is refused.
import { describe, expect, it } from 'vitest';
import { appWithEditor } from '../../test/support/test-app.ts';

describe('the reference lists', () => {
  const app = appWithEditor();

  it('lists the scale best first, its weak half, the criteria and the organisation types to anyone', async () => {
    const res = await app.t.request('GET', '/api/v1/reference/lists');
    expect(res.status).toBe(200);
    expect(res.body.six_point).toHaveLength(6);
    expect(res.body.six_point[0]).toBe('highly satisfactory');
    expect(res.body.six_point[5]).toBe('highly unsatisfactory');
    expect(res.body.six_point_weak).toEqual(res.body.six_point.slice(3));
    expect(res.body.six_point_weak[0]).toBe('moderately unsatisfactory');
    expect(res.body.evaluation_criteria).toEqual(
      expect.arrayContaining(['relevance', 'human_rights_gender']),
    );
    expect(res.body.organisation_types).toEqual(expect.arrayContaining(['donor_government', 'ngo', 'other']));
  });

  it('lists only values the write endpoints accept', async () => {
    const { body: lists } = await app.t.request('GET', '/api/v1/reference/lists');
    const findings = lists.evaluation_criteria.map((criterion: string, i: number) => ({
      criterion,
      text: `Finding on ${criterion}`,
      rating: lists.six_point[i % lists.six_point.length],
    }));
    const evaluation = await app.t.request('POST', '/api/v1/evaluations', {
      token: app.editor.token,
      body: { title: 'Every criterion rated', findings },
    });
    expect(evaluation.status, JSON.stringify(evaluation.body)).toBe(201);
    expect(evaluation.body.findings.map((f: { rating: string }) => f.rating)).toEqual(
      findings.map((f: { rating: string }) => f.rating),
    );
    for (const type of lists.organisation_types) {
      const org = await app.t.request('POST', '/api/v1/organisations', {
        token: app.editor.token,
        body: { name: `Listed type ${type} L1`, aliases: [], type },
      });
      expect(org.status, `${type}: ${JSON.stringify(org.body)}`).toBe(201);
    }
  });

  it('refuses a parameter it does not take, naming it', async () => {
    const res = await app.t.request('GET', '/api/v1/reference/lists?lang=fr');
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('querystring.lang');
  });
});
