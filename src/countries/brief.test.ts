import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';
import { addColombianActivity, COLOMBIA_JUDICIAL_REFORM } from '../coordination/test-registry.ts';

describe('country brief', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    await addColombianActivity(t.db);
    const a = await buildOrgWithEditor(t.db, { name: 'Hidden Donor Ministry' });
    owner = a.editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
    const secret = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: {
        title: 'Confidential Colombian court integrity programme',
        visibility: 'owner',
        status: 'active',
        countries: ['CO'],
        themes: ['judiciary', 'corruption'],
        start: '2021',
        ongoing: true,
        budget: [{ amount: 500_000, currency: 'EUR' }],
      },
    });
    expect(secret.status).toBe(201);
    const rec = await t.request('POST', '/api/v1/recommendations', {
      token: owner.token,
      body: { project_id: secret.body.id, visibility: 'owner', text: 'Vet every confidential judge again.' },
    });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
  });
  afterAll(() => t.close());

  const brief = (code: string, token?: string, format = 'json') =>
    t.request('GET', `/api/v1/countries/${code}/brief?format=${format}`, { token });

  it('gives the active assistance, gaps, open recommendations and lessons of a country', async () => {
    const res = await brief('co');
    expect(res.status).toBe(200);
    expect(res.body.country).toEqual({
      code: 'CO',
      name: 'Colombia',
      names: { en: 'Colombia', es: 'Colombia', fr: 'Colombie' },
    });
    expect(res.body.active.projects.map((p: { title: string }) => p.title)).toEqual([
      COLOMBIA_JUDICIAL_REFORM,
    ]);
    expect(res.body.active.projects[0]).toMatchObject({
      budget: 1_500_000,
      donors: [{ name: 'Test Donor Agency' }],
    });
    expect(res.body.active.by_donor).toEqual([
      { org_id: expect.any(String), name: 'Test Donor Agency', projects: 1, budget: 1_500_000 },
    ]);
    expect(res.body.active.by_theme.map((x: { theme: string }) => x.theme)).toContain('judiciary');
    expect(res.body.gaps).toContainEqual({
      theme: 'judiciary',
      label: 'Judiciary and courts',
      gap: 'little',
    });
    expect(res.body.gaps).toContainEqual({ theme: 'policing', label: 'Policing', gap: 'none' });
    // The review of the closed Peru/Colombia programme made three recommendations on Colombia.
    expect(res.body.open_recommendations).toHaveLength(3);
    expect(res.body.open_recommendations[0].project_title).toBe(
      'Peru/Colombia Serious and Organised Crime (SOC)',
    );
    expect(res.body.overlaps).toEqual([]);
  });

  it('prints as an HTML page with every value escaped', async () => {
    const res = await brief('CO', undefined, 'html');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.body).toContain('<h1>Colombia</h1>');
    expect(res.body).toContain(COLOMBIA_JUDICIAL_REFORM);
    expect(res.body).toContain('Peru/Colombia Serious and Organised Crime (SOC)');
  });

  it('shows the owner its private project and overlaps, and nobody else', async () => {
    const mine = await brief('CO', owner.token);
    expect(mine.body.active.projects).toHaveLength(2);
    expect(mine.body.overlaps).toEqual([
      { a: expect.any(Object), b: expect.any(Object), themes: ['judiciary'] },
    ]);
    expect(mine.body.open_recommendations).toHaveLength(4);
    for (const token of [outsider.token, undefined]) {
      const other = await brief('CO', token);
      expect(JSON.stringify(other.body)).not.toMatch(/Confidential|Hidden Donor|confidential judge/);
      expect(other.body.active.projects).toHaveLength(1);
      expect(other.body.gaps).toContainEqual({
        theme: 'corruption',
        label: 'Corruption and integrity',
        gap: 'none',
      });
      const html = await brief('CO', token, 'html');
      expect(html.body).not.toMatch(/Confidential|Hidden Donor/);
    }
  });

  it('counts a lesson as recurring where another project learnt it too, only among lessons one may see', async () => {
    const project = async (title: string, country: string, visibility = 'public') => {
      const res = await t.request('POST', '/api/v1/projects', {
        token: owner.token,
        body: { title, visibility, status: 'active', countries: [country], themes: ['prosecution'] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const lesson = async (projectId: string, text: string, visibility = 'public') => {
      const res = await t.request('POST', '/api/v1/lessons', {
        token: owner.token,
        body: { project_id: projectId, text, visibility },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    };
    const belize = await project('Prosecution training in Belize', 'BZ');
    const panama = await project('Prosecution training in Panama', 'PA');
    const secret = await project('Confidential prosecution training in Panama', 'PA', 'owner');
    const ownership =
      'Training prosecutors only works when their institution commits its own staff and budget to continue it.';
    await lesson(belize, ownership);
    await lesson(belize, 'Interpreters must be booked before the hearings are scheduled.');
    // The same lesson reworded, in another project, and once more in a private one.
    await lesson(
      panama,
      'Training of prosecutors only works when the institution commits its own staff and budget to continue it afterwards.',
    );
    await lesson(secret, ownership, 'owner');
    await lesson(panama, 'Case management software needs a budget line for licences after the project.');

    const recurring = async (token?: string) => {
      const res = await brief('BZ', token);
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.recurring_lessons.map((l: { text: string; recurs_in: number }) => [l.text, l.recurs_in]),
      );
    };
    const everyone = {
      [ownership]: 1,
      'Interpreters must be booked before the hearings are scheduled.': 0,
    };
    // Belize also has the demo evaluation's lessons, which recur nowhere else.
    expect(await recurring()).toMatchObject(everyone);
    expect(await recurring(outsider.token)).toMatchObject(everyone);
    expect(await recurring(owner.token)).toMatchObject({ ...everyone, [ownership]: 2 });
  });

  it('refuses a code that is not a country', async () => {
    const res = await brief('XX');
    expect(res.status).toBe(422);
  });
});
