import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('recommendations follow-through', () => {
  let t: TestApp;
  let owner: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  it('derives overdue from key actions past their due date and still open', async () => {
    const past = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: {
        text: 'Amend the results framework',
        key_actions: [
          { text: 'Draft new indicators', owner: 'CJA', due_on: '2020-01-31', status: 'in_progress' },
        ],
      },
    });
    const done = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: {
        text: 'Train trainers',
        key_actions: [
          { text: 'Run a course', due_on: '2020-01-31', status: 'completed', completed_on: '2020-01-15' },
        ],
      },
    });
    const future = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: {
        text: 'Follow up the network',
        key_actions: [{ text: 'Meet prosecutors', due_on: '2999-01-01' }],
      },
    });
    expect(past.body.overdue).toBe(true);
    expect(done.body.overdue).toBe(false);
    expect(future.body.overdue).toBe(false);
    expect(future.body.key_actions[0].status).toBe('not_started');
    const overdue = await t.request(
      'GET',
      `/api/v1/recommendations?owner_org_id=${owner.orgId}&overdue=true`,
      { token: owner.token },
    );
    expect(overdue.body.items.map((r: { id: string }) => r.id)).toEqual([past.body.id]);
  });

  it('keeps a history line for each change of status or management response', async () => {
    const rec = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: { text: 'Involve judges in design' },
    });
    expect(rec.body.history).toMatchObject([{ status: 'open', management_response: null }]);
    const accepted = await t.request('PATCH', `/api/v1/recommendations/${rec.body.id}`, {
      token: owner.token,
      body: {
        version: 1,
        management_response: 'accepted',
        status: 'in_progress',
        status_note: 'Agreed at the steering committee',
      },
    });
    expect(accepted.status).toBe(200);
    const renamed = await t.request('PATCH', `/api/v1/recommendations/${rec.body.id}`, {
      token: owner.token,
      body: { version: 2, category: 'Design' },
    });
    expect(renamed.body.history).toHaveLength(2);
    expect(renamed.body.history[1]).toMatchObject({
      status: 'in_progress',
      management_response: 'accepted',
      note: 'Agreed at the steering committee',
    });
  });

  it('refuses an unknown management response or key action status, naming the field', async () => {
    const res = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: {
        text: 'x',
        management_response: 'maybe',
        key_actions: [{ text: 'y', status: 'stalled', due_on: '31/01/2020' }],
      },
    });
    expect(res.status).toBe(422);
    const fields = res.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.management_response',
        'body.key_actions.0.status',
        'body.key_actions.0.due_on',
      ]),
    );
  });
});
