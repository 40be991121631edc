// Reads of owner-only and shared records are in the owner's trail, whatever path they take: every
// GET endpoint of the API document either reads a record the read audit knows (and then a read of
// a record shared with organisation B, by B, adds an entry naming B's reader, the record and the
// path), or exports records (and notes those it includes), or is listed below as reading no single
// record. A new GET endpoint in none of these fails the first test. Public records are not noted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { noIds, PRIVATE_RECORD_KINDS, type World } from '../../test/support/private-records.ts';
import { startTestApp } from '../../test/support/test-app.ts';
import { type AuditedKind, recordReadBy } from './read-paths.ts';

/** GET endpoints that put records of others in a file, each noting the records it included. */
const EXPORTS_WITH_RECORDS = ['/api/v1/export/iati'];

/** GET endpoints that read no single owned record: lists, searches, aggregates, the caller's own. */
const NO_SINGLE_RECORD: Record<string, string> = {
  '/api/v1/auth/me': 'the caller',
  '/api/v1/organisations': 'the public directory',
  '/api/v1/organisations/{id}': 'the public directory',
  '/api/v1/organisations/duplicates': 'the public directory',
  '/api/v1/organisations/{id}/members': 'memberships, for the organisation’s own administrators',
  '/api/v1/organisations/{id}/publisher-refs': 'an organisation’s IATI identifiers',
  '/api/v1/quality/elements': 'reference data',
  '/api/v1/quality/organisations/{id}': 'completeness counts',
  '/api/v1/projects': 'a list',
  '/api/v1/documents': 'a list',
  '/api/v1/reviews': 'a list',
  '/api/v1/evaluations': 'a list',
  '/api/v1/evaluations/criteria': 'an aggregate',
  '/api/v1/recommendations': 'a list',
  '/api/v1/recommendations/counts': 'an aggregate',
  '/api/v1/recommendations/implementation-rate': 'an aggregate (its CSV is an export entry)',
  '/api/v1/recommendations/recurring': 'groups across projects, a list',
  '/api/v1/lessons': 'a list',
  '/api/v1/lessons/recurring': 'groups across projects, a list',
  '/api/v1/meetings': 'a list',
  '/api/v1/assessments': 'a list',
  '/api/v1/reference/countries': 'reference data',
  '/api/v1/reference/themes': 'reference data',
  '/api/v1/reference/dac-codes': 'reference data',
  '/api/v1/reference/currencies': 'reference data',
  '/api/v1/reference/lists': 'reference data',
  '/api/v1/search': 'a list of passages',
  '/api/v1/coordination/matrix': 'an aggregate (its files are export entries)',
  '/api/v1/coordination/map': 'an aggregate',
  '/api/v1/coordination/summary': 'an aggregate',
  '/api/v1/coordination/gaps': 'an aggregate',
  '/api/v1/coordination/timeline': 'an aggregate',
  '/api/v1/countries/{code}/brief': 'a country’s summary, lists of records',
  '/api/v1/tokens': 'the caller’s own tokens',
  '/api/v1/audit': 'the trail itself (its CSV is an export entry)',
  '/api/v1/imports/iati/{id}': 'the caller’s own import job',
  '/api/v1/scores/portfolio': 'an aggregate (its CSV is an export entry)',
  '/api/v1/reminders/digest': 'the caller’s own reminders',
  '/api/v1/reminders/deliveries': 'the caller’s own reminders',
  '/api/v1/reminders/preferences': 'the caller’s own settings',
  '/api/v1/instruments': 'the instruments library, not owned',
  '/api/v1/instruments/{key}': 'the instruments library, not owned',
  '/api/v1/instruments/{key}/export': 'the instruments library, not owned',
  '/api/v1/trash': 'the caller’s own organisation’s deleted records',
};

const asRoute = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

interface Entry {
  id: number;
  action: string;
  entity_id: string | null;
  actor: { id: string } | null;
  record: { type: string; id: string; label: string | null; link: string | null } | null;
  details: { via?: string };
}

