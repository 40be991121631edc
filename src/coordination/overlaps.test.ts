import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { addColombianActivity, COLOMBIA_JUDICIAL_REFORM } from './test-registry.ts';

const PERU_COLOMBIA = 'Peru/Colombia Serious and Organised Crime (SOC)';
const XCAX75 =
  'Support to A.B.1 Interinstitutional and Regional Coordination for Border Security in Central America';

describe('overlaps API', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;
  let secretId: string;
  const idOf = new Map<string, string>();

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const secret = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Confidential vetting of Peruvian police internal affairs officers',
        description: 'Anti-corruption training and polygraph vetting for the police internal affairs unit.',
        visibility: 'owner',
        countries: ['PE'],
        themes: ['corruption', 'policing'],
        start: '2024',
        ongoing: true,
        participants: [{ name: 'Fiscalía de la Nación', role: 'beneficiary' }],
      },
    });
    expect(secret.status, JSON.stringify(secret.body)).toBe(201);
    secretId = secret.body.id;
    const list = await t.request('GET', '/api/v1/projects?limit=200');
    for (const p of list.body.items) idOf.set(p.title, p.id);
  });
  afterAll(() => t.close());

  const overlaps = (body: unknown, token?: string) =>
    t.request('POST', '/api/v1/coordination/overlaps', { body, token });
  const titles = (body: { items: { project: { title: string } }[] }) =>
    body.items.map((i) => i.project.title);

  it('lists the Peru/Colombia programme first for a draft on Peruvian police anti-corruption, with why', async () => {
    const res = await overlaps({ title: 'Anti-corruption training for Peruvian police internal affairs' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.draft).toEqual({ countries: ['PE'], themes: ['corruption', 'policing'], dac_codes: [] });
    const first = res.body.items[0];
    expect(first.project.title).toBe(PERU_COLOMBIA);
    expect(first.reasons.countries).toEqual([{ code: 'PE', name: 'Peru' }]);
    expect(first.reasons.themes.map((x: { code: string }) => x.code)).toEqual(['corruption', 'policing']);
    expect(first.likely_duplicate).toBe(false);
  });

  it('finds the IATI activity on Colombian judicial reform from the Peru/Colombia programme', async () => {
    const res = await overlaps({ project_id: idOf.get(PERU_COLOMBIA) });
    const hit = res.body.items.find(
      (i: { project: { title: string } }) => i.project.title === COLOMBIA_JUDICIAL_REFORM,
    );
    expect(hit, JSON.stringify(titles(res.body))).toBeDefined();
    expect(hit.reasons.countries).toEqual([{ code: 'CO', name: 'Colombia' }]);
    expect(hit.reasons.themes).toEqual([{ code: 'judiciary', name: 'Judiciary and courts' }]);
    expect(hit.reasons.dac_codes).toEqual([{ code: '15130', name: 'Legal and judicial development' }]);
    expect(hit.reasons.dates).toEqual({ start: '2019-01-01', end: '2030-12-31' });
    expect(hit.reasons.text.phrases).toContain('organised crime');
    expect(titles(res.body)).not.toContain(PERU_COLOMBIA);
  });

  it('explains CRIMJUST and XCAX75 by their shared implementer and themes', async () => {
    const res = await overlaps({
      project_id: idOf.get(
        'CRIMJUST: Strengthening criminal investigation and criminal justice cooperation along the cocaine route in Latin America, the Caribbean and West Africa',
      ),
    });
    const hit = res.body.items.find((i: { project: { title: string } }) => i.project.title === XCAX75);
    expect(hit.reasons.institutions).toEqual([
      {
        org_id: expect.any(String),
        name: 'United Nations Office on Drugs and Crime',
        roles: ['implementer'],
      },
    ]);
    expect(hit.reasons.themes.map((x: { code: string }) => x.code)).toEqual(
      expect.arrayContaining(['organised-crime', 'prosecution', 'international-cooperation']),
    );
  });

  it('ranks an active project above a closed one that overlaps as much, and can leave out the same donor', async () => {
    const draft = { title: 'Court reform', countries: ['CO'], themes: ['judiciary'] };
    const res = await overlaps(draft);
    expect(titles(res.body).slice(0, 2)).toEqual([COLOMBIA_JUDICIAL_REFORM, PERU_COLOMBIA]);
    const withoutCssf = await overlaps({ ...draft, funders: ['CSSF'], exclude_same_donor: true });
    expect(titles(withoutCssf.body)).not.toContain(PERU_COLOMBIA);
    expect(titles(withoutCssf.body)).toContain(COLOMBIA_JUDICIAL_REFORM);
  });

  it('flags a second registration of the same project as a likely duplicate', async () => {
    const res = await overlaps({
      title: 'Peru Colombia Serious and Organised Crime programme',
      countries: ['PE', 'CO'],
    });
    expect(res.body.items[0].project.title).toBe(PERU_COLOMBIA);
    expect(res.body.items[0].likely_duplicate).toBe(true);
  });

  it('never lists or explains a project the viewer may not see', async () => {
    const draft = { title: 'Polygraph vetting for Peruvian police internal affairs' };
    const mine = await overlaps(draft, owner.token);
    expect(mine.body.items[0].project.id).toBe(secretId);
    expect(mine.body.items[0].reasons.institutions).toEqual([]);
    for (const token of [outsider.token, undefined]) {
      const other = await overlaps(draft, token);
      expect(other.status).toBe(200);
      expect(JSON.stringify(other.body)).not.toMatch(new RegExp(`${secretId}|Confidential|polygraph`, 'i'));
      const byId = await overlaps({ project_id: secretId }, token);
      expect(byId.status).toBe(404);
    }
  });

  it('lists likely duplicates with a merge proposal, only among projects the viewer may see', async () => {
    const copy = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Peru Colombia Serious and Organised Crime',
        iati_identifier: 'GB-GOV-3-PECO-SOC',
        visibility: 'owner',
        countries: ['PE'],
        start: '2016',
        end: '2019',
      },
    });
    expect(copy.status).toBe(201);
    const mine = await t.request('GET', '/api/v1/coordination/duplicates?country=PE', { token: owner.token });
    expect(mine.body.items).toHaveLength(1);
    const [pair] = mine.body.items;
    expect(pair.projects.map((p: { title: string }) => p.title).sort()).toEqual([
      'Peru Colombia Serious and Organised Crime',
      PERU_COLOMBIA,
    ]);
    expect(pair.reasons).toMatchObject({ same_identifier: false, shared_countries: ['PE'] });
    expect(pair.reasons.title_similarity).toBeGreaterThan(0.6);
    expect(pair.proposal).toEqual({
      keep: idOf.get(PERU_COLOMBIA),
      merge: copy.body.id,
      take_from_merged: ['iati_identifier'],
    });
    for (const token of [outsider.token, undefined]) {
      const other = await t.request('GET', '/api/v1/coordination/duplicates?country=PE', { token });
      expect(other.body.items).toEqual([]);
    }
  });
});
