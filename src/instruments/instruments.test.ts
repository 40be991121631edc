// The instruments API over HTTP on both engines: the library anyone may read, versioned edits,
// imports refused with where the problem is and nothing stored, and who may write.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';
import { readBuiltInInstruments } from './builtin.ts';
import { toJsonText } from './json-file.ts';

let app: TestApp;
let admin: TestMember;
let editor: TestMember;
const heuni = readBuiltInInstruments().find((d) => d.key === 'heuni-checklist')!;
const custom = { ...heuni, key: 'custom-checklist', title: { en: 'A custom checklist' } };

async function upload(name: string, bytes: Buffer | string, token?: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from(bytes))]), name);
  const res = await fetch(`${app.baseUrl}/api/v1/instruments/import`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: await res.json() };
}

const keys = async () =>
  ((await app.request('GET', '/api/v1/instruments?include_retired=true')).body as { key: string }[]).map(
    (i) => i.key,
  );

beforeAll(async () => {
  app = await startTestApp();
  const { org, editor: e } = await buildOrgWithEditor(app.db);
  editor = e;
  admin = await buildMember(app.db, org.id, 'admin');
  // Instruments are the network's: their administrator is a network administrator.
  await setNetworkAdmin(app.db, admin.email, true);
});
afterAll(() => app.close());

describe('the instruments library', () => {
  it('lists the five built-in instruments to anyone, with their size', async () => {
    const res = await app.request('GET', '/api/v1/instruments');
    expect(res.status).toBe(200);
    const byKey = Object.fromEntries(res.body.map((i: { key: string }) => [i.key, i]));
    expect(Object.keys(byKey).sort()).toEqual([
      'cj-assessment-clusters',
      'cj-integrity',
      'heuni-checklist',
      'paris-declaration',
      'ta-principles',
    ]);
    expect(byKey['heuni-checklist']).toMatchObject({ version: 1, built_in: true, areas: 3, questions: 14 });
    expect(byKey['cj-integrity'].title.fr).toBe('Intégrité des institutions de justice pénale');
  });

  it('gives one instrument with the scales its questions use', async () => {
    const res = await app.request('GET', '/api/v1/instruments/paris-declaration');
    expect(res.body.definition.areas[1].questions.map((q: { number: string }) => q.number)).toEqual([
      '2a',
      '2b',
      '3',
      '4',
      '5a',
      '5b',
      '6',
      '7',
      '8',
    ]);
    expect(res.body.scales.map((s: { id: string }) => s.id)).toEqual(['six_point']);
    expect(res.body.scales[0].values[0]).toEqual({
      name: 'highly_satisfactory',
      points: 6,
      label: { en: 'Highly satisfactory', es: 'Muy satisfactorio', fr: 'Très satisfaisant' },
    });
  });

  it('refuses an unknown query parameter and answers 404 for an unknown key', async () => {
    const bad = await app.request('GET', '/api/v1/instruments?retired=yes');
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('retired');
    expect((await app.request('GET', '/api/v1/instruments/no-such-thing')).status).toBe(404);
  });
});

