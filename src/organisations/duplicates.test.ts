// Candidate duplicate organisations through the API: found across spellings, acronyms, languages
// and IATI refs, each explained in words; bad queries refused with the one error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildOrgWithEditor, type TestMember } from '../../test/support/factories.ts';
import { startTestApp, type TestApp } from '../../test/support/test-app.ts';

describe('GET /organisations/duplicates', () => {
  let t: TestApp;
  let viewer: TestMember;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    viewer = (await buildOrgWithEditor(t.db)).editor;
    const make = async (key: string, name: string, more: Record<string, unknown> = {}) => {
      ids[key] = (await buildOrganisation(t.db, { name, ...more })).id;
    };
    await make('usaid', 'United States Agency for International Development', { acronym: 'USAID' });
    await make('usaidShort', 'U.S. Agency for International Development');
    await make('unodc', 'United Nations Office on Drugs and Crime', {
      acronym: 'UNODC',
      type: 'multilateral',
    });
    await make('unodcFr', 'Office des Nations Unies contre la drogue et le crime', { type: 'multilateral' });
    await make('dfid', 'Department for International Development', { iati_ref: 'GB-1' });
    await make('dfidCopy', 'DFID Latin America office', { iati_ref: 'gb-1' });
  });
  afterAll(() => t.close());

  const candidates = async (query = '') => {
    const res = await t.request('GET', `/api/v1/organisations/duplicates${query}`, {
      token: viewer.readToken,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items as {
      a: { id: string };
      b: { id: string };
      reasons: { kind: string; text: string }[];
    }[];
  };
  const between = (items: Awaited<ReturnType<typeof candidates>>, x: string, y: string) =>
    items.find((c) => [c.a.id, c.b.id].sort().join() === [ids[x], ids[y]].sort().join());

  it('explains each pair: same IATI ref, acronym of, same name in French', async () => {
    const items = await candidates();
    expect(items[0]!.reasons.map((r) => r.text)).toEqual(['same IATI ref GB-1']);
    expect(between(items, 'dfid', 'dfidCopy')).toBeDefined();
    expect(between(items, 'usaid', 'usaidShort')!.reasons.map((r) => r.text)).toEqual([
      'the same name written differently',
      'USAID is the acronym of U.S. Agency for International Development',
    ]);
    expect(between(items, 'unodc', 'unodcFr')!.reasons.map((r) => r.text)).toEqual([
      'same name in French (Office des Nations Unies contre la drogue et le crime)',
    ]);
    expect(between(items, 'usaid', 'unodc')).toBeUndefined();
  });

  it("lists one organisation's candidates", async () => {
    const items = await candidates(`?organisation=${ids.unodcFr}`);
    expect(items.map((c) => [c.a.id, c.b.id].sort())).toEqual([[ids.unodc, ids.unodcFr].sort()]);
  });

  it('refuses a bad organisation id and an unknown parameter', async () => {
    for (const query of ['?organisation=UNODC', '?limit=0', '?fuzzy=yes']) {
      const res = await t.request('GET', `/api/v1/organisations/duplicates${query}`, {
        token: viewer.readToken,
      });
      expect(res.status, query).toBe(422);
      expect(res.body.error.code, query).toEqual(expect.any(String));
      expect(res.body.error.message, query).toMatch(/organisation|limit|fuzzy/);
    }
  });
});
