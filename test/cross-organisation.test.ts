// Proof, generated from the app's own OpenAPI document, that organisation A's private records
// leave through no read path: organisation B, a third organisation and an anonymous visitor call
// every GET endpoint (lists, searches, counts, aggregates, exports in JSON, CSV and Excel, and
// every path with an id, filled with A's hidden ids and with missing ones). None of the private
// records' marker text appears in any reply, and a hidden id gets exactly the reply a missing
// one gets. A GET endpoint with no row in ROUTES fails the test: a new endpoint cannot be
// forgotten. The private records are data (PRIVATE_RECORD_KINDS, test/support/private-records.ts):
// owner-only, shared with a named organisation that is not the reader, public with withheld fields
// (whose values appear nowhere, and which are named in withheld_fields wherever the record shows),
// and deleted (which nobody sees, the owner included, and which answer as missing).
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrgWithEditor, type TestMember } from './support/factories.ts';
import {
  DELETED,
  type Ids,
  MARK,
  noIds,
  PRIVATE_RECORD_KINDS,
  WITHHELD,
  WITHHELD_AMOUNT,
  type World,
} from './support/private-records.ts';
import type { TestApp } from './support/test-app.ts';
import { startTestApp } from './support/test-app.ts';

type Hidden = Ids;

// Several hundred requests each: on a busy machine (two cores shared by the whole suite) a minute is not enough.
const LEAK_CHECK_TIMEOUT_MS = 180_000;

/** How to call one GET endpoint: its path parameters (hidden ids, each with a missing twin) and queries. */
interface Call {
  params?: Record<string, string>;
  /** The same call with a missing id: its reply must equal the hidden one's. */
  twin?: Record<string, string>;
  query?: string;
}
type Fill = (w: World) => Call[];

const idsOf =
  (resource: keyof Hidden, name = 'id'): Fill =>
  (w) =>
    w.hidden[resource].map((id) => ({ params: { [name]: id }, twin: { [name]: randomUUID() } }));
const queries =
  (...qs: string[]): Fill =>
  () =>
    ['', ...qs].map((query) => ({ query }));
const withOrg =
  (...qs: string[]): Fill =>
  (w) =>
    qs.map((q) => ({ query: q.replaceAll('ORG', w.ownerOrg) }));
const both =
  (...fills: Fill[]): Fill =>
  (w) =>
    fills.flatMap((f) => f(w));

