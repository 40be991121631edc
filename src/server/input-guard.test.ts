// Input no field can hold is a 422 naming the field, on every resource, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';

/** `{"a":{"a":…{"a":1}…}}`, `levels` objects deep, written as text (building it would recurse). */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('the input guard', () => {
  let t: TestApp;
  let editor: TestMember;
  beforeAll(async () => {
    t = await startTestApp();
    editor = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

  it('refuses a NUL character in any text field, naming it, and stores nothing', async () => {
    const projects = await count('projects');
    const title = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Before\u0000after' },
    });
    expect(title.status).toBe(422);
    expect(title.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'body.title' }] });
    expect(title.body.error.message).toContain('NUL');
    const inList = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Fine', outputs: [{ number: 1, title: 'x\u0000' }] },
    });
    expect(inList.body.error.details[0].field).toBe('body.outputs.0.title');
    expect(await count('projects')).toBe(projects);

    const lessons = await count('lessons');
    const lesson = await t.request('POST', '/api/v1/lessons', {
      token: editor.token,
      body: { text: '\u0000' },
    });
    expect(lesson.status).toBe(422);
    expect(lesson.body.error.details[0].field).toBe('body.text');
    expect(await count('lessons')).toBe(lessons);

    const query = await t.request('GET', '/api/v1/projects?q=a%00b');
    expect(query.status).toBe(422);
    expect(query.body.error.details[0].field).toBe('querystring.q');
  });

  it('refuses JSON nested 6,000 levels deep in extra with a 422 naming it, and stores nothing', async () => {
    const projects = await count('projects');
    const res = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: `{"title":"Deep","extra":${nested(6000)}}`,
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('body.extra');
    expect(res.body.error.message).toMatch(/^body\.extra: is nested more than \d+ levels deep/);
    expect(await count('projects')).toBe(projects);
    const shallow = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: `{"title":"Shallow","extra":${nested(5)}}`,
    });
    expect(shallow.status).toBe(201);
    expect(shallow.body.extra).toEqual(JSON.parse(nested(5)));
  });

  it('refuses a JSON body that is not valid UTF-8 with a 400, and stores nothing', async () => {
    const projects = await count('projects');
    // "Caf\xe9" is Latin-1, not UTF-8: decoded leniently it became "Caf\uFFFD".
    const body = Buffer.concat([Buffer.from('{"title":"Caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const res = await fetch(`${t.baseUrl}/api/v1/projects`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    const reply = (await res.json()) as { error: { code: string; message: string } };
    expect(reply.error.code).toBe('malformed_json');
    expect(reply.error.message).toContain('UTF-8');
    expect(await count('projects')).toBe(projects);
    const fine = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Café' },
    });
    expect(fine.status).toBe(201);
    expect(fine.body.title).toBe('Café');
  });
});
