// API tokens: an expiry is honoured (an expired token is refused like an unknown one), by the
// server's clock; scopes and revocation still hold; a bad expiry is refused and creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { ManualClock } from '../reminders/clock.ts';

describe('API tokens with expiry, scopes and revocation', () => {
  let t: TestApp;
  const clock = new ManualClock('2027-03-01T09:00:00Z');
  beforeAll(async () => {
    t = await startTestApp({}, clock);
  });
  afterAll(() => t.close());

  it('accepts a token until its expiry and answers 401 like an unknown token after it', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const created = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'nightly', scope: 'read', expires_at: '2027-03-02T00:00:00Z' },
    });
    expect(created.status).toBe(201);
    expect(created.body.expires_at).toBe('2027-03-02T00:00:00.000Z');
    const secret = created.body.secret as string;
    expect((await t.request('GET', '/api/v1/projects', { token: secret })).status).toBe(200);
    const listed = await t.request('GET', '/api/v1/tokens', { token: editor.token });
    expect(listed.body.find((x: { id: string }) => x.id === created.body.id).expires_at).toBe(
      '2027-03-02T00:00:00.000Z',
    );

    clock.set('2027-03-02T00:00:01Z');
    const expired = await t.request('GET', '/api/v1/projects', { token: secret });
    const unknown = await t.request('GET', '/api/v1/projects', { token: 'tacit_not_a_real_token' });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual(unknown.body);
    expect(expired.body.error.message).toContain('expired');
    // A token without expiry still works at the later time.
    expect((await t.request('GET', '/api/v1/projects', { token: editor.token })).status).toBe(200);
    clock.set('2027-03-01T09:00:00Z');
  });

  it('refuses an expiry in the past or not a moment, naming expires_at, and creates no token', async () => {
    const { editor } = await buildOrgWithEditor(t.db);
    const past = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'too late', expires_at: '2027-02-28T00:00:00Z' },
    });
    expect(past.status).toBe(422);
    expect(past.body.error.details).toEqual([
      { field: 'expires_at', message: expect.stringContaining('future') },
    ]);
    const bad = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'not a date', expires_at: 'next tuesday' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('body.expires_at');
    const names = (await t.request('GET', '/api/v1/tokens', { token: editor.token })).body.map(
      (x: { name: string | null }) => x.name,
    );
    expect(names).not.toContain('too late');
    expect(names).not.toContain('not a date');
  });

  it('keeps scopes and revocation: a read token cannot write, a revoked one is refused', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const read = await t.request('POST', '/api/v1/projects', {
      token: editor.readToken,
      body: { title: 'By a read token', owner_org_id: org.id },
    });
    expect(read.status).toBe(403);
    const created = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'to revoke', scope: 'write', expires_at: '2030-01-01T00:00:00Z' },
    });
    const secret = created.body.secret as string;
    expect((await t.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(200);
    expect(
      (await t.request('DELETE', `/api/v1/tokens/${created.body.id}`, { token: editor.token })).status,
    ).toBe(204);
    expect((await t.request('GET', '/api/v1/tokens', { token: secret })).status).toBe(401);
  });
});
