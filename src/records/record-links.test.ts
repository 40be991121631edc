// A record linked to a document or a source record another organisation keeps hidden fails
// exactly as one linked to a record that does not exist: a 422 naming the field, nothing stored,
// and no database constraint named anywhere.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { DOCUMENTS_DIR } from '../../test/support/fixtures.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { sql } from '../db/sql.ts';
import { fromDatabaseError } from '../server/database-errors.ts';

const MISSING = '00000000-0000-4000-8000-000000000001';

describe('links to documents and source records', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let hiddenDocument: string;
  let hiddenReview: string;
  let outsiderProject: string;

  beforeAll(async () => {
    t = await startTestApp();
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const bytes = fs.readFileSync(path.join(DOCUMENTS_DIR, 'meeting-report-crimjust-integrity.txt'));
    const doc = await uploadFile(t, 'meeting.txt', bytes, { token: owner.token });
    expect(doc.body.visibility).toBe('owner');
    hiddenDocument = doc.body.id;
    const project = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title: 'Owner project', visibility: 'owner' },
    });
    const review = await t.request('POST', '/api/v1/reviews', {
      token: owner.token,
      body: { project_id: project.body.id, visibility: 'owner', overall_score: 'A' },
    });
    expect(review.status).toBe(201);
    hiddenReview = review.body.id;
    outsiderProject = (
      await t.request('POST', '/api/v1/projects', {
        token: outsider.token,
        body: { title: 'Outsider project' },
      })
    ).body.id;
  });
  afterAll(() => t.close());

  /** The reply with the id sent taken out, so a hidden and a missing id can be compared. */
  async function attempt(method: string, url: string, body: Record<string, unknown>, id: string) {
    const res = await t.request(method, url, { token: outsider.token, body });
    return { status: res.status, body: JSON.parse(JSON.stringify(res.body).replaceAll(id, '<id>')) };
  }

  const stored = async (table: string) =>
    (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n;

  it.each([
    ['reviews', { project_id: '', overall_score: 'B' }],
    ['evaluations', { project_id: '', title: 'Evaluation' }],
    ['meetings', { title: 'Meeting' }],
  ])('refuses %s linked to a hidden document exactly like a missing one', async (resource, base) => {
    const body = { ...base, ...('project_id' in base ? { project_id: outsiderProject } : {}) };
    const before = await stored(resource);
    const hidden = await attempt(
      'POST',
      `/api/v1/${resource}`,
      { ...body, document_id: hiddenDocument },
      hiddenDocument,
    );
    const missing = await attempt('POST', `/api/v1/${resource}`, { ...body, document_id: MISSING }, MISSING);
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(422);
    expect(hidden.body.error.details[0].field).toBe('document_id');
    expect(JSON.stringify(hidden.body)).not.toMatch(/_fkey|_key|violates|constraint/);
    expect(await stored(resource)).toBe(before);
  });

  it.each(['recommendations', 'lessons'])(
    'refuses %s whose source is hidden exactly like a missing one',
    async (resource) => {
      const body = {
        text: 'Keep the prosecutors in the room',
        source_type: 'review',
        project_id: outsiderProject,
      };
      const before = await stored(resource);
      const hidden = await attempt(
        'POST',
        `/api/v1/${resource}`,
        { ...body, source_id: hiddenReview },
        hiddenReview,
      );
      const missing = await attempt('POST', `/api/v1/${resource}`, { ...body, source_id: MISSING }, MISSING);
      expect(hidden).toEqual(missing);
      expect(hidden).toMatchObject({ status: 422, body: { error: { details: [{ field: 'source_id' }] } } });
      const untyped = await t.request('POST', `/api/v1/${resource}`, {
        token: outsider.token,
        body: { text: 'No type', source_id: MISSING },
      });
      expect(untyped.status).toBe(422);
      expect(untyped.body.error.details[0].field).toBe('source_type');
      expect(await stored(resource)).toBe(before);
    },
  );

  it('lets the owner link its own document and source, and an update to a hidden one changes nothing', async () => {
    const rec = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: { text: 'Own source', source_type: 'review', source_id: hiddenReview },
    });
    expect(rec.status).toBe(201);
    const meeting = await t.request('POST', '/api/v1/meetings', {
      token: owner.token,
      body: { title: 'Own meeting', document_id: hiddenDocument },
    });
    expect(meeting.status).toBe(201);
    const mine = await t.request('POST', '/api/v1/meetings', {
      token: outsider.token,
      body: { title: 'Mine' },
    });
    const changed = await t.request('PATCH', `/api/v1/meetings/${mine.body.id}`, {
      token: outsider.token,
      body: { document_id: hiddenDocument, version: 1 },
    });
    expect(changed.status).toBe(422);
    const after = await t.request('GET', `/api/v1/meetings/${mine.body.id}`, { token: outsider.token });
    expect(after.body).toMatchObject({ document_id: null, version: 1 });
  });

  it('words a constraint the engine reports by its field, never by its name', async () => {
    const err = await t.db
      .query(
        sql`INSERT INTO meetings (owner_org_id, title, document_id) VALUES (${outsider.orgId}, 'x', ${MISSING})`,
      )
      .catch((e: unknown) => e);
    const mapped = fromDatabaseError(err);
    expect(mapped).toMatchObject({ status: 422, details: [{ field: 'document_id' }] });
    expect(mapped!.message).toMatch(/^document_id: /);
    expect(JSON.stringify({ m: mapped!.message, d: mapped!.details })).not.toMatch(/_fkey|constraint/);
  });
});
