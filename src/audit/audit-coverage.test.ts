// Every kind of audit entry the code writes, each caused by a real request and read back from the
// owner's trail as its administrators see it: by name, with the organisations and filters named.
// The table is keyed by action kind; a kind the code writes with no row here fails the test.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildOrgWithEditor,
  buildOrgWithEditorAndAdmin,
  type TestMember,
} from '../../test/support/factories.ts';
import { startTestApp, type TestApp, uploadFile } from '../../test/support/test-app.ts';
import { ManualClock } from '../reminders/clock.ts';
import { trashService } from '../trash/trash.service.ts';
import { WRITTEN_AUDIT_ACTIONS } from './audit.schema.ts';

type Entry = {
  action: string;
  entity_type: string;
  actor: { id: string } | null;
  record: { label: string | null; link: string | null } | null;
  details: Record<string, unknown>;
};

// Fourteen kinds of request, ten sign-ins among them (argon2): a minute is not enough on a busy machine.
const REQUESTS_TIMEOUT_MS = 180_000;

interface Case {
  /** What the request does, for the failure message. */
  request: string;
  run(): Promise<void>;
  /** The entry the request must add to the owner's trail. */
  expected: (e: Entry) => boolean;
}

describe('the audit trail has an entry for each kind of action', () => {
  const clock = new ManualClock(new Date().toISOString());
  let t: TestApp;
  let admin: TestMember;
  let editor: TestMember;
  let partner: TestMember;
  let partnerName: string;
  /** Signs in wrongly until locked out: an account of its own, so the others still sign in. */
  let lockedOut: TestMember;
  let orgId: string;
  let projectId: string;
  let lessonId: string;
  let mergeId: string;
  const ok = async (method: string, path: string, body?: unknown, token = editor.token) => {
    const res = await t.request(method, path, { token, body });
    expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  const versionOf = async (path: string) => (await ok('GET', path)).version as number;

  beforeAll(async () => {
    t = await startTestApp({}, clock);
    ({ editor, admin } = await buildOrgWithEditorAndAdmin(t.db));
    orgId = editor.orgId;
    lockedOut = await buildMember(t.db, orgId, 'viewer');
    const p = await buildOrgWithEditor(t.db);
    partner = p.editor;
    partnerName = p.org.name;
    projectId = (
      await ok('POST', '/api/v1/projects', { title: 'Audited court programme', visibility: 'owner' })
    ).id;
    lessonId = (await ok('POST', '/api/v1/lessons', { text: 'Audited lesson on bail', visibility: 'owner' }))
      .id;
  });
  afterAll(() => t.close());

  const label = (e: Entry, text: string) => e.record?.label === text;
  const signIn = (email: string, password: string) =>
    t.request('POST', '/api/v1/auth/login', { body: { email, password } });
  const CASES: Record<(typeof WRITTEN_AUDIT_ACTIONS)[number], Case[]> = {
    create: [
      {
        request: 'POST /projects',
        run: () => ok('POST', '/api/v1/projects', { title: 'Created programme' }).then(() => undefined),
        expected: (e) => e.entity_type === 'project' && label(e, 'Created programme'),
      },
      {
        request: 'POST /organisations/{id}/members',
        run: () =>
          ok(
            'POST',
            `/api/v1/organisations/${orgId}/members`,
            { email: 'new@audit.example', role: 'viewer' },
            admin.token,
          ).then(() => undefined),
        expected: (e) => e.entity_type === 'membership',
      },
    ],
    update: [
      {
        request: 'PATCH /projects/{id}',
        run: async () => {
          const version = await versionOf(`/api/v1/projects/${projectId}`);
          await ok('PATCH', `/api/v1/projects/${projectId}`, { version, title: 'Renamed court programme' });
        },
        expected: (e) =>
          label(e, 'Renamed court programme') &&
          isDeepStrictEqual(e.details.changes, {
            title: { before: 'Audited court programme', after: 'Renamed court programme' },
          }),
      },
    ],
    share: [
      {
        request: 'PATCH /projects/{id} visibility shared with a named organisation',
        run: async () => {
          const version = await versionOf(`/api/v1/projects/${projectId}`);
          await ok('PATCH', `/api/v1/projects/${projectId}`, {
            version,
            visibility: 'shared',
            shared_with: [partner.orgId],
          });
        },
        expected: (e) =>
          e.entity_type === 'project' &&
          isDeepStrictEqual((e.details.after as { shared_with: unknown }).shared_with, [
            { id: partner.orgId, name: partnerName },
          ]) &&
          (e.details.before as { visibility: string }).visibility === 'owner',
      },
    ],
    read: [
      {
        request: 'GET /projects/{id} of a shared project, by the organisation it is shared with',
        run: () => ok('GET', `/api/v1/projects/${projectId}`, undefined, partner.token).then(() => undefined),
        expected: (e) => e.actor?.id === partner.userId && label(e, 'Renamed court programme'),
      },
    ],
    export: [
      [
        'GET /coordination/matrix?format=xlsx',
        '/api/v1/coordination/matrix?format=xlsx&country=PE',
        'matrix_xlsx',
      ],
      ['GET /export/iati', '/api/v1/export/iati?country=PE', 'iati_export'],
      ['GET /scores/portfolio?format=csv', '/api/v1/scores/portfolio?by=country&format=csv', 'scores_csv'],
      [
        'GET /recommendations/implementation-rate?format=csv',
        '/api/v1/recommendations/implementation-rate?by=year&format=csv',
        'implementation_rate_csv',
      ],
    ].map(([request, path, what]) => ({
      request: request!,
      run: () => ok('GET', path!).then(() => undefined),
      expected: (e: Entry) => e.entity_type === what && typeof e.details.query === 'object',
    })),
    delete: [
      {
        request: 'DELETE /lessons/{id}',
        run: () => ok('DELETE', `/api/v1/lessons/${lessonId}`).then(() => undefined),
        expected: (e) =>
          e.entity_type === 'lesson' && label(e, 'Audited lesson on bail') && e.record?.link === null,
      },
    ],
    restore: [
      {
        request: 'POST /trash/lesson/{id}/restore',
        run: () => ok('POST', `/api/v1/trash/lesson/${lessonId}/restore`).then(() => undefined),
        expected: (e) => e.entity_type === 'lesson' && e.record?.link === `/lessons/${lessonId}`,
      },
    ],
    purge: [
      {
        request: 'DELETE /lessons/{id}, then the purge job 31 days later',
        run: async () => {
          await ok('DELETE', `/api/v1/lessons/${lessonId}`);
          await trashService.purge(t.db, new Date(clock.now().getTime() + 31 * 86_400_000));
        },
        expected: (e) => e.entity_type === 'lesson' && e.actor === null && label(e, 'Audited lesson on bail'),
      },
    ],
    import: [
      {
        request: 'POST /imports/iati',
        run: async () => {
          const xml = `<iati-activities version="2.03"><iati-activity><iati-identifier>XM-AUDIT-1</iati-identifier></iati-activity></iati-activities>`;
          const res = await uploadFile(t, 'audit-activities.xml', Buffer.from(xml), {
            token: editor.token,
            path: '/api/v1/imports/iati',
          });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
        },
        expected: (e) => e.entity_type === 'iati_import' && label(e, 'audit-activities.xml'),
      },
    ],
    merge: [
      {
        request: 'POST /projects/{id}/merge',
        run: async () => {
          const gone = (await ok('POST', '/api/v1/projects', { title: 'Merged-away programme' })).id;
          const stays = (await ok('POST', '/api/v1/projects', { title: 'Programme that stays' })).id;
          mergeId = (await ok('POST', `/api/v1/projects/${gone}/merge`, { into: stays })).id;
        },
        expected: (e) => e.entity_type === 'project' && label(e, 'Programme that stays'),
      },
    ],
    unmerge: [
      {
        request: 'POST /projects/merges/{id}/undo',
        run: () => ok('POST', `/api/v1/projects/merges/${mergeId}/undo`).then(() => undefined),
        expected: (e) => e.entity_type === 'project',
      },
    ],
    login: [
      {
        request: 'POST /auth/login with the right password',
        run: async () => {
          expect((await signIn(editor.email, editor.password)).status).toBe(200);
        },
        expected: (e) => e.entity_type === 'user' && e.actor?.id === editor.userId,
      },
    ],
    login_failed: [
      {
        request: 'POST /auth/login with a wrong password',
        run: async () => {
          expect((await signIn(editor.email, 'not-the-password')).status).toBe(401);
        },
        expected: (e) =>
          e.actor === null && e.details.email === editor.email && e.details.reason === 'wrong_password',
      },
    ],
    lockout: [
      {
        request: 'POST /auth/login with a wrong password until the account locks',
        run: async () => {
          let status = 0;
          for (let i = 0; i < 10 && status !== 429; i++)
            status = (await signIn(lockedOut.email, `wrong-${i}`)).status;
          expect(status).toBe(429);
        },
        expected: (e) => e.actor === null && e.details.email === lockedOut.email,
      },
    ],
    confirm: [
      {
        request: 'POST /documents/{id}/confirm',
        run: async () => {
          const doc = await uploadFile(
            t,
            'note.txt',
            Buffer.from('Background note on probation in Lima.\n'),
            {
              token: editor.token,
            },
          );
          await ok('POST', `/api/v1/documents/${doc.body.id}/confirm`, {
            record: doc.body.draft.record,
            version: doc.body.version,
          });
        },
        expected: (e) => e.entity_type === 'document',
      },
    ],
  };

  it('has a row for every kind of entry the code writes', () => {
    expect(Object.keys(CASES).sort()).toEqual([...WRITTEN_AUDIT_ACTIONS].sort());
    for (const [action, cases] of Object.entries(CASES)) expect(cases.length, action).toBeGreaterThan(0);
  });

  it(
    'adds the expected entry to the owner’s trail for each request',
    async () => {
      for (const [action, cases] of Object.entries(CASES)) {
        for (const c of cases) {
          const before = (await ok('GET', `/api/v1/audit?org_id=${orgId}&limit=1`, undefined, admin.token))
            .items[0]?.id as number;
          await c.run();
          const trail = await ok(
            'GET',
            `/api/v1/audit?org_id=${orgId}&action=${action}&limit=50`,
            undefined,
            admin.token,
          );
          const added = (trail.items as (Entry & { id: number })[]).filter((e) => e.id > before);
          expect(added.some(c.expected), `${action} ← ${c.request}: ${JSON.stringify(added)}`).toBe(true);
        }
      }
    },
    REQUESTS_TIMEOUT_MS,
  );
});
