// Soft delete: a deleted project (with what belongs to it) and a deleted document leave every read
// at once, the owner's too; the owner's editors list them and restore them for 30 days by the
// server's clock; then the daily purge deletes them for good, with their children and files. Bad
// restores are clear 4xx answers that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildOrgWithEditor,
  buildOrgWithEditorAndAdmin,
  type TestMember,
} from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { ManualClock } from '../reminders/clock.ts';
import { Scheduler } from '../reminders/scheduler.ts';
import { purgeJob } from './trash.service.ts';

const WORD = 'wombatgranite';
const DAY = 86_400_000;

describe('deleting, restoring and purging records', () => {
  const clock = new ManualClock(new Date().toISOString());
  let t: TestApp;
  let editor: TestMember;
  let admin: TestMember;
  let viewerOnly: TestMember;
  let other: TestMember;
  let orgId: string;
  let projectId: string;
  let reviewId: string;
  let documentId: string;
  const fileBytes = Buffer.from(`Field notes on ${WORD} in Cusco.\n`);

  const get = (path: string, token = editor.token) => t.request('GET', path, { token });
  const restore = (type: string, id: string, token = editor.token) =>
    t.request('POST', `/api/v1/trash/${type}/${id}/restore`, { token });
  const trash = async (token = editor.token) =>
    (await get('/api/v1/trash', token)).body.items.map(
      (i: { type: string; id: string }) => `${i.type} ${i.id}`,
    );
  const count = async (table: string, id: string) =>
    (await t.db.query(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE id = ${id}`))[0]!.n;

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    ({ editor, admin } = await buildOrgWithEditorAndAdmin(t.db));
    orgId = editor.orgId;
    viewerOnly = await buildMember(t.db, orgId, 'viewer');
    other = (await buildOrgWithEditor(t.db)).editor;
    const project = await t.request('POST', '/api/v1/projects', {
      token: editor.token,
      body: {
        title: `Probation ${WORD} pilot`,
        visibility: 'shared',
        shared_with: [other.orgId],
        countries: [{ code: 'PE' }],
      },
    });
    expect(project.status, JSON.stringify(project.body)).toBe(201);
    projectId = project.body.id;
    const review = await t.request('POST', '/api/v1/reviews', {
      token: editor.token,
      body: {
        project_id: projectId,
        period_label: '2024/25',
        narrative: `Review of ${WORD}`,
        visibility: 'owner',
      },
    });
    reviewId = review.body.id;
    const doc = await uploadFile(t, 'notes.txt', fileBytes, {
      token: editor.token,
      fields: { visibility: 'public', title: 'Cusco notes' },
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    documentId = doc.body.id;
    expect((await get(`/api/v1/search?q=${WORD}`)).body.items).toHaveLength(3);
    expect((await t.request('DELETE', `/api/v1/projects/${projectId}`, { token: editor.token })).status).toBe(
      204,
    );
    // The trash lists newest first: the document is deleted an hour after the project.
    clock.advanceHours(1);
    expect(
      (await t.request('DELETE', `/api/v1/documents/${documentId}`, { token: editor.token })).status,
    ).toBe(204);
  });
  afterAll(() => t.close());

  it('takes a deleted record out of every read, the owner’s too, as if it were missing', async () => {
    for (const [path, token] of [
      [`/api/v1/projects/${projectId}`, editor.token],
      [`/api/v1/projects/${projectId}`, other.token],
      [`/api/v1/reviews/${reviewId}`, editor.token],
      [`/api/v1/documents/${documentId}`, editor.token],
      [`/api/v1/documents/${documentId}/file`, undefined],
    ] as const) {
      const res = await t.request('GET', path, token ? { token } : {});
      expect(res.status, path).toBe(404);
      expect(res.body.error.message, path).toMatch(/exists, or you may not see it/);
    }
    expect((await get(`/api/v1/search?q=${WORD}`)).body.items).toEqual([]);
    expect((await get(`/api/v1/projects?organisation=${orgId}`)).body.items).toEqual([]);
    expect((await get(`/api/v1/reviews?project_id=${projectId}`)).body.items).toEqual([]);
    const matrix = await get('/api/v1/coordination/matrix?format=csv&country=PE');
    expect(matrix.body).not.toContain(WORD);
    expect((await get(`/api/v1/coordination/summary?country=PE`)).body).toMatchObject({ projects: 0 });
  });

  it('lists the deleted records to their organisation’s editors only, with who deleted them and until when', async () => {
    const page = (await get('/api/v1/trash', admin.token)).body;
    expect(page.restore_days).toBe(30);
    // The review went with its project: restoring the project brings it back, so it is not listed.
    expect(page.items.map((i: { type: string; label: string }) => [i.type, i.label])).toEqual([
      ['document', 'Cusco notes'],
      ['project', `Probation ${WORD} pilot`],
    ]);
    expect(page.items[1]).toMatchObject({
      owner_org: { id: orgId },
      visibility: 'shared',
      deleted_by: { id: editor.userId, name: 'Test User' },
    });
    expect(Date.parse(page.items[1].restorable_until) - Date.parse(page.items[1].deleted_at)).toBe(30 * DAY);
    expect(await trash(other.token)).toEqual([]);
    expect(await trash(viewerOnly.token)).toEqual([]);
    const refused = await get(`/api/v1/trash?org_id=${orgId}`, viewerOnly.token);
    expect(refused.status).toBe(403);
    expect((await t.request('GET', '/api/v1/trash')).status).toBe(401);
  });

  it('refuses a restore of what is not deleted, not yours, taken with its project, or unknown; nothing changes', async () => {
    const before = await trash();
    const cases: [string, string, string | undefined, number, string][] = [
      ['review', reviewId, editor.token, 409, 'deleted_with_project'],
      ['project', projectId, other.token, 404, 'not_found'],
      ['project', projectId, viewerOnly.token, 403, 'forbidden'],
      ['lesson', '00000000-0000-4000-8000-000000000009', editor.token, 404, 'not_found'],
      ['nonsense', projectId, editor.token, 422, 'validation_failed'],
      ['project', projectId, undefined, 401, 'unauthorized'],
    ];
    for (const [type, id, token, status, code] of cases) {
      const res = await t.request('POST', `/api/v1/trash/${type}/${id}/restore`, token ? { token } : {});
      expect([type, res.status, res.body.error.code]).toEqual([type, status, code]);
      expect(res.body.error.message.length).toBeGreaterThan(20);
    }
    expect(await trash()).toEqual(before);
    expect((await get(`/api/v1/projects/${projectId}`)).status).toBe(404);
  });

  it('restores a project with what its deletion took, everywhere at once, and notes both in the trail', async () => {
    const res = await restore('project', projectId);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ type: 'project', id: projectId, label: `Probation ${WORD} pilot` });
    const project = await get(`/api/v1/projects/${projectId}`, other.token);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ visibility: 'shared' });
    expect((await get(`/api/v1/reviews/${reviewId}`)).status).toBe(200);
    expect(
      (await get(`/api/v1/search?q=${WORD}`)).body.items.map((h: { id: string }) => h.id).sort(),
    ).toEqual([projectId, reviewId].sort());
    const again = await restore('project', projectId);
    expect([again.status, again.body.error.code]).toEqual([409, 'not_deleted']);
    const trail = (
      await get(`/api/v1/audit?org_id=${orgId}&record_id=${projectId}&action=delete,restore`, admin.token)
    ).body.items;
    expect(
      trail.map((e: { action: string; record: { label: string } }) => [e.action, e.record.label]),
    ).toEqual([
      ['restore', `Probation ${WORD} pilot`],
      ['delete', `Probation ${WORD} pilot`],
    ]);
  });

  it('refuses the same file uploaded again while its deleted copy can be restored', async () => {
    const res = await uploadFile(t, 'again.txt', fileBytes, { token: editor.token });
    expect([res.status, res.body.error.code, res.body.error.details]).toEqual([
      409,
      'document_deleted',
      { id: documentId },
    ]);
  });

  it('purges what was deleted more than 30 days ago, once, with its file; then it cannot be restored', async () => {
    const scheduler = new Scheduler(t.db, clock, [purgeJob(t.db, clock)]);
    clock.set(new Date(clock.now().getTime() + 29 * DAY).toISOString());
    await scheduler.tick();
    expect(await count('documents', documentId)).toBe(1);
    clock.set(new Date(clock.now().getTime() + 2 * DAY).toISOString().replace(/T.*/, 'T03:00:00Z'));
    const late = await restore('document', documentId);
    expect([late.status, late.body.error.code]).toEqual([409, 'restore_window_closed']);
    const ran = await scheduler.tick();
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatch(/^purge_deleted \d{4}-\d\d-\d\d$/);
    expect(await scheduler.tick()).toEqual([]);
    expect(await count('documents', documentId)).toBe(0);
    const files = await t.db.query(sql`SELECT 1 FROM document_files WHERE document_id = ${documentId}`);
    expect(files).toEqual([]);
    expect(await count('projects', projectId)).toBe(1);
    const gone = await restore('document', documentId);
    expect([gone.status, gone.body.error.code]).toEqual([404, 'not_found']);
    const purged = (await get(`/api/v1/audit?org_id=${orgId}&action=purge`, admin.token)).body.items;
    expect(purged.map((e: { actor: unknown; record: unknown }) => [e.actor, e.record])).toEqual([
      [null, { type: 'document', id: documentId, label: 'Cusco notes', link: null }],
    ]);
    const upload = await uploadFile(t, 'again.txt', fileBytes, { token: editor.token });
    expect(upload.status).toBe(201);
  });
});