/** Every GET endpoint and how to reach A's private records through it. */
const ROUTES: Record<string, Fill> = {
  '/api/v1/auth/me': queries(),
  '/api/v1/organisations': queries(`q=${MARK}`),
  '/api/v1/organisations/{id}': withOrgParam(),
  '/api/v1/organisations/duplicates': both(queries(), withOrg('organisation=ORG')),
  '/api/v1/organisations/{id}/members': withOrgParam(),
  '/api/v1/organisations/{id}/publisher-refs': withOrgParam(),
  '/api/v1/projects': both(
    queries(`q=${MARK}`, 'country=PE', 'theme=organised-crime', 'incomplete=true', 'completeness_below=101'),
    withOrg('organisation=ORG'),
  ),
  '/api/v1/projects/{id}': idsOf('project'),
  '/api/v1/quality/elements': queries(),
  '/api/v1/quality/organisations/{id}': withOrgParam(),
  '/api/v1/projects/{id}/scores': idsOf('project'),
  '/api/v1/documents': queries(),
  '/api/v1/documents/{id}': idsOf('document'),
  '/api/v1/documents/{id}/file': idsOf('document'),
  '/api/v1/documents/{id}/extraction': idsOf('document'),
  '/api/v1/reviews': queries(),
  '/api/v1/reviews/{id}': idsOf('review'),
  '/api/v1/evaluations': queries(),
  '/api/v1/evaluations/{id}': idsOf('evaluation'),
  '/api/v1/evaluations/criteria': queries('by=theme', 'by=region'),
  '/api/v1/recommendations': queries(),
  '/api/v1/recommendations/{id}': idsOf('recommendation'),
  '/api/v1/recommendations/counts': both(queries('theme=organised-crime'), withOrg('organisation_id=ORG')),
  '/api/v1/recommendations/implementation-rate': both(
    queries('by=organisation', 'by=year', 'by=theme', 'by=theme&format=csv'),
    withOrg('by=year&organisation_id=ORG'),
  ),
  '/api/v1/recommendations/recurring': queries('min_projects=2'),
  '/api/v1/lessons': queries(),
  '/api/v1/lessons/{id}': idsOf('lesson'),
  '/api/v1/lessons/recurring': queries('min_projects=2'),
  '/api/v1/meetings': queries(),
  '/api/v1/meetings/{id}': idsOf('meeting'),
  '/api/v1/assessments': both(queries(), (w) =>
    w.hidden.project.map((id) => ({ query: `project_id=${id}` })),
  ),
  '/api/v1/assessments/compare': (w) =>
    w.hidden.assessment.map((id) => ({ query: `ids=${id},${randomUUID()}` })),
  '/api/v1/assessments/{id}': idsOf('assessment'),
  '/api/v1/assessments/{id}/results': both(idsOf('assessment'), (w) =>
    w.hidden.assessment.map((id) => ({ params: { id }, twin: { id: randomUUID() }, query: 'format=csv' })),
  ),
  '/api/v1/assessments/{id}/prefill': idsOf('assessment'),
  '/api/v1/reference/countries': queries(),
  '/api/v1/reference/themes': queries(),
  '/api/v1/reference/dac-codes': queries(),
  '/api/v1/reference/currencies': queries(),
  '/api/v1/reference/lists': queries(),
  '/api/v1/search': queries(`q=${MARK}`, 'q=trafficking', 'country=PE', 'kind=lesson'),
  '/api/v1/coordination/matrix': queries('format=csv', 'format=xlsx', 'country=PE', 'dimensions=country'),
  '/api/v1/coordination/map': queries(),
  '/api/v1/coordination/summary': queries('country=PE'),
  '/api/v1/coordination/gaps': queries(),
  '/api/v1/coordination/timeline': queries('country=PE'),
  '/api/v1/coordination/duplicates': (w) => w.hidden.project.map((id) => ({ query: `project_id=${id}` })),
  '/api/v1/countries/{code}/brief': () => [
    { params: { code: 'PE' } },
    { params: { code: 'PE' }, query: 'format=html' },
  ],
  '/api/v1/tokens': queries(),
  '/api/v1/audit': withOrg('org_id=ORG', 'org_id=ORG&format=csv'),
  '/api/v1/imports/iati/{id}': () => [{ params: { id: randomUUID() } }],
  '/api/v1/export/iati': both(queries('country=PE'), withOrg('publisher=ORG')),
  '/api/v1/scores/portfolio': queries('by=country', 'by=theme'),
  '/api/v1/reminders/digest': withOrg('organisation=ORG'),
  '/api/v1/reminders/deliveries': withOrg('organisation=ORG'),
  '/api/v1/reminders/preferences': queries(),
  '/api/v1/instruments': queries(),
  '/api/v1/instruments/{key}': () => [{ params: { key: 'heuni-checklist' } }],
  '/api/v1/instruments/{key}/export': () => [{ params: { key: 'heuni-checklist' } }],
  '/api/v1/trash': both(queries('type=project,document'), withOrg('org_id=ORG')),
};

function withOrgParam(): Fill {
  return (w) => [{ params: { id: w.ownerOrg } }];
}

