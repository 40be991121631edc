import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildOrganisation,
  buildOrgWithEditor,
  type TestMember,
} from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

const peruColombia = {
  code: 'SOC-PECO',
  title: 'Peru/Colombia Serious and Organised Crime (SOC)',
  start: '2015-04',
  end: '2020-03',
  countries: ['PE', { code: 'CO', share: 40 }],
  themes: ['organised-crime', 'corruption'],
  dac_codes: ['15113'],
  budget: [{ amount: 2300000, currency: 'GBP', category: 'ODA' }],
  outputs: [
    { number: 1, title: 'Law Enforcement', score: 'A' },
    { number: 2, title: 'Law Enforcement Prosecutor relations', score: 'B+' },
  ],
  outcome: { statement: 'Strong cooperation with Colombia', score: 'A' },
};

describe('projects API', () => {
  let t: TestApp;
  let owner: TestMember;
  let ownerOrgId: string;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp();
    const a = await buildOrgWithEditor(t.db);
    owner = a.editor;
    ownerOrgId = a.org.id;
    outsider = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  async function create(body: Record<string, unknown>, token = owner.token) {
    const res = await t.request('POST', '/api/v1/projects', { token, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  it('stores a project with every part and gives it back as it was given', async () => {
    const partner = await buildOrganisation(t.db, {
      name: 'Crown Prosecution Service T1',
      acronym: 'CPST1',
      aliases: ['UK CPS T1'],
    });
    const p = await create({
      ...peruColombia,
      code: 'SOC-1',
      participants: [{ name: 'UK CPS T1', role: 'partner' }],
    });
    expect(p).toMatchObject({
      code: 'SOC-1',
      owner_org: { id: ownerOrgId },
      visibility: 'network',
      status: 'active',
      period: { start: '2015-04', end: '2020-03', ongoing: false },
      themes: ['organised-crime', 'corruption'],
      budget: [{ amount: 2300000, currency: 'GBP', category: 'ODA' }],
      outputs: [
        { number: 1, title: 'Law Enforcement', score: 'A' },
        { number: 2, score: 'B+' },
      ],
      outcome: { statement: 'Strong cooperation with Colombia', score: 'A' },
      participants: [{ org_id: partner.id, acronym: 'CPST1', role: 'partner' }],
      dac_codes: [{ code: '15113', name: 'Anti-corruption organisations and institutions' }],
      version: 1,
    });
    expect(p.countries).toEqual([
      { code: 'CO', name: 'Colombia', share: 40 },
      { code: 'PE', name: 'Peru', share: null },
    ]);
    const again = await t.request('GET', `/api/v1/projects/${p.id}`, { token: owner.token });
    expect(again.body).toEqual(p);
  });

  it('shows public projects to everyone, network ones to members, owner ones to the owner only', async () => {
    const pub = await create({ title: 'Public project V', visibility: 'public' });
    const net = await create({ title: 'Network project V', visibility: 'network' });
    const own = await create({ title: 'Owner-only project V', visibility: 'owner' });
    const seen = async (token?: string) => {
      const res = await t.request('GET', '/api/v1/projects?q=project%20V&limit=200', { token });
      return res.body.items.map((p: { id: string }) => p.id).sort();
    };
    expect(await seen()).toEqual([pub.id]);
    expect(await seen(outsider.token)).toEqual([pub.id, net.id].sort());
    expect(await seen(owner.token)).toEqual([pub.id, net.id, own.id].sort());
    expect((await t.request('GET', `/api/v1/projects/${own.id}`, { token: outsider.token })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/api/v1/projects/${net.id}`)).status).toBe(404);
    // Nor may the outsider change or delete what it cannot see.
    const patch = await t.request('PATCH', `/api/v1/projects/${own.id}`, {
      token: outsider.token,
      body: { title: 'x', version: 1 },
    });
    expect(patch.status).toBe(404);
  });

  it('filters by country, theme, DAC category, status, organisation and dates, and pages with a cursor', async () => {
    const { org, editor } = await buildOrgWithEditor(t.db);
    const a = await create(
      {
        title: 'Filter A',
        countries: ['GT'],
        themes: ['border-security'],
        dac_codes: ['15136'],
        start: '2016-04',
        end: '2018-03',
        status: 'closed',
      },
      editor.token,
    );
    const b = await create(
      { title: 'Filter B', countries: ['GT', 'HN'], themes: ['prosecution'], start: '2019', ongoing: true },
      editor.token,
    );
    const c = await create(
      {
        title: 'Filter C',
        countries: ['HN'],
        themes: ['prosecution'],
        start: '2010-01-01',
        end: '2012-12-31',
      },
      editor.token,
    );
    const ids = async (query: string) =>
      (
        await t.request('GET', `/api/v1/projects?organisation=${org.id}&${query}`, { token: editor.token })
      ).body.items.map((p: { title: string }) => p.title);
    expect(await ids('country=GT')).toEqual(['Filter B', 'Filter A']);
    expect(await ids('country=HN&theme=prosecution')).toEqual(['Filter C', 'Filter B']);
    expect(await ids('dac=151')).toEqual(['Filter A']);
    expect(await ids('status=closed')).toEqual(['Filter A']);
    expect(await ids('from=2017-01-01&to=2017-12-31')).toEqual(['Filter A']);
    expect(await ids('from=2020-01-01')).toEqual(['Filter B']);
    const first = await t.request('GET', `/api/v1/projects?organisation=${org.id}&limit=2`, {
      token: editor.token,
    });
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([c.id, b.id]);
    const second = await t.request(
      'GET',
      `/api/v1/projects?organisation=${org.id}&limit=2&cursor=${first.body.next_cursor}`,
      { token: editor.token },
    );
    expect(second.body.items.map((p: { id: string }) => p.id)).toEqual([a.id]);
    expect(second.body.next_cursor).toBeNull();
  });

  it.each([
    ['an unknown country', { countries: ['XX'] }, 'body.countries.0'],
    ['an unknown theme', { themes: ['gardening'] }, 'body.themes.0'],
    ['an end before the start', { start: '2020-01', end: '2019-12' }, 'body.end'],
    ['a negative amount', { budget: [{ amount: -5, currency: 'GBP' }] }, 'body.budget.0.amount'],
    ['a non-numeric amount', { budget: [{ amount: '2.3m', currency: 'GBP' }] }, 'body.budget.0.amount'],
    ['an unknown currency', { budget: [{ amount: 5, currency: 'GBQ' }] }, 'body.budget.0.currency'],
    ['a score off the scale', { outputs: [{ title: 'x', score: 'D' }] }, 'body.outputs.0.score'],
    ['an impossible date', { start: '2019-02-30' }, 'body.start'],
    [
      'an unregistered partner',
      { participants: [{ name: 'Nobody Agency', role: 'partner' }] },
      'participants.0.name',
    ],
  ])('refuses %s with 422 naming the field, and stores nothing', async (_label, body, field) => {
    const title = `Refused ${Math.random()}`;
    const res = await t.request('POST', '/api/v1/projects', { token: owner.token, body: { title, ...body } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    const list = await t.request('GET', `/api/v1/projects?q=${encodeURIComponent(title)}`, {
      token: owner.token,
    });
    expect(list.body.items).toHaveLength(0);
  });

  it('refuses a duplicate code or IATI identifier with 409', async () => {
    await create({ title: 'Original', code: 'DUP-1', iati_identifier: 'XM-TEST-DUP-1' });
    const code = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title: 'Copy', code: 'dup-1' },
    });
    expect(code.status).toBe(409);
    expect(code.body.error.details.field).toBe('code');
    const iati = await t.request('POST', '/api/v1/projects', {
      token: outsider.token,
      body: { title: 'Copy', iati_identifier: 'XM-TEST-DUP-1' },
    });
    expect(iati.status).toBe(409);
    expect(iati.body.error.details.field).toBe('iati_identifier');
  });

  it('answers an IATI identifier held by a hidden project exactly as one nobody holds', async () => {
    const hidden = await create({
      title: 'Hidden original',
      iati_identifier: 'XM-TEST-HIDDEN-1',
      visibility: 'owner',
    });
    const reply = async (identifier: string) => {
      const res = await t.request('POST', '/api/v1/projects', {
        token: outsider.token,
        body: { title: 'Outsider project', iati_identifier: identifier },
      });
      return { status: res.status, iati_identifier: res.body.iati_identifier, owner: res.body.owner_org?.id };
    };
    const onHidden = await reply('XM-TEST-HIDDEN-1');
    const onMissing = await reply('XM-TEST-NOBODY-1');
    expect(onHidden).toEqual({ ...onMissing, iati_identifier: 'XM-TEST-HIDDEN-1' });
    expect(onHidden.status).toBe(201);
    expect(JSON.stringify(onHidden)).not.toContain(hidden.id);
    const stillHidden = await t.request('GET', `/api/v1/projects/${hidden.id}`, { token: owner.token });
    expect(stillHidden.body).toMatchObject({
      title: 'Hidden original',
      iati_identifier: 'XM-TEST-HIDDEN-1',
      version: 1,
    });
    // Within one organisation an identifier is still held once.
    const again = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title: 'Copy', iati_identifier: 'XM-TEST-HIDDEN-1' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.field).toBe('iati_identifier');
  });

  it('updates with the current version, refuses a stale one and keeps the first change', async () => {
    const p = await create({ title: 'Versioned', countries: ['PE'], themes: ['policing'] });
    const first = await t.request('PATCH', `/api/v1/projects/${p.id}`, {
      token: owner.token,
      body: { version: 1, title: 'Versioned (renamed)', countries: ['PE', 'CO'], status: 'closed' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      title: 'Versioned (renamed)',
      version: 2,
      status: 'closed',
      themes: ['policing'],
    });
    expect(first.body.countries.map((c: { code: string }) => c.code)).toEqual(['CO', 'PE']);
    const stale = await t.request('PATCH', `/api/v1/projects/${p.id}`, {
      token: owner.token,
      body: { version: 1, title: 'Lost update' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict', details: { sent: 1, current: 2 } });
    const now = await t.request('GET', `/api/v1/projects/${p.id}`, { token: owner.token });
    expect(now.body.title).toBe('Versioned (renamed)');
  });

  it('lets viewers and read-only tokens read but not write', async () => {
    const viewer = await buildMember(t.db, ownerOrgId, 'viewer');
    const p = await create({ title: 'Read only check', visibility: 'owner' });
    expect((await t.request('GET', `/api/v1/projects/${p.id}`, { token: viewer.token })).status).toBe(200);
    const byViewer = await t.request('PATCH', `/api/v1/projects/${p.id}`, {
      token: viewer.token,
      body: { title: 'x', version: 1 },
    });
    expect(byViewer.status).toBe(403);
    const byReadToken = await t.request('POST', '/api/v1/projects', {
      token: owner.readToken,
      body: { title: 'x' },
    });
    expect(byReadToken.status).toBe(403);
    expect(byReadToken.body.error.message).toContain('only read');
  });

  it('deletes a project for its editors and answers 404 afterwards', async () => {
    const p = await create({ title: 'To delete' });
    expect(
      (await t.request('DELETE', `/api/v1/projects/${p.id}?version=1`, { token: outsider.token })).status,
    ).toBe(403);
    expect(
      (await t.request('DELETE', `/api/v1/projects/${p.id}?version=1`, { token: owner.token })).status,
    ).toBe(204);
    expect((await t.request('GET', `/api/v1/projects/${p.id}`, { token: owner.token })).status).toBe(404);
  });
});