describe('reads of owner-only and shared records, in the owner’s audit trail', () => {
  const world = {} as World;
  let reader: TestMember;
  let ownerAdmin: TestMember;
  let getPaths: string[];
  let secondAssessment: string;
  let publicLesson: string;

  beforeAll(async () => {
    world.t = await startTestApp({
      TACIT_IATI_ORG_REF: 'XM-DAC-41146',
      TACIT_IATI_ORG_NAME: 'Registry of the Network',
      TACIT_IATI_ORG_TYPE: '40',
    });
    const a = await buildOrgWithEditor(world.t.db);
    world.owner = a.editor;
    world.ownerOrg = a.org.id;
    ownerAdmin = await buildMember(world.t.db, a.org.id, 'admin');
    reader = (await buildOrgWithEditor(world.t.db)).editor;
    world.sharedWithOrg = reader.orgId;
    world.hidden = noIds();
    world.deleted = noIds();
    world.restricted = [];
    const shared = PRIVATE_RECORD_KINDS.find((k) => k.name.startsWith('shared with a named organisation'))!;
    await shared.create(world);
    const post = async (path: string, body: Record<string, unknown>) => {
      const res = await world.t.request('POST', path, { token: world.owner.token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    secondAssessment = await post('/api/v1/assessments', {
      instrument: 'heuni-checklist',
      subject: { type: 'project', id: world.hidden.project[0] },
      title: 'Second shared assessment',
      visibility: 'shared',
      shared_with: [reader.orgId],
    });
    publicLesson = await post('/api/v1/lessons', { text: 'A public lesson on bail', visibility: 'public' });
    const doc = (await world.t.request('GET', '/api/v1/openapi.json')).body;
    getPaths = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
  });
  afterAll(() => world.t.close());

  const readsSince = async (after: number): Promise<Entry[]> => {
    const res = await world.t.request('GET', `/api/v1/audit?org_id=${world.ownerOrg}&action=read&limit=500`, {
      token: ownerAdmin.token,
    });
    expect(res.status).toBe(200);
    return (res.body.items as Entry[]).filter((e) => e.id > after);
  };
  const lastId = async () => {
    const res = await world.t.request('GET', `/api/v1/audit?org_id=${world.ownerOrg}&limit=1`, {
      token: ownerAdmin.token,
    });
    return (res.body.items[0]?.id as number | undefined) ?? 0;
  };
  const readAs = async (path: string, token = reader.token) => {
    const res = await fetch(world.t.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBe(200);
    await res.arrayBuffer();
  };

  it('knows, for every GET endpoint, whether it reads a record, exports records or reads none', () => {
    const unknown = getPaths.filter(
      (p) => !recordReadBy(asRoute(p)) && !EXPORTS_WITH_RECORDS.includes(p) && !(p in NO_SINGLE_RECORD),
    );
    expect(unknown, 'GET endpoints the read audit does not know').toEqual([]);
    const gone = [...EXPORTS_WITH_RECORDS, ...Object.keys(NO_SINGLE_RECORD)].filter(
      (p) => !getPaths.includes(p),
    );
    expect(gone, 'rows with no endpoint').toEqual([]);
  });

  it('notes the reader, the record and the path for every path that reads one', async () => {
    const recordPaths = getPaths.filter((p) => recordReadBy(asRoute(p)));
    expect(recordPaths.length).toBeGreaterThanOrEqual(15);
    for (const path of recordPaths) {
      const read = recordReadBy(asRoute(path))!;
      const [id] = world.hidden[read.kind as AuditedKind].slice(-1);
      const ids = read.kind === 'assessment' && read.from === 'query' ? [id!, secondAssessment] : [id!];
      const url =
        read.from === 'params' ? path.replace('{id}', id!) : `${path}?${read.name}=${ids.join(',')}`;
      const before = await lastId();
      await readAs(url, reader.token);
      const added = await readsSince(before);
      for (const recordId of ids)
        expect(
          added.filter(
            (e) =>
              e.actor?.id === reader.userId &&
              e.record?.id === recordId &&
              e.record.type === read.kind &&
              e.record.label !== null &&
              e.details.via === asRoute(path),
          ),
          `${url}: ${JSON.stringify(added)}`,
        ).toHaveLength(1);
    }
  });

  it('notes the shared projects an IATI export puts in its file', async () => {
    const before = await lastId();
    await readAs('/api/v1/export/iati?country=PE');
    const added = await readsSince(before);
    expect(added.map((e) => [e.actor?.id, e.record?.id, e.details.via])).toEqual([
      [reader.userId, world.hidden.project[0], '/api/v1/export/iati'],
    ]);
  });

  it('notes a record once for a reader who opens it again soon, and never a public one', async () => {
    const created = await world.t.request('POST', '/api/v1/lessons', {
      token: world.owner.token,
      body: { text: 'A lesson shared with B', visibility: 'shared', shared_with: [reader.orgId] },
    });
    const lesson = created.body.id as string;
    const before = await lastId();
    await readAs(`/api/v1/lessons/${lesson}`);
    await readAs(`/api/v1/lessons/${lesson}`);
    await readAs(`/api/v1/lessons/${publicLesson}`);
    await readAs(`/api/v1/lessons/${publicLesson}`, world.owner.token);
    const anonymous = await fetch(`${world.t.baseUrl}/api/v1/lessons/${publicLesson}`);
    expect(anonymous.status).toBe(200);
    await readAs(`/api/v1/lessons/${lesson}`, world.owner.token);
    const added = await readsSince(before);
    // The reader's second look within minutes adds nothing; the owner's own editor is noted too.
    expect(added.map((e) => [e.actor?.id, e.record?.id]).reverse()).toEqual([
      [reader.userId, lesson],
      [world.owner.userId, lesson],
    ]);
  });
});
