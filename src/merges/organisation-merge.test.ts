// Merging an organisation registered twice, through the API on a real server: every reference moves
// (owned records, participation, share lists, meetings, members, publisher refs, child organisations),
// the names stay as aliases, the merge is audited, and undo restores every row exactly. Bad merges
// (into itself, by someone who does not administer both, making a parent cycle) and a second undo are
// refused with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildOrganisation,
  buildOrgWithEditor,
  type TestMember,
} from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { authService } from '../auth/auth.service.ts';
import { sql } from '../db/sql.ts';
import { ORGANISATION_REFERENCES } from './organisation-merge.repository.ts';

let t: TestApp;
let source: { id: string; name: string };
let target: { id: string; name: string };
let admin: TestMember; // administrator of both
let sourceOnlyAdmin: TestMember;
let sourceEditor: TestMember;
let other: TestMember; // another organisation's editor
const ids: Record<string, string> = {};

/** Every row of every table a merge touches that names either organisation, as text, sorted. */
async function stateOf(): Promise<string[]> {
  const tables = [...new Set(['organisations', ...ORGANISATION_REFERENCES.map((r) => r.table)])];
  const found: string[] = [];
  for (const table of tables) {
    const rows = await t.db.query<{ row: string }>(
      sql`SELECT to_jsonb(x)::text AS row FROM ${sql.raw(table)} x
        WHERE to_jsonb(x)::text LIKE ${`%${source.id}%`} OR to_jsonb(x)::text LIKE ${`%${target.id}%`}`,
    );
    found.push(...rows.map((r) => `${table} ${r.row}`));
  }
  return found.sort();
}

const post = (path: string, token: string, body?: unknown) => t.request('POST', path, { token, body });