function pathOf(template: string, params: Record<string, string> = {}, query = ''): string {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${template}: no value for {${name}}`);
    return value;
  });
  return query ? `${path}?${query}` : path;
}

/** The reply as text (an Excel workbook as the text of its cells), ids masked for comparison. */
async function replyText(t: TestApp, path: string, token?: string) {
  const res = await fetch(t.baseUrl + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const type = res.headers.get('content-type') ?? '';
  let text: string;
  if (type.includes('spreadsheetml')) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const cells: string[] = [];
    for (const sheet of book.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(String(cell.value));
        });
      });
    text = cells.join('\n');
  } else text = await res.text();
  return {
    status: res.status,
    text,
    masked: text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID'),
  };
}

/** Each reply of every GET endpoint to `readers` holds none of `secrets`; a hidden id answers as a missing one. */
async function expectNothingLeaks(
  w: World,
  readers: [string, string | undefined][],
  secrets: string[],
  skip: (who: string, template: string) => boolean = () => false,
): Promise<number> {
  let requests = 0;
  for (const template of Object.keys(ROUTES)) {
    for (const call of ROUTES[template]!(w)) {
      for (const [who, token] of readers) {
        if (skip(who, template)) continue;
        const label = `${who}: GET ${pathOf(template, call.params, call.query)}`;
        const hidden = await replyText(w.t, pathOf(template, call.params, call.query), token);
        requests++;
        expect(hidden.status, label).toBeLessThan(500);
        for (const secret of secrets) expect(hidden.text, label).not.toContain(secret);
        if (call.twin) {
          const missing = await replyText(w.t, pathOf(template, call.twin, call.query), token);
          requests++;
          expect({ status: hidden.status, body: hidden.masked }, label).toEqual({
            status: missing.status,
            body: missing.masked,
          });
        }
      }
    }
  }
  return requests;
}

describe('organisation A’s private records, read by everyone else through every GET endpoint', () => {
  const world = {} as World;
  let outsiders: [string, string | undefined][];
  let sharedWith: TestMember;
  let ownerAdmin: TestMember;
  let getPaths: string[];
  beforeAll(async () => {
    world.t = await startTestApp();
    const a = await buildOrgWithEditor(world.t.db);
    world.owner = a.editor;
    world.ownerOrg = a.org.id;
    sharedWith = (await buildOrgWithEditor(world.t.db)).editor;
    world.sharedWithOrg = sharedWith.orgId;
    world.hidden = noIds();
    world.deleted = noIds();
    world.restricted = [];
    ownerAdmin = await buildMember(world.t.db, a.org.id, 'admin');
    for (const kind of PRIVATE_RECORD_KINDS) await kind.create(world);
    const b = await buildOrgWithEditor(world.t.db);
    const c = await buildOrgWithEditor(world.t.db);
    const cAdmin = await buildMember(world.t.db, c.org.id, 'admin');
    outsiders = [
      ['organisation B', b.editor.token],
      ['a third organisation (administrator)', cAdmin.token],
      ['anonymous', undefined],
    ];
    const doc = (await world.t.request('GET', '/api/v1/openapi.json')).body;
    getPaths = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
  });
  afterAll(() => world.t.close());

  it('has a row for every GET endpoint of the API document, and none for an endpoint that is gone', () => {
    expect(
      getPaths.filter((p) => !(p in ROUTES)),
      'GET endpoints with no row in ROUTES',
    ).toEqual([]);
    expect(
      Object.keys(ROUTES).filter((p) => !getPaths.includes(p)),
      'rows with no endpoint',
    ).toEqual([]);
  });

  it('the owner does see the marker (the records exist and the search finds them)', async () => {
    const search = await replyText(world.t, `/api/v1/search?q=${MARK}`, world.owner.token);
    expect(search.text).toContain(MARK);
    for (const id of world.hidden.project) {
      const own = await replyText(world.t, `/api/v1/projects/${id}`, world.owner.token);
      expect(own.status).toBe(200);
      expect(own.text).toContain(MARK);
    }
    for (const { kind, id } of world.restricted) {
      const path = kind === 'document' ? `/api/v1/documents/${id}/file` : `/api/v1/${kind}s/${id}`;
      const own = await replyText(world.t, path, world.owner.token);
      expect(own.text, path).toContain(kind === 'project' ? String(WITHHELD_AMOUNT) : WITHHELD);
    }
  });

  it('shows a shared record to the organisation named, without the share list, which is the owner’s', async () => {
    const [, shared] = world.hidden.project;
    const named = await world.t.request('GET', `/api/v1/projects/${shared}`, { token: sharedWith.token });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ visibility: 'shared', shared_with: null });
    expect(named.body.withheld_fields).toContain('shared_with');
    const own = await world.t.request('GET', `/api/v1/projects/${shared}`, { token: world.owner.token });
    expect(own.body).toMatchObject({ shared_with: [world.sharedWithOrg], withheld_fields: [] });
    // Every kind alike, assessments included: the second of each kind is the shared one.
    for (const [kind, ids] of Object.entries(world.hidden)) {
      const res = await world.t.request('GET', `/api/v1/${kind}s/${ids[1]}`, { token: sharedWith.token });
      expect([kind, res.status, res.body.visibility, res.body.shared_with]).toEqual([
        kind,
        200,
        'shared',
        null,
      ]);
      expect(res.body.withheld_fields, kind).toContain('shared_with');
    }
  });

  it('names the withheld fields wherever a field-restricted record shows, search hits included', async () => {
    for (const [who, token] of outsiders) {
      for (const { kind, id, fields } of world.restricted) {
        const res = await world.t.request('GET', `/api/v1/${kind}s/${id}`, { token });
        expect([who, kind, res.status, res.body.withheld_fields]).toEqual([who, kind, 200, fields]);
        for (const field of fields)
          if (field in res.body) expect(res.body[field], `${who} ${kind}.${field}`).toBeNull();
      }
      const hits = (await world.t.request('GET', '/api/v1/search?q=public+hearing', { token })).body.items;
      const byId = new Map(
        hits.map((h: { id: string; withheld_fields: string[] }) => [h.id, h.withheld_fields]),
      );
      for (const { id, fields } of world.restricted.filter(
        (r) => r.kind !== 'project' && r.kind !== 'review',
      ))
        expect([who, byId.get(id)]).toEqual([who, fields]);
      const listed = (await world.t.request('GET', '/api/v1/projects?country=PE', { token })).body.items;
      const project = world.restricted.find((r) => r.kind === 'project')!;
      expect(listed.find((p: { id: string }) => p.id === project.id)?.withheld_fields, who).toEqual([
        'budget',
      ]);
    }
  });

  it(
    'shows none of their content to B, a third organisation or a visitor; hidden answers as missing',
    async () => {
      const secrets = [MARK, WITHHELD, String(WITHHELD_AMOUNT), WITHHELD_AMOUNT.toLocaleString('en')];
      expect(await expectNothingLeaks(world, outsiders, secrets)).toBeGreaterThan(150);
    },
    LEAK_CHECK_TIMEOUT_MS,
  );

  it(
    'shows deleted records to nobody, the owner included, and answers their ids as missing ones',
    async () => {
      const everyone: [string, string | undefined][] = [
        ...outsiders,
        ['the owner’s editor', world.owner.token],
        ['the owner’s administrator', ownerAdmin.token],
      ];
      // The owner's deleted records list and audit trail name them: that is what they are for.
      const ownersOwn = (who: string, template: string) =>
        who.startsWith('the owner') && ['/api/v1/trash', '/api/v1/audit'].includes(template);
      const deletedWorld = { ...world, hidden: world.deleted };
      expect(await expectNothingLeaks(deletedWorld, everyone, [DELETED], ownersOwn)).toBeGreaterThan(150);
      const trash = await replyText(world.t, '/api/v1/trash', world.owner.token);
      expect(trash.text).toContain(DELETED);
    },
    LEAK_CHECK_TIMEOUT_MS,
  );
});
