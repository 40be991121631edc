// A query parameter the endpoint does not take is a 422 naming it (never silently dropped, so a
// mistyped filter cannot answer for the whole registry), and an address the router refuses is
// answered in the one error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('the query guard', () => {
  let t: TestApp;
  let editor: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    editor = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  it('refuses a parameter the endpoint does not name, saying which it takes', async () => {
    const typo = await t.request('GET', '/api/v1/projects?contry=PE', { token: editor.token });
    expect(typo.status).toBe(422);
    expect(typo.body.error).toMatchObject({
      code: 'validation_failed',
      details: [{ field: 'querystring.contry' }],
    });
    expect(typo.body.error.message).toMatch(
      /^querystring\.contry: is not a parameter of this endpoint; it takes .*country/,
    );
    const none = await t.request('GET', '/api/v1/lessons?zz=1', { token: editor.token });
    expect(none.body.error.details[0].field).toBe('querystring.zz');
    const me = await t.request('GET', '/api/v1/auth/me?debug=1', { token: editor.token });
    expect(me.status).toBe(422);
    expect(me.body.error.message).toBe(
      'querystring.debug: is not a parameter of this endpoint, which takes none',
    );
    expect((await t.request('GET', '/api/v1/projects?country=PE', { token: editor.token })).status).toBe(200);
  });

  it('deletes nothing when a delete carries an unknown parameter', async () => {
    const created = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Kept' },
    });
    const del = await t.request('DELETE', `/api/v1/projects/${created.body.id}?force=true`, {
      token: editor.token,
    });
    expect(del.status).toBe(422);
    expect(del.body.error.details[0].field).toBe('querystring.force');
    const still = await t.request('GET', `/api/v1/projects/${created.body.id}`, { token: editor.token });
    expect(still.status).toBe(200);
    expect(still.body.title).toBe('Kept');
  });

  it('refuses an unknown field when creating a token, and creates none (found by the API fuzzing)', async () => {
    const before = (await t.request('GET', '/api/v1/tokens', { token: editor.token })).body;
    const res = await t.request('POST', '/api/v1/tokens', {
      token: editor.token,
      body: { name: 'ci', expires: '2030-01-01' },
    });
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body.error.details)).toContain('expires');
    expect((await t.request('GET', '/api/v1/tokens', { token: editor.token })).body).toEqual(before);
  });

  it('answers an over-long path parameter in the error shape', async () => {
    const res = await t.request('GET', `/api/v1/projects/${'x'.repeat(300)}`, { token: editor.token });
    expect(res.status).toBe(414);
    expect(res.body).toEqual({
      error: {
        code: 'path_too_long',
        message:
          'A part of the address is longer than any identifier Tacit uses (100 characters); check the link.',
        details: null,
      },
    });
  });
});
