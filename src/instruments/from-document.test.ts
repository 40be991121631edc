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

describe('the offer, on reopening the document', () => {
  const extraction = (token: string, id: string) =>
    app.request('GET', `/api/v1/documents/${id}/extraction`, { token });

  it('shows a network administrator each list with the instrument made of it, and nobody else any', async () => {
    const res = await extraction(admin.token, confirmedId);
    expect(res.status).toBe(200);
    const [checklist, principles] = res.body.instrument_offers;
    expect(checklist).toEqual({
      list: 'checklists',
      index: 0,
      name: 'HEUNI checklist',
      items: 14,
      instrument: { key: 'heuni-from-note', draft: false },
    });
    expect(principles).toMatchObject({ list: 'principles', index: 0, items: 9, instrument: { draft: true } });
    expect(principles.instrument.key).not.toBe('heuni-from-note');
    // The document is visible to its organisation's editor, the offer is not.
    const asEditor = await extraction(editor.token, confirmedId);
    expect(asEditor.status).toBe(200);
    expect(asEditor.body.instrument_offers).toEqual([]);
  });

  it('offers a list nothing was made of yet with no instrument', async () => {
    const { id } = await uploadAndConfirm(editor, Buffer.concat([note, Buffer.from('\n\n')]));
    const res = await extraction(admin.token, id);
    expect(res.body.instrument_offers.map((o: { instrument: unknown }) => o.instrument)).toEqual([
      null,
      null,
    ]);
  });
});

describe('a draft from a Spanish document', () => {
  // Our own short note, in Spanish; its reviewer corrected the record to list the checklist.
  const spanishNote = Buffer.from(
    [
      'Nota de antecedentes sobre la eficacia de la asistencia técnica en justicia penal',
      'La reunión examinará cómo los programas de asistencia técnica pueden apoyar mejor a las instituciones nacionales de justicia penal en la prevención del delito.',
      'Los expertos propusieron una lista de verificación para planificar la asistencia de manera que los países la hagan suya y los resultados perduren después del proyecto.',
    ].join('\n\n'),
  );
  const checklist = {
    name: 'Lista de verificación para planificar la asistencia',
    items: [
      { number: 1, text: 'Evaluar las necesidades con las instituciones nacionales' },
      { number: 2, text: 'Averiguar quién más trabaja en el área', description: 'Consultar el registro.' },
    ],
  };

  it('files every text under Spanish, leaves English and French empty, and publishes once translated', async () => {
    const up = await uploadFile(app, 'nota.txt', spanishNote, { token: admin.token });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.language).toBe('es');
    const confirmed = await app.request('POST', `/api/v1/documents/${up.body.id}/confirm`, {
      token: admin.token,
      body: {
        record: { ...up.body.draft.record, kind: 'background_note', checklists: [checklist] },
        version: 1,
      },
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const res = await fromDocument(admin.token, {
      document_id: up.body.id,
      list: 'checklists',
      key: 'lista-es',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const def = res.body.definition;
    expect(def.title).toEqual({ es: 'Lista de verificación para planificar la asistencia' });
    expect(def.source).toEqual({ es: 'nota.txt' });
    expect(Object.keys(def.description)).toEqual(['es']);
    expect(def.areas[0].questions).toEqual([
      expect.objectContaining({ number: '1', text: { es: checklist.items[0]!.text } }),
      expect.objectContaining({
        number: '2',
        text: { es: checklist.items[1]!.text },
        guidance: { es: 'Consultar el registro.' },
      }),
    ]);

    // Untranslated, it stays a draft: publishing names each text without English.
    const refused = await app.request('POST', '/api/v1/instruments/lista-es/publish', { token: admin.token });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual(
      expect.arrayContaining([
        { field: 'definition.title.en', message: 'is required to publish' },
        { field: 'definition.areas.0.questions.1.guidance.en', message: 'is required to publish' },
      ]),
    );
    expect(refused.body.error.details).toHaveLength(7);
    expect(
      (await app.request('GET', '/api/v1/instruments/lista-es', { token: admin.token })).body.draft,
    ).toBe(true);

    const english = (t: { es: string }, en: string) => ({ ...t, en });
    const translated = {
      ...def,
      title: english(def.title, 'Checklist for planning assistance'),
      description: english(def.description, 'Drafted from a Spanish note.'),
      source: english(def.source, 'nota.txt'),
      areas: [
        {
          ...def.areas[0],
          title: english(def.areas[0].title, 'Checklist for planning assistance'),
          questions: def.areas[0].questions.map(
            (q: { text: { es: string }; guidance?: { es: string } }, i: number) => ({
              ...q,
              text: english(q.text, `Item ${i + 1}`),
              ...(q.guidance ? { guidance: english(q.guidance, 'Consult the registry.') } : {}),
            }),
          ),
        },
      ],
    };
    const put = await app.request('PUT', '/api/v1/instruments/lista-es', {
      token: admin.token,
      body: translated,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const published = await app.request('POST', '/api/v1/instruments/lista-es/publish', {
      token: admin.token,
    });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ draft: false, version: 2 });
    expect(published.body.definition.title).toEqual({
      en: 'Checklist for planning assistance',
      es: 'Lista de verificación para planificar la asistencia',
    });
  });
});
