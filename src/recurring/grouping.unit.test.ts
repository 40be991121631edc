import { describe, expect, it } from 'vitest';
import { type GroupItem, groupRecurring } from './grouping.ts';

const item = (id: string, unit: string, concepts: string[], themes: string[] = []): GroupItem => ({
  id,
  unit,
  language: 'en',
  themes,
  concepts,
  stems: new Map(),
});

// The grouping's shape, apart from any text: no chaining of two topics through one item that
// touches both, never a group of one project, and the same groups whatever the input order.
describe('recurring grouping', () => {
  const judges = [
    item('j1', 'p1', ['judges', 'engagement'], ['judiciary']),
    item('j2', 'p2', ['judges', 'engagement'], ['judiciary']),
  ];
  const funding = [
    item('f1', 'p4', ['funding', 'sustainability']),
    item('f2', 'p5', ['funding', 'sustainability']),
  ];
  // Tied to all four above (two concepts in common with each): joining every tied pair would make
  // one group of judges and funding.
  const bridge = item('m', 'p3', ['judges', 'engagement', 'funding', 'sustainability']);

  it('does not chain two unrelated topics through one item tied to both', () => {
    const groups = groupRecurring([...judges, ...funding, bridge]);
    const sets = groups.map((g) => [...g.items].sort());
    expect(sets).toHaveLength(2);
    expect(sets.some((s) => s.includes('j1') && s.includes('f1'))).toBe(false);
    expect(sets).toContainEqual(expect.arrayContaining(['j1', 'j2']));
    expect(sets).toContainEqual(expect.arrayContaining(['f1', 'f2']));
    // The bridge joins the first topic by id order, deterministically.
    expect(sets.find((s) => s.includes('m'))).toEqual(['f1', 'f2', 'm']);
  });

  it('keeps a group whose items are mostly tied, and names what ties it', () => {
    const groups = groupRecurring([
      ...judges,
      item('j3', 'p3', ['judges', 'engagement']),
      item('j4', 'p6', ['judges', 'prosecutors']),
    ]);
    const [group] = groups;
    // j4 shares one concept and no theme with each: not tied to any, so left out.
    expect(groups).toHaveLength(1);
    expect(group!.items).toEqual(['j1', 'j2', 'j3']);
    expect(group!.concepts.map((c) => [c.key, c.units])).toEqual([
      ['engagement', 3],
      ['judges', 3],
    ]);
    expect(group!.themes).toEqual([{ key: 'judiciary', units: 2 }]);
  });

  it('never makes a group of one project, and gives the same groups in any input order', () => {
    const oneProject = [item('a', 'p9', ['police', 'integrity']), item('b', 'p9', ['police', 'integrity'])];
    expect(groupRecurring(oneProject)).toEqual([]);
    const all = [...judges, ...funding, bridge, ...oneProject];
    const expected = groupRecurring(all);
    for (const order of [[...all].reverse(), [all[3]!, all[0]!, all[5]!, all[2]!, all[6]!, all[1]!, all[4]!]])
      expect(groupRecurring(order)).toEqual(expected);
    for (const g of expected) expect(g.units).toBeGreaterThanOrEqual(2);
  });
});
