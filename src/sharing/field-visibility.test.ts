// Field-level visibility: a public record whose budget, people or file its owner restricts. A
// reader who may see the record but not the field gets the field as null and named in
// withheld_fields, never silently missing; aggregates and exports leave the amount out; the owner
// sees everything. A field the kind cannot restrict is a 422 naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';

const INSTALLATION_REPORTER = {
  TACIT_IATI_ORG_REF: 'XM-DAC-41146',
  TACIT_IATI_ORG_NAME: 'Tacit test network',
  TACIT_IATI_ORG_TYPE: '40',
};
const IDENTIFIER = 'XM-TACIT-WITHHELD-1';
const PERSON = 'Ximena Quispetorre';

describe('fields withheld from readers who may see the record', () => {
  let app: TestApp;
  let owner: TestMember;
  let ownerName: string;
  let other: TestMember;
  let projectId: string;
  let meetingId: string;
  let documentId: string;
  let readers: [string, string | undefined][];

  beforeAll(async () => {
    // The installation reports, as secondary reporter, the projects whose owner has no IATI
    // identifier (these tests' organisations have none): without it the IATI export leaves them out.
    app = await startTestApp(INSTALLATION_REPORTER);
    const a = await buildOrgWithEditor(app.db);
    owner = a.editor;
    ownerName = a.org.name;
    other = (await buildOrgWithEditor(app.db)).editor;
    readers = [
      ['another organisation', other.token],
      ['anonymous', undefined],
    ];
    const project = await app.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Justice sector support, Peru and Colombia',
        iati_identifier: IDENTIFIER,
        visibility: 'public',
        countries: [{ code: 'PE' }],
        budget: [{ amount: 180000, currency: 'USD', period_start: '2024-01-01' }],
        field_visibility: { budget: 'owner' },
      },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    const meeting = await app.request('POST', '/api/v1/meetings', {
      token: owner.token,
      body: {
        title: 'Public hearing on pre-trial detention',
        held_on: '2024-05-02',
        visibility: 'public',
        people: [{ name: PERSON, role: 'judge' }],
        field_visibility: { people: 'owner' },
      },
    });
    expect(meeting.status, JSON.stringify(meeting.body)).toBe(201);
    meetingId = meeting.body.id;
    const doc = await uploadFile(app, 'hearing.txt', Buffer.from('Minutes of the public hearing.\n'), {
      token: owner.token,
      fields: { visibility: 'public' },
    });
    expect(doc.status).toBe(201);
    documentId = doc.body.id;
    const restricted = await app.request('PATCH', `/api/v1/documents/${documentId}`, {
      token: owner.token,
      body: { field_visibility: { file: 'network' }, version: doc.body.version },
    });
    expect(restricted.status, JSON.stringify(restricted.body)).toBe(200);
  });
  afterAll(() => app.close());

  const get = (path: string, token?: string) => app.request('GET', path, { token });

  it('marks the fields withheld on pages and in lists, and shows them to the owner', async () => {
    for (const [who, token] of readers) {
      const project = (await get(`/api/v1/projects/${projectId}`, token)).body;
      expect(project, who).toMatchObject({ budget: null, withheld_fields: ['budget'] });
      const listed = (await get('/api/v1/projects?country=PE', token)).body.items;
      expect(
        listed.find((p: { id: string }) => p.id === projectId),
        who,
      ).toMatchObject({
        budget: null,
        withheld_fields: ['budget'],
      });
      const meeting = (await get(`/api/v1/meetings/${meetingId}`, token)).body;
      expect(meeting, who).toMatchObject({ people: null, withheld_fields: ['people'] });
      expect(JSON.stringify(meeting)).not.toContain(PERSON);
    }
    const own = (await get(`/api/v1/projects/${projectId}`, owner.token)).body;
    expect(own).toMatchObject({ withheld_fields: [], field_visibility: { budget: 'owner' } });
    expect(own.budget).toMatchObject([{ amount: 180000, currency: 'USD' }]);
    const meeting = (await get(`/api/v1/meetings/${meetingId}`, owner.token)).body;
    expect(meeting.people).toEqual([expect.objectContaining({ name: PERSON })]);
  });

  it('serves a withheld file to nobody but those it is shown to', async () => {
    const anonymous = await get(`/api/v1/documents/${documentId}/file`);
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.error).toMatchObject({ code: 'field_withheld', details: { field: 'file' } });
    expect((await get(`/api/v1/documents/${documentId}`)).body.withheld_fields).toEqual(['file']);
    expect((await get(`/api/v1/documents/${documentId}/file`, other.token)).status).toBe(200);
    expect((await get(`/api/v1/documents/${documentId}`, other.token)).body.withheld_fields).toEqual([]);
  });

  it('leaves a withheld budget out of the matrix, its CSV and the IATI export', async () => {
    const cell = async (token?: string) =>
      (await get('/api/v1/coordination/matrix?dimensions=country&country=PE', token)).body.cells.find(
        (c: { organisation: string }) => c.organisation === ownerName,
      );
    const filtered = async (token?: string) =>
      (
        await get('/api/v1/coordination/matrix?dimensions=country&country=PE&year=2024', token)
      ).body.cells.find((c: { organisation: string }) => c.organisation === ownerName);
    for (const [who, token] of readers) {
      expect(await cell(token), who).toMatchObject({ projects: 1, budget: 0 });
      expect(await filtered(token), who).toMatchObject({ projects: 1, budget: 0 });
      const csv = (await get('/api/v1/coordination/matrix?dimensions=country&country=PE&format=csv', token))
        .body;
      expect(csv, who).toContain(ownerName);
      expect(csv, who).not.toContain('180000');
      const xml = (await get('/api/v1/export/iati?country=PE', token)).body;
      expect(xml, who).toContain(IDENTIFIER);
      expect(xml, who).not.toMatch(/<budget[\s>]/);
    }
    expect(await cell(owner.token)).toMatchObject({ projects: 1, budget: 180000 });
    expect(await filtered(owner.token)).toMatchObject({ projects: 1, budget: 180000 });
    expect((await get('/api/v1/export/iati?country=PE', owner.token)).body).toMatch(/<budget[\s>]/);
  });

  it('keeps withheld names out of search and its snippets', async () => {
    for (const token of [owner.token, other.token, undefined]) {
      expect((await get('/api/v1/search?q=Quispetorre', token)).body.total).toBe(0);
      const hits = (await get('/api/v1/search?q=pre-trial+detention', token)).body.items;
      expect(hits.map((h: { id: string }) => h.id)).toEqual([meetingId]);
      expect(hits[0].snippet).not.toContain('Quispetorre');
    }
  });

  it('refuses a field the kind cannot restrict, or an unknown level, naming it, and stores nothing', async () => {
    const count = async () =>
      (
        await app.db.query<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM projects WHERE title = 'Refused'`,
        )
      )[0]!.n;
    for (const [fieldVisibility, field, message] of [
      [{ salary: 'owner' }, 'field_visibility.salary', /name one of: budget/],
      [{ budget: 'everyone' }, 'body.field_visibility.budget', /'network' or 'owner'/],
    ] as const) {
      const res = await app.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title: 'Refused', field_visibility: fieldVisibility },
      });
      expect(res.status).toBe(422);
      expect(res.body.error.details[0]).toMatchObject({ field });
      expect(res.body.error.details[0].message).toMatch(message);
    }
    expect(await count()).toBe(0);
    const before = (await get(`/api/v1/meetings/${meetingId}`, owner.token)).body;
    const res = await app.request('PATCH', `/api/v1/meetings/${meetingId}`, {
      token: owner.token,
      body: { field_visibility: { budget: 'owner' }, version: before.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('field_visibility.budget');
    expect((await get(`/api/v1/meetings/${meetingId}`, owner.token)).body).toEqual(before);
  });
});