beforeAll(async () => {
  t = await startTestApp();
  source = await buildOrganisation(t.db, {
    name: 'Oficina de las Naciones Unidas contra la Droga y el Delito',
    acronym: 'ONUDD',
    iati_ref: 'XM-DAC-41114-ES',
    aliases: ['UNODC Lima'],
  });
  target = await buildOrganisation(t.db, {
    name: 'United Nations Office on Drugs and Crime',
    acronym: 'UNODC',
  });
  admin = await buildMember(t.db, target.id, 'admin');
  await authService.addMembership(t.db, admin.userId, source.id, 'admin');
  sourceOnlyAdmin = await buildMember(t.db, source.id, 'admin');
  sourceEditor = await buildMember(t.db, source.id, 'editor');
  const third = await buildOrgWithEditor(t.db);
  other = third.editor;
  const created = async (who: TestMember, path: string, body: Record<string, unknown>) => {
    const res = await post(path, who.token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  ids.owned = await created(sourceEditor, '/api/v1/projects', {
    title: 'Owner-only programme',
    visibility: 'owner',
  });
  ids.joint = await created(other, '/api/v1/projects', {
    title: 'Joint programme with both spellings',
    visibility: 'shared',
    shared_with: [source.id, target.id],
    participants: [
      { org_id: source.id, role: 'funder' },
      { org_id: target.id, role: 'funder' },
      { org_id: source.id, role: 'implementer' },
    ],
  });
  ids.meeting = await created(other, '/api/v1/meetings', {
    title: 'Coordination meeting',
    organisations: [{ org_id: source.id, role: 'organiser' }, { name: 'Ministry of Justice' }],
  });
  ids.child = (await buildOrganisation(t.db, { name: 'ONUDD Oficina Perú', parent_id: source.id })).id;
  await t.db.query(
    sql`INSERT INTO organisation_publisher_refs (ref, org_id) VALUES ('onudd-es', ${source.id})`,
  );
});
afterAll(() => t.close());

describe('POST /organisations/{id}/merge refuses', () => {
  it('a merge into itself, into a missing organisation, by a non-administrator or one of one side only', async () => {
    const before = await stateOf();
    const cases: [TestMember, string, number, RegExp][] = [
      [admin, source.id, 422, /into.*itself/],
      [admin, '00000000-0000-4000-8000-000000000000', 422, /into.*no organisation/],
      [sourceOnlyAdmin, target.id, 403, /administrator of both/],
      [sourceEditor, target.id, 403, /administrator of both/],
      [other, target.id, 403, /administrator of both/],
    ];
    for (const [who, into, status, message] of cases) {
      const res = await post(`/api/v1/organisations/${source.id}/merge`, who.token, { into });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
    const unknown = await post(`/api/v1/organisations/${source.id}/merge`, admin.token, {
      into: target.id,
      x: 1,
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.message).toMatch(/x/);
    expect(await stateOf()).toEqual(before);
  });

  it('a merge that would make an organisation its own parent', async () => {
    const res = await post(`/api/v1/organisations/${source.id}/merge`, admin.token, { into: ids.child! });
    expect(res.status).toBe(403); // not an administrator of the child
    await authService.addMembership(t.db, admin.userId, ids.child!, 'admin');
    const before = await stateOf();
    const cycle = await post(`/api/v1/organisations/${source.id}/merge`, admin.token, { into: ids.child! });
    expect(cycle.status, JSON.stringify(cycle.body)).toBe(422);
    expect(cycle.body.error.message).toMatch(/its own parent/);
    expect(await stateOf()).toEqual(before);
  });
});

describe('an organisation merge and its undo', () => {
  let before: string[];
  let mergeId: string;

  it('moves every reference, keeps the names as aliases and removes the duplicate', async () => {
    before = await stateOf();
    const res = await post(`/api/v1/organisations/${source.id}/merge`, admin.token, { into: target.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'organisation',
      source: { id: source.id, name: source.name },
      target: { id: target.id, name: target.name },
      undone_at: null,
    });
    mergeId = res.body.id;

    expect((await t.request('GET', `/api/v1/organisations/${source.id}`)).status).toBe(404);
    const merged = (await t.request('GET', `/api/v1/organisations/${target.id}`)).body;
    expect(merged).toMatchObject({ acronym: 'UNODC', iati_ref: 'XM-DAC-41114-ES' });
    expect(merged.aliases).toEqual([source.name, 'ONUDD', 'UNODC Lima']);
    expect((await t.request('GET', `/api/v1/organisations/${ids.child}`)).body.parent_id).toBe(target.id);

    const owned = await t.request('GET', `/api/v1/projects/${ids.owned}`, { token: admin.token });
    expect(owned.body.owner_org).toEqual({ id: target.id, name: target.name });
    const joint = (await t.request('GET', `/api/v1/projects/${ids.joint}`, { token: other.token })).body;
    expect(joint.shared_with).toEqual([target.id]);
    expect(
      joint.participants.map((p: { org_id: string; role: string }) => `${p.org_id} ${p.role}`).sort(),
    ).toEqual([`${target.id} funder`, `${target.id} implementer`]);
    const meeting = (await t.request('GET', `/api/v1/meetings/${ids.meeting}`, { token: other.token })).body;
    expect(meeting.organisations[0]).toMatchObject({ org_id: target.id, role: 'organiser' });
    // The source's editor now works for the target; the administrator of both keeps one membership.
    const members = await t.db.query<{ user_id: string; role: string }>(
      sql`SELECT user_id, role FROM memberships WHERE org_id = ${target.id} ORDER BY role`,
    );
    expect(members).toEqual(
      [
        { user_id: admin.userId, role: 'admin' },
        { user_id: sourceEditor.userId, role: 'editor' },
        { user_id: sourceOnlyAdmin.userId, role: 'admin' },
      ].sort((a, b) => a.role.localeCompare(b.role)),
    );
    const refs = await t.db.query(sql`SELECT org_id FROM organisation_publisher_refs WHERE ref = 'onudd-es'`);
    expect(refs).toEqual([{ org_id: target.id }]);
    expect(await stateOf()).not.toContain(expect.stringContaining(source.id));
  });

  it('audits the merge with the names before and after', async () => {
    const res = await t.request('GET', `/api/v1/audit?org_id=${target.id}&action=merge`, {
      token: admin.token,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0].details).toMatchObject({
      merge_id: mergeId,
      merged: { id: source.id, name: source.name },
      before: { source: { acronym: 'ONUDD' }, target: { aliases: [], iati_ref: null } },
      after: { aliases: [source.name, 'ONUDD', 'UNODC Lima'], iati_ref: 'XM-DAC-41114-ES' },
    });
  });

  it('is undone exactly, once, by an administrator of the organisation that stayed', async () => {
    const denied = await post(`/api/v1/organisations/merges/${mergeId}/undo`, other.token);
    expect(denied.status).toBe(403);
    const res = await post(`/api/v1/organisations/merges/${mergeId}/undo`, admin.token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.undone_at).not.toBeNull();
    const after = await stateOf();
    // Every row is exactly as before; the trail has grown by the merge, its undo and the reads since.
    expect(after.filter((r) => !r.startsWith('audit_log') || before.includes(r))).toEqual(before);
    const again = await post(`/api/v1/organisations/merges/${mergeId}/undo`, admin.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_undone');
    expect(await stateOf()).toEqual(after);
    const missing = await post(
      '/api/v1/organisations/merges/00000000-0000-4000-8000-000000000000/undo',
      admin.token,
    );
    expect(missing.status).toBe(404);
  });
});

describe('the references a merge moves', () => {
  it('include every foreign key to organisations and every share list', async () => {
    const foreign = await t.db.query<{
      ref: string;
    }>(sql`SELECT c.conrelid::regclass::text || '.' || a.attname AS ref
      FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
      WHERE c.contype = 'f' AND c.confrelid = 'organisations'::regclass`);
    const shares = await t.db.query<{ ref: string }>(sql`SELECT table_name || '.' || column_name AS ref
      FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'shared_with'
        AND table_name NOT LIKE 'search%' AND table_name NOT LIKE 'matrix%'`);
    const moved = ORGANISATION_REFERENCES.map((r) => `${r.table}.${r.column}`);
    expect(foreign.length).toBeGreaterThan(15);
    expect([...foreign, ...shares].map((r) => r.ref).filter((r) => !moved.includes(r))).toEqual([]);
  });
});
