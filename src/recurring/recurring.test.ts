import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

interface Source {
  id: string;
  text: string;
  project: { id: string; title: string } | null;
}
interface Group {
  label: { en: string; es: string; fr: string };
  projects: number;
  ties: { concepts: { key: string }[]; words: { word: string }[]; themes: { key: string }[] };
  sources: Source[];
}

// Lessons and recommendations that recur across projects: the demo's known case, three languages,
// never a group of one project, and nothing another organisation may not see.
describe('recurring lessons and recommendations', () => {
  let t: TestApp;
  let owner: TestMember;
  let outsider: TestMember;

  const recurring = async (path: string, who?: TestMember): Promise<Group[]> => {
    const res = await t.request('GET', `/api/v1${path}`, { token: who?.token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.groups;
  };
  const groupWith = (groups: Group[], pattern: RegExp) =>
    groups.find((g) => g.sources.some((s) => pattern.test(s.text)));

  const project = async (title: string, visibility = 'public', themes: string[] = []) => {
    const res = await t.request('POST', '/api/v1/projects', {
      token: owner.token,
      body: { title, visibility, themes },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const lesson = async (projectId: string, text: string, themes: string[], visibility = 'public') => {
    const res = await t.request('POST', '/api/v1/lessons', {
      token: owner.token,
      body: { project_id: projectId, text, themes, visibility },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { demo: true });
    owner = (await buildOrgWithEditor(t.db)).editor;
    outsider = (await buildOrgWithEditor(t.db)).editor;
  });
  afterAll(() => t.close());

  it('groups the Peru/Colombia review’s judges with the XCAX75 evaluation’s “lack of participation of judges”', async () => {
    const groups = await recurring('/lessons/recurring');
    const judges = groupWith(groups, /lack of participation of judges/);
    expect(judges).toBeDefined();
    expect(judges!.sources.map((s) => s.project?.title)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Peru\/Colombia/), expect.stringMatching(/A\.B\.1/)]),
    );
    expect(judges!.sources.some((s) => /cases often fail when they come before a judge/.test(s.text))).toBe(
      true,
    );
    expect(judges!.ties.concepts.map((c) => c.key)).toContain('judges');
    expect(judges!.ties.themes.map((th) => th.key)).toContain('judiciary');
    expect(judges!.label).toMatchObject({
      en: expect.stringContaining('Judges'),
      es: expect.stringContaining('Jueces'),
    });
    // Filters narrow what is compared; the group is still found by its theme.
    expect(
      groupWith(await recurring('/lessons/recurring?theme=judiciary'), /lack of participation/),
    ).toBeDefined();
  });

  it('groups the judges recommendations of the two projects', async () => {
    const groups = await recurring('/recommendations/recurring');
    const judges = groupWith(groups, /actions involving judges/);
    expect(judges).toBeDefined();
    expect(judges!.sources.some((s) => /improved relations with the Judiciary/.test(s.text))).toBe(true);
    expect(judges!.ties.concepts.map((c) => c.key)).toContain('judges');
  });

  it('ties lessons written in Spanish and French, and never groups one project’s lessons alone', async () => {
    const es = await project('Reforma policial en Honduras', 'public', ['policing']);
    const fr = await project('Réforme de la police au Sénégal', 'public', ['policing']);
    const spanish = await lesson(
      es,
      'Sin una teoría del cambio escrita, los socios no compartían la visión de la reforma institucional.',
      ['policing'],
    );
    const french = await lesson(
      fr,
      'Faute de théorie du changement écrite, les partenaires ne partageaient pas la vision de la réforme.',
      ['policing'],
    );
    const alone = await project('Single project', 'public', ['prisons']);
    const same = 'Prison wardens rotated every six months, so nobody kept the new registry software running.';
    await lesson(alone, same, ['prisons']);
    await lesson(alone, `${same} `, ['prisons']);

    const groups = await recurring('/lessons/recurring');
    const change = groupWith(groups, /teoría del cambio/)!;
    expect(change.sources.map((s) => s.id).sort()).toEqual([spanish, french].sort());
    expect(change.label).toEqual({
      en: expect.stringContaining('Theory of change'),
      es: expect.stringContaining('Teoría del cambio'),
      fr: expect.stringContaining('Théorie du changement'),
    });
    expect(groupWith(groups, /Prison wardens rotated/)).toBeUndefined();
    for (const g of groups)
      expect(new Set(g.sources.map((s) => s.project?.id)).size).toBeGreaterThanOrEqual(2);
    const ids = groups.flatMap((g) => g.sources.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    // The same answer every time.
    expect(await recurring('/lessons/recurring')).toEqual(groups);
  });

  it('shows another organisation no group that only a private lesson makes', async () => {
    const open = await project('Police academy support', 'public', ['policing']);
    const hidden = await project('Confidential police academy support', 'owner', ['policing']);
    await lesson(open, 'Staff turnover at the police academy erased the training within a year.', [
      'policing',
    ]);
    await lesson(
      hidden,
      'Staff turnover among police instructors erased what had been trained.',
      ['policing'],
      'owner',
    );
    const pattern = /Staff turnover/;
    const mine = groupWith(await recurring('/lessons/recurring', owner), pattern);
    expect(mine?.sources).toHaveLength(2);
    expect(groupWith(await recurring('/lessons/recurring', outsider), pattern)).toBeUndefined();
    expect(groupWith(await recurring('/lessons/recurring'), pattern)).toBeUndefined();
  });

  it('refuses unknown filters and a group of one project', async () => {
    const unknown = await t.request('GET', '/api/v1/lessons/recurring?similarity=0.1');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details[0].field).toBe('querystring.similarity');
    const one = await t.request('GET', '/api/v1/recommendations/recurring?min_projects=1');
    expect(one.status).toBe(422);
    expect(one.body.error.details[0].field).toBe('querystring.min_projects');
  });
});
