// Confirming the background note keeps its checklist and its principles and offers them, to a
// network administrator, as instruments: a draft only network administrators see and no
// assessment uses until it is published. Bad requests are refused with the field and store nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { setNetworkAdmin } from '../access/network-admin.repository.ts';

let app: TestApp;
let admin: TestMember;
let editor: TestMember;
let outsider: TestMember;
let confirmedId: string;
const note = fs.readFileSync(path.join(DOCUMENTS_DIR, 'background-note-ta-effectiveness.txt'));

async function uploadAndConfirm(member: TestMember, bytes: Buffer) {
  const up = await uploadFile(app, 'background-note.txt', bytes, { token: member.token });
  expect(up.status, JSON.stringify(up.body)).toBe(201);
  const { draft } = up.body;
  const res = await app.request('POST', `/api/v1/documents/${up.body.id}/confirm`, {
    token: member.token,
    body: { record: draft.record, version: 1 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: up.body.id as string, confirmation: res.body.confirmation };
}

const fromDocument = (token: string | undefined, body: Record<string, unknown>) =>
  app.request('POST', '/api/v1/instruments/from-document', { ...(token ? { token } : {}), body });
const libraryKeys = async (token?: string) =>
  ((await app.request('GET', '/api/v1/instruments', token ? { token } : {})).body as { key: string }[]).map(
    (i) => i.key,
  );

beforeAll(async () => {
  app = await startTestApp();
  const { org, editor: e } = await buildOrgWithEditor(app.db);
  editor = e;
  admin = await buildMember(app.db, org.id, 'admin');
  await setNetworkAdmin(app.db, admin.email, true);
  outsider = (await buildOrgWithEditor(app.db)).editor;
  await setNetworkAdmin(app.db, outsider.email, true);
});
afterAll(() => app.close());

describe('an instrument from a confirmed background note', () => {
  it('offers the checklist and the principles to a network administrator who confirms', async () => {
    const { id, confirmation } = await uploadAndConfirm(admin, note);
    confirmedId = id;
    expect(confirmation.instrument_offers).toEqual([
      { list: 'checklists', index: 0, name: 'HEUNI checklist', items: 14 },
      expect.objectContaining({ list: 'principles', index: 0, items: 9 }),
    ]);
  });

  it('offers nothing to an editor who is not a network administrator', async () => {
    const { confirmation } = await uploadAndConfirm(editor, Buffer.concat([note, Buffer.from('\n')]));
    expect(confirmation.instrument_offers).toBeUndefined();
  });

  it('refuses a non-administrator, bad input, another organisation’s document, and stores nothing', async () => {
    const before = await libraryKeys(admin.token);
    const good = { document_id: confirmedId, list: 'checklists', key: 'heuni-from-note' };
    expect((await fromDocument(editor.token, good)).status).toBe(403);
    expect((await fromDocument(undefined, good)).status).toBe(401);
    const unknown = await fromDocument(admin.token, { ...good, colour: 'red' });
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.body.error)).toContain('colour');
    const outOfRange = await fromDocument(admin.token, { ...good, index: 3 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error.details).toEqual([
      { field: 'body.index', message: 'the confirmed document has 1 checklists; give an index from 0 to 0' },
    ]);
    const badKey = await fromDocument(admin.token, { ...good, key: 'Not A Key' });
    expect(badKey.status).toBe(422);
    expect(badKey.body.error.details[0].field).toBe('body.key');
    // A network administrator of another organisation cannot read the (owner-only) document:
    // it is missing, exactly as one that does not exist.
    const hidden = await fromDocument(outsider.token, good);
    const missing = await fromDocument(outsider.token, {
      ...good,
      document_id: '00000000-0000-4000-8000-000000000000',
    });
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.code).toBe(missing.body.error.code);
    // The list's own name makes the key heuni-checklist, which the built-in instrument has.
    const taken = await fromDocument(admin.token, { document_id: confirmedId, list: 'checklists' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('heuni-checklist');
    expect(await libraryKeys(admin.token)).toEqual(before);
  });

  it('creates a draft with one question per item, seen only by network administrators', async () => {
    const res = await fromDocument(admin.token, {
      document_id: confirmedId,
      list: 'checklists',
      key: 'heuni-from-note',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ key: 'heuni-from-note', draft: true, source_document_id: confirmedId });
    const [area] = res.body.definition.areas;
    expect(area.questions).toHaveLength(14);
    expect(area.questions[0]).toMatchObject({ number: '1', text: { en: 'Carry out a needs assessment' } });
    expect(area.questions[13]).toMatchObject({ number: '14', text: { en: 'Be patient' } });
    expect(area.questions.every((q: { scale: string }) => q.scale === 'yes_partly_no')).toBe(true);

    expect(await libraryKeys(admin.token)).toContain('heuni-from-note');
    expect(await libraryKeys(editor.token)).not.toContain('heuni-from-note');
    expect(await libraryKeys()).not.toContain('heuni-from-note');
    const anonymous = await app.request('GET', '/api/v1/instruments/heuni-from-note');
    const nothing = await app.request('GET', '/api/v1/instruments/no-such-instrument');
    expect(anonymous.status).toBe(404);
    expect(anonymous.body.error.code).toBe(nothing.body.error.code);
    expect((await app.request('GET', '/api/v1/instruments/heuni-from-note/export')).status).toBe(404);
  });

  it('is used by no assessment until published, then by any', async () => {
    const project = await app.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Support to the prison service' },
    });
    const assess = () =>
      app.request('POST', '/api/v1/assessments', {
        token: editor.token,
        body: { instrument: 'heuni-from-note', subject: { type: 'project', id: project.body.id } },
      });
    const refused = await assess();
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([
      { field: 'body.instrument', message: 'no instrument in the library has the key heuni-from-note' },
    ]);
    expect(
      (await app.request('POST', '/api/v1/instruments/heuni-from-note/publish', { token: editor.token }))
        .status,
    ).toBe(403);
    const published = await app.request('POST', '/api/v1/instruments/heuni-from-note/publish', {
      token: admin.token,
    });
    expect(published.status).toBe(200);
    expect(published.body.draft).toBe(false);
    expect(await libraryKeys()).toContain('heuni-from-note');
    const made = await assess();
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.instrument).toEqual({ key: 'heuni-from-note', version: 1 });
  });

  it('makes the nine principles an instrument too, under a key from their name', async () => {
    const res = await fromDocument(admin.token, { document_id: confirmedId, list: 'principles' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const questions = res.body.definition.areas[0].questions as { text: { en: string } }[];
    expect(questions).toHaveLength(9);
    expect(questions.map((q) => q.text.en)).toEqual(
      expect.arrayContaining([
        'Holistic approaches',
        'Country-led programming',
        'Favouring long-term assistance',
      ]),
    );
  });
});
