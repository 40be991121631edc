// A user in several organisations acts for one at a time when the request names it in
// X-Tacit-Organisation: they see that organisation's owner-only records and not the other's, and
// write for it only. Naming an organisation they do not belong to is refused and changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMember, buildOrganisation } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { authService } from '../auth/auth.service.ts';

describe('acting for one organisation (X-Tacit-Organisation)', () => {
  let t: TestApp;
  let token: string;
  let orgA: string;
  let orgB: string;
  let projectA: string;
  let projectB: string;
  beforeAll(async () => {
    t = await startTestApp();
    orgA = (await buildOrganisation(t.db)).id;
    orgB = (await buildOrganisation(t.db)).id;
    const member = await buildMember(t.db, orgA, 'editor');
    await authService.addMembership(t.db, member.userId, orgB, 'viewer');
    token = member.token;
    const create = async (owner: string, title: string) =>
      (
        await t.request('POST', '/api/v1/projects', {
          token: (await buildMember(t.db, owner, 'editor')).token,
          body: { title, owner_org_id: owner, visibility: 'owner' },
        })
      ).body.id as string;
    projectA = await create(orgA, 'Owner-only of A');
    projectB = await create(orgB, 'Owner-only of B');
  });
  afterAll(() => t.close());

  const as = (org?: string) => ({ token, ...(org ? { headers: { 'x-tacit-organisation': org } } : {}) });

  it('sees every organisation’s owner-only records without the header, and one’s with it', async () => {
    const titles = async (org?: string) =>
      (await t.request('GET', '/api/v1/projects', as(org))).body.items.map((p: { title: string }) => p.title);
    expect(await titles()).toEqual(expect.arrayContaining(['Owner-only of A', 'Owner-only of B']));
    expect(await titles(orgA)).toContain('Owner-only of A');
    expect(await titles(orgA)).not.toContain('Owner-only of B');
    expect(await titles(orgB)).toContain('Owner-only of B');
    expect(await titles(orgB)).not.toContain('Owner-only of A');
    expect((await t.request('GET', `/api/v1/projects/${projectB}`, as(orgA))).status).toBe(404);
    expect((await t.request('GET', `/api/v1/projects/${projectA}`, as(orgA))).status).toBe(200);
  });

  it('writes with the role it has in the organisation it acts for', async () => {
    const forB = await t.request('POST', '/api/v1/projects', {
      ...as(orgB),
      body: { title: 'Written for B by a viewer of B', owner_org_id: orgB },
    });
    expect(forB.status).toBe(403);
    const aAsB = await t.request('POST', '/api/v1/projects', {
      ...as(orgB),
      body: { title: 'Written for A while acting for B', owner_org_id: orgA },
    });
    expect(aAsB.status).toBe(403);
    const forA = await t.request('POST', '/api/v1/projects', {
      ...as(orgA),
      body: { title: 'Written for A', owner_org_id: orgA },
    });
    expect(forA.status).toBe(201);
    const titles = (await t.request('GET', '/api/v1/projects', as())).body.items.map(
      (p: { title: string }) => p.title,
    );
    expect(titles).not.toContain('Written for B by a viewer of B');
    expect(titles).not.toContain('Written for A while acting for B');
  });

  it('refuses an organisation the user is not a member of (403) and a value that is no id (422)', async () => {
    const stranger = await t.request('GET', '/api/v1/projects', as(randomUUID()));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.message).toContain('X-Tacit-Organisation');
    const anonymous = await t.request('GET', '/api/v1/projects', {
      headers: { 'x-tacit-organisation': orgA },
    });
    expect(anonymous.status).toBe(403);
    const garbage = await t.request('GET', '/api/v1/projects', as('not-an-id'));
    expect(garbage.status).toBe(422);
    expect(garbage.body.error.details[0].field).toBe('headers.x-tacit-organisation');
    const write = await t.request('POST', '/api/v1/projects', {
      ...as(randomUUID()),
      body: { title: 'Never stored', owner_org_id: orgA },
    });
    expect(write.status).toBe(403);
    const titles = (await t.request('GET', '/api/v1/projects', as())).body.items.map(
      (p: { title: string }) => p.title,
    );
    expect(titles).not.toContain('Never stored');
  });
});
