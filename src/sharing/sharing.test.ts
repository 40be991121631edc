// Sharing with named organisations and embargoes, through the one access filter: a record shared
// only with organisation C is C's to read, list, search, count and export, and nobody else's (B, a
// third organisation D, anonymous visitors), who cannot tell it from a missing one. An embargo
// publishes a record on its day by the server's clock. Bad sharing input is a 422 naming the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { dayOf, ManualClock } from '../reminders/clock.ts';
import { Scheduler } from '../reminders/scheduler.ts';
import { embargoJob } from './sharing.service.ts';

const WORD = 'quokkafeldspar';
const INSTALLATION_REPORTER = {
  TACIT_IATI_ORG_REF: 'XM-DAC-41146',
  TACIT_IATI_ORG_NAME: 'Tacit test network',
  TACIT_IATI_ORG_TYPE: '40',
};
const IDENTIFIER = 'XM-TACIT-QUOKKA-1';
const MISSING = '00000000-0000-4000-8000-000000000001';
const dayAfter = (days: number) => dayOf(new Date(Date.now() + days * 86_400_000));

describe('records shared with named organisations, and embargoes', () => {
  let app: TestApp;
  let owner: TestMember;
  let ownerName: string;
  let b: TestMember;
  let c: TestMember;
  let d: TestMember;
  let projectId: string;
  let lessonId: string;
  let documentId: string;
  /** The readers who may not see what is shared with C: B, a third organisation, anonymous. */
  let outsiders: [string, string | undefined][];

  beforeAll(async () => {
    // The installation reports, as secondary reporter, the projects whose owner has no IATI
    // identifier (these tests' organisations have none): without it the IATI export leaves them out.
    app = await startTestApp(INSTALLATION_REPORTER);
    const a = await buildOrgWithEditor(app.db);
    owner = a.editor;
    ownerName = a.org.name;
    b = (await buildOrgWithEditor(app.db)).editor;
    c = (await buildOrgWithEditor(app.db)).editor;
    d = (await buildOrgWithEditor(app.db)).editor;
    outsiders = [
      ['B', b.token],
      ['D', d.token],
      ['anonymous', undefined],
    ];
    const project = await app.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: `Prison reform with ${WORD}`,
        iati_identifier: IDENTIFIER,
        visibility: 'shared',
        shared_with: [c.orgId],
        countries: [{ code: 'PE' }],
        budget: [{ amount: 250000, currency: 'USD', period_start: '2024-01-01' }],
      },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    expect(project.body).toMatchObject({ visibility: 'shared', shared_with: [c.orgId], embargo_until: null });
    projectId = project.body.id;
    const lesson = await app.request('POST', '/api/v1/lessons', {
      token: owner.token,
      body: {
        text: `Lesson on ${WORD} mediation`,
        visibility: 'shared',
        shared_with: [c.orgId],
        project_id: projectId,
      },
    });
    expect(lesson.status, JSON.stringify(lesson.body)).toBe(201);
    lessonId = lesson.body.id;
    const doc = await uploadFile(app, 'notes.txt', Buffer.from(`Notes on ${WORD} in Lima prisons.\n`), {
      token: owner.token,
      fields: { visibility: 'owner' },
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    documentId = doc.body.id;
    const shared = await app.request('PATCH', `/api/v1/documents/${documentId}`, {
      token: owner.token,
      body: { visibility: 'shared', shared_with: [c.orgId], version: doc.body.version },
    });
    expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    expect(shared.body).toMatchObject({ visibility: 'shared', shared_with: [c.orgId] });
  });
  afterAll(() => app.close());

  const get = (path: string, token?: string) => app.request('GET', path, { token });

  it('lets C read, list, search, count and export them, and the owner too', async () => {
    for (const token of [c.token, owner.token]) {
      expect((await get(`/api/v1/projects/${projectId}`, token)).body.title).toContain(WORD);
      expect((await get(`/api/v1/lessons/${lessonId}`, token)).status).toBe(200);
      expect((await get(`/api/v1/documents/${documentId}`, token)).status).toBe(200);
      expect((await get(`/api/v1/documents/${documentId}/file`, token)).status).toBe(200);
      const listed = (await get('/api/v1/projects?country=PE', token)).body.items.map(
        (p: { id: string }) => p.id,
      );
      expect(listed).toContain(projectId);
      const search = (await get(`/api/v1/search?q=${WORD}`, token)).body;
      expect(search.total).toBe(3);
      expect(search.facets.kind).toEqual(
        expect.arrayContaining([expect.objectContaining({ value: 'project', count: 1 })]),
      );
      const matrix = (await get('/api/v1/coordination/matrix?dimensions=country&country=PE', token)).body;
      expect(matrix.cells).toContainEqual(
        expect.objectContaining({ organisation: ownerName, country: 'PE', projects: 1, budget: 250000 }),
      );
      const csv = (await get('/api/v1/coordination/matrix?dimensions=country&country=PE&format=csv', token))
        .body;
      expect(csv).toContain(ownerName);
      expect((await get('/api/v1/export/iati?country=PE', token)).body).toContain(IDENTIFIER);
    }
  });

  it('shows B, a third organisation and anonymous visitors nothing of them, as if they did not exist', async () => {
    for (const [who, token] of outsiders) {
      for (const [path, id] of [
        ['projects', projectId],
        ['lessons', lessonId],
        ['documents', documentId],
      ] as const) {
        const hidden = await get(`/api/v1/${path}/${id}`, token);
        const missing = await get(`/api/v1/${path}/${MISSING}`, token);
        expect(hidden.status, `${who} ${path}`).toBe(404);
        expect(hidden.body.error.message.replace(id, 'ID')).toBe(
          missing.body.error.message.replace(MISSING, 'ID'),
        );
      }
      expect((await get(`/api/v1/documents/${documentId}/file`, token)).status, who).toBe(404);
      const listed = (await get('/api/v1/projects?country=PE', token)).body.items.map(
        (p: { id: string }) => p.id,
      );
      expect(listed, who).not.toContain(projectId);
      const search = (await get(`/api/v1/search?q=${WORD}`, token)).body;
      expect(search.total, who).toBe(0);
      expect(
        search.facets.kind.every((f: { count: number }) => f.count === 0),
        who,
      ).toBe(true);
      const matrix = (await get('/api/v1/coordination/matrix?dimensions=country&country=PE', token)).body;
      expect(
        matrix.cells.filter((x: { organisation: string }) => x.organisation === ownerName),
        who,
      ).toEqual([]);
      const csv = (await get('/api/v1/coordination/matrix?dimensions=country&country=PE&format=csv', token))
        .body;
      expect(csv, who).not.toContain(ownerName);
      expect((await get('/api/v1/export/iati?country=PE', token)).body, who).not.toContain(IDENTIFIER);
    }
  });

  it('gives a record the project’s facets only when everyone who sees the record may see the project', async () => {
    // A network lesson on the shared project: B sees the lesson, so it must not carry the project's country.
    const open = await app.request('POST', '/api/v1/lessons', {
      token: owner.token,
      body: { text: `Open lesson on ${WORD} courts`, visibility: 'network', project_id: projectId },
    });
    expect(open.status).toBe(201);
    const inPeru = async (token: string) =>
      (await get(`/api/v1/search?q=${WORD}&kind=lesson&country=PE`, token)).body.items.map(
        (h: { id: string }) => h.id,
      );
    // The lesson shared with C only is among the project's viewers: it inherits PE.
    expect(await inPeru(c.token)).toEqual([lessonId]);
    expect(await inPeru(b.token)).toEqual([]);
    const forB = (await get(`/api/v1/search?q=${WORD}&kind=lesson`, b.token)).body;
    expect(forB.items.map((h: { id: string; countries: string[] }) => [h.id, h.countries])).toEqual([
      [open.body.id, []],
    ]);
  });

  it('publishes an embargoed record on its day by the server clock, everywhere at once', async () => {
    const until = dayAfter(2);
    const created = await app.request('POST', '/api/v1/lessons', {
      token: owner.token,
      body: { text: `Embargoed ${WORD} finding`, visibility: 'owner', embargo_until: until },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ visibility: 'owner', embargo_until: until });
    const id = created.body.id;
    const clock = new ManualClock(`${dayAfter(1)}T12:00:00Z`);
    const scheduler = new Scheduler(app.db, clock, [embargoJob(app.db, clock)]);
    await scheduler.tick();
    expect((await get(`/api/v1/lessons/${id}`)).status).toBe(404);
    clock.set(`${until}T00:30:00Z`);
    expect(await scheduler.tick()).toEqual([`lift_embargoes ${until}`]);
    const published = await get(`/api/v1/lessons/${id}`);
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ visibility: 'public', embargo_until: null, version: 2 });
    const search = (await get(`/api/v1/search?q=${WORD}+finding`)).body;
    expect(search.items.map((h: { id: string }) => h.id)).toEqual([id]);
  });

  it('refuses bad sharing with a 422 naming the field, and stores nothing', async () => {
    const count = async () =>
      (
        await app.db.query<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM projects WHERE title = 'Refused share'`,
        )
      )[0]!.n;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ visibility: 'shared', shared_with: [MISSING] }, 'shared_with', /no organisation has the id/],
      [{ visibility: 'shared' }, 'shared_with', /at least one organisation/],
      [{ visibility: 'network', shared_with: [c.orgId] }, 'shared_with', /only with visibility 'shared'/],
      [{ visibility: 'owner', embargo_until: '2020-01-01' }, 'embargo_until', /must be a future date/],
      [{ visibility: 'public', embargo_until: dayAfter(5) }, 'embargo_until', /already published/],
      [{ visibility: 'shared', shared_with: ['not-an-id'] }, 'body.shared_with.0', /UUID/],
    ];
    for (const [body, field, message] of cases) {
      const res = await app.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title: 'Refused share', ...body },
      });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.details[0].message).toMatch(message);
    }
    expect(await count()).toBe(0);
    const before = (await get(`/api/v1/lessons/${lessonId}`, owner.token)).body;
    const res = await app.request('PATCH', `/api/v1/lessons/${lessonId}`, {
      token: owner.token,
      body: { shared_with: [c.orgId, MISSING], version: before.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details[0].field).toBe('shared_with');
    expect((await get(`/api/v1/lessons/${lessonId}`, owner.token)).body).toEqual(before);
  });
});