describe('writing instruments', () => {
  it('lets only network administrators add one, and stores nothing otherwise', async () => {
    expect((await app.request('POST', '/api/v1/instruments', { body: custom })).status).toBe(401);
    const byEditor = await app.request('POST', '/api/v1/instruments', { token: editor.token, body: custom });
    expect(byEditor.status).toBe(403);
    expect(await keys()).not.toContain('custom-checklist');
    const created = await app.request('POST', '/api/v1/instruments', { token: admin.token, body: custom });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: 'custom-checklist',
      version: 1,
      built_in: false,
      created: true,
    });
    const again = await app.request('POST', '/api/v1/instruments', { token: admin.token, body: custom });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('instrument_exists');
  });

  it('refuses an unknown field and a score scale it does not know, naming the field', async () => {
    const extra = await app.request('POST', '/api/v1/instruments', {
      token: admin.token,
      body: { ...custom, key: 'other-checklist', colour: 'red' },
    });
    expect(extra.status).toBe(422);
    expect(extra.body.error.message).toContain('colour');
    const areas = structuredClone(custom.areas);
    (areas[0]!.questions[0] as { scale: string }).scale = 'stars';
    const badScale = await app.request('POST', '/api/v1/instruments', {
      token: admin.token,
      body: { ...custom, key: 'other-checklist', areas },
    });
    expect(badScale.status).toBe(422);
    expect(badScale.body.error.details[0].field).toBe('body.areas.0.questions.0.scale');
    expect(await keys()).not.toContain('other-checklist');
  });

  it('keeps every version: an edit is a new version and the old one stays readable', async () => {
    const edited = structuredClone(custom);
    edited.areas[0]!.questions[0]!.weight = 3;
    const put = await app.request('PUT', '/api/v1/instruments/custom-checklist', {
      token: admin.token,
      body: edited,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ version: 2, current_version: 2, created: false });
    const v1 = await app.request('GET', '/api/v1/instruments/custom-checklist?version=1');
    expect(v1.body.definition.areas[0].questions[0].weight).toBe(1);
    expect(v1.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    // The same definition again is no new version.
    const same = await app.request('PUT', '/api/v1/instruments/custom-checklist', {
      token: admin.token,
      body: edited,
    });
    expect(same.body.version).toBe(2);
    const renamed = await app.request('PUT', '/api/v1/instruments/custom-checklist', {
      token: admin.token,
      body: { ...edited, key: 'renamed' },
    });
    expect(renamed.status).toBe(422);
    expect(renamed.body.error.details[0].field).toBe('body.key');
  });

  it('retires an instrument from the library and brings it back', async () => {
    expect(
      (await app.request('POST', '/api/v1/instruments/custom-checklist/retire', { token: editor.token }))
        .status,
    ).toBe(403);
    const retired = await app.request('POST', '/api/v1/instruments/custom-checklist/retire', {
      token: admin.token,
    });
    expect(retired.body.retired_at).not.toBeNull();
    const listed = (await app.request('GET', '/api/v1/instruments')).body.map((i: { key: string }) => i.key);
    expect(listed).not.toContain('custom-checklist');
    expect(await keys()).toContain('custom-checklist');
    await app.request('POST', '/api/v1/instruments/custom-checklist/restore', { token: admin.token });
    expect((await app.request('GET', '/api/v1/instruments/custom-checklist')).body.retired_at).toBeNull();
  });
});

describe('files', () => {
  it('exports XLSForm that imports back as the same version', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/instruments/ta-principles/export?format=xlsform`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain('ta-principles-v1.xlsx');
    const bytes = Buffer.from(await res.arrayBuffer());
    const back = await upload('ta-principles-v1.xlsx', bytes, admin.token);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ key: 'ta-principles', version: 1, created: false });
  });

  it('imports a new instrument from JSON', async () => {
    const res = await upload('mine.json', toJsonText({ ...custom, key: 'json-checklist' }), admin.token);
    expect(res.status).toBe(201);
    expect(res.body.definition.title).toEqual({ en: 'A custom checklist' });
  });

  it('refuses a broken file with where the problem is, and stores nothing', async () => {
    const text = toJsonText({ ...custom, key: 'broken-checklist' }).replace(
      '"overall": "average"',
      '"overall": "best"',
    );
    const res = await upload('broken.json', text, admin.token);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('invalid_instrument_file');
    const line = text.split('\n').findIndex((l) => l.includes('"best"')) + 1;
    expect(res.body.error.details).toEqual([
      { line, path: 'overall', reason: expect.stringContaining('Invalid option') },
    ]);
    expect(res.body.error.message).toContain(`line ${line}, at overall`);
    const other = await upload('notes.txt', 'hello', admin.token);
    expect(other.status).toBe(415);
    expect(await keys()).not.toContain('broken-checklist');
    expect((await upload('mine.json', toJsonText(custom), editor.token)).status).toBe(403);
  });
});
