// An organisation's sharing defaults: read with the organisation, changed by its administrators
// only (with the audit trail), and applied to every new record and document that names no
// visibility, through the API, document confirmation and `tacit import`.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { importDocuments } from '../documents/import/import.service.ts';

const MEETING_REPORT = path.join(DOCUMENTS_DIR, 'meeting-report-crimjust-integrity.txt');

describe('sharing defaults', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** An organisation with an administrator and an editor, its defaults set by the administrator. */
  async function orgWithDefaults(defaults: Record<string, string>) {
    const { org, editor } = await buildOrgWithEditor(t.db, { aliases: ['Sharing Test Agency'] });
    const admin = await buildMember(t.db, org.id, 'admin');
    const res = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token: admin.token,
      body: { ...defaults, version: org.version },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return { org: res.body, admin, editor };
  }
  const read = async (what: string, id: string, member: TestMember) =>
    (await t.request('GET', `/api/v1/${what}/${id}`, { token: member.token })).body;

  it('are read with the organisation, and start as network for records and owner for documents', async () => {
    const { org } = await buildOrgWithEditor(t.db);
    const res = await t.request('GET', `/api/v1/organisations/${org.id}`);
    expect(res.body).toMatchObject({ default_visibility: 'network', default_document_visibility: 'owner' });
  });

  it('are changed by an administrator, leaving the other fields alone, with an audit entry', async () => {
    const { org, admin } = await orgWithDefaults({
      default_visibility: 'owner',
      default_document_visibility: 'network',
    });
    expect(org).toMatchObject({
      default_visibility: 'owner',
      default_document_visibility: 'network',
      aliases: ['Sharing Test Agency'],
      type: 'donor_government',
      version: 2,
    });
    const audit = await t.request('GET', `/api/v1/audit?org_id=${org.id}`, { token: admin.token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      entity_type: 'organisation',
      entity_id: org.id,
      user_email: admin.email,
      details: {
        sharing_defaults: {
          default_visibility: { from: 'network', to: 'owner' },
          default_document_visibility: { from: 'owner', to: 'network' },
        },
      },
    });
  });

  it('may not be changed by editors, viewers, other organisations or read-only tokens; nothing changes', async () => {
    const { org, admin, editor } = await orgWithDefaults({ default_visibility: 'public' });
    const viewer = await buildMember(t.db, org.id, 'viewer');
    const otherAdmin = await buildMember(t.db, (await buildOrgWithEditor(t.db)).org.id, 'admin');
    const change = { default_visibility: 'owner', name: 'Renamed By Someone', version: org.version };
    for (const token of [editor.token, viewer.token, otherAdmin.token, admin.readToken]) {
      const res = await t.request('PATCH', `/api/v1/organisations/${org.id}`, { token, body: change });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    const asEditor = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
      token: editor.token,
      body: change,
    });
    expect(asEditor.body.error.message).toContain(
      `Only administrators of ${org.name} may change its sharing defaults`,
    );
    const anonymous = await t.request('PATCH', `/api/v1/organisations/${org.id}`, { body: change });
    expect(anonymous.status).toBe(401);
    const after = await t.request('GET', `/api/v1/organisations/${org.id}`);
    expect(after.body).toMatchObject({
      name: org.name,
      default_visibility: 'public',
      default_document_visibility: 'owner',
      version: org.version,
    });
  });

  it('refuses a value that is not a visibility, naming the field, and changes nothing', async () => {
    const { org, admin } = await orgWithDefaults({ default_document_visibility: 'network' });
    for (const [field, value] of [
      ['default_visibility', 'everyone'],
      ['default_document_visibility', 'shared'],
    ]) {
      const res = await t.request('PATCH', `/api/v1/organisations/${org.id}`, {
        token: admin.token,
        body: { [field as string]: value, acronym: 'CHANGED', version: org.version },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toEqual([
        { field: `body.${field}`, message: 'must be one of public, network or owner' },
      ]);
    }
    const after = await t.request('GET', `/api/v1/organisations/${org.id}`);
    expect(after.body).toMatchObject({
      acronym: null,
      default_visibility: 'network',
      default_document_visibility: 'network',
      version: org.version,
    });
  });

  it('apply to projects, records and documents created without a visibility; an explicit one wins', async () => {
    const { editor } = await orgWithDefaults({
      default_visibility: 'owner',
      default_document_visibility: 'network',
    });
    const outsider = (await buildOrgWithEditor(t.db)).editor;
    const project = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Defaulted prison reform project', countries: ['PE'] },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body.visibility).toBe('owner');
    const recommendation = await t.request('POST', '/api/v1/recommendations', {
      token: editor.token,
      body: { project_id: project.body.id, text: 'Train the prison staff on the new rules.' },
    });
    expect(recommendation.status, JSON.stringify(recommendation.body)).toBe(201);
    expect(recommendation.body.visibility).toBe('owner');
    const document = await uploadFile(t, 'note.txt', Buffer.from('A short note on prison reform in Peru.'), {
      token: editor.token,
    });
    expect(document.status).toBe(201);
    expect(document.body.visibility).toBe('network');

    // What the owner-only default keeps from the organisation, another organisation cannot see.
    for (const [what, id] of [
      ['projects', project.body.id],
      ['recommendations', recommendation.body.id],
    ])
      expect((await t.request('GET', `/api/v1/${what}/${id}`, { token: outsider.token })).status).toBe(404);
    const list = await t.request('GET', '/api/v1/projects?country=PE&limit=200', { token: outsider.token });
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(project.body.id);
    expect((await read('documents', document.body.id, outsider)).id).toBe(document.body.id);

    const explicit = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: { title: 'Explicitly public project', visibility: 'public' },
    });
    expect(explicit.body.visibility).toBe('public');
    const explicitDoc = await uploadFile(t, 'private.txt', Buffer.from('A private note on vetting.'), {
      token: editor.token,
      fields: { visibility: 'owner' },
    });
    expect(explicitDoc.body.visibility).toBe('owner');
  });

  it('apply to records confirmed from a document, never wider than the document', async () => {
    const { editor } = await orgWithDefaults({
      default_visibility: 'public',
      default_document_visibility: 'network',
    });
    const bytes = fs.readFileSync(MEETING_REPORT);
    /** Uploads the meeting report, confirms it as extracted, and gives the visibility of both. */
    const uploadAndConfirm = async (file: Buffer, fields?: Record<string, string>) => {
      const doc = await uploadFile(t, 'meeting.txt', file, { token: editor.token, fields });
      const confirmed = await t.request('POST', `/api/v1/documents/${doc.body.id}/confirm`, {
        token: editor.token,
        body: { record: doc.body.draft.record, version: doc.body.version },
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      const [meetingId] = confirmed.body.confirmation.created.meetings;
      return [doc.body.visibility, (await read('meetings', meetingId, editor)).visibility];
    };
    expect(await uploadAndConfirm(bytes)).toEqual(['network', 'network']);
    const changed = Buffer.concat([bytes, Buffer.from('\n')]);
    expect(await uploadAndConfirm(changed, { visibility: 'public' })).toEqual(['public', 'public']);
  });

  it('apply to documents and records stored by tacit import without --visibility', async () => {
    const { org, editor } = await orgWithDefaults({
      default_visibility: 'owner',
      default_document_visibility: 'network',
    });
    const report = await importDocuments(t.db, [MEETING_REPORT], {
      ownerOrgId: org.id,
      confirm: true,
      workers: 1,
    });
    expect(report.failed).toEqual([]);
    const documentId = report.documents[0]!.id;
    expect((await read('documents', documentId, editor)).visibility).toBe('network');
    const extraction = await read(`documents/${documentId}`, 'extraction', editor);
    const [meetingId] = extraction.confirmation.created.meetings;
    expect((await read('meetings', meetingId, editor)).visibility).toBe('owner');
  });
});
