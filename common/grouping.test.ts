import { describe, expect, it } from 'vitest';
import { formGroups, groupForLatecomer, groupsByOrganisation, mixedGroups, type Person } from './grouping';

const ORGS = ['Region', 'Kommun A', 'Kommun B', 'Primärvård', 'Sjukhus'];
const people = (n: number, orgs = ORGS): Person[] => Array.from({ length: n }, (_, i) => ({ id: `p${String(i).padStart(2, '0')}`, organisation: orgs[i % orgs.length] }));
const orgOf = (list: Person[]) => new Map(list.map((p) => [p.id, p.organisation]));
const sizes = (groups: string[][]) => groups.map((g) => g.length);

describe('mixed groups', () => {
  it('40 participants from 5 organisations in groups of 4: 10 groups, every group of 4 different organisations', () => {
    const list = people(40);
    const groups = mixedGroups(list, 'size', 4, 7);
    expect(groups).toHaveLength(10);
    expect(sizes(groups).every((s) => s === 4)).toBe(true);
    const org = orgOf(list);
    for (const g of groups) expect(new Set(g.map((id) => org.get(id))).size).toBe(4);
    expect(groups.flat().sort()).toEqual(list.map((p) => p.id).sort());
  });

  it('spreads every organisation as evenly as possible and keeps sizes within one', () => {
    const list = [...people(13, ['Region']), ...people(7, ['Kommun']).map((p) => ({ ...p, id: `k${p.id}` })), { id: 'solo', organisation: 'Sjukhus' }];
    const groups = mixedGroups(list, 'count', 3, 3);
    const s = sizes(groups);
    expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    const org = orgOf(list);
    for (const name of ['Region', 'Kommun']) {
      const perGroup = groups.map((g) => g.filter((id) => org.get(id) === name).length);
      expect(Math.max(...perGroup) - Math.min(...perGroup)).toBeLessThanOrEqual(1);
    }
  });

  it('is deterministic under a seed and changes with another seed', () => {
    const list = people(20);
    expect(mixedGroups(list, 'size', 4, 42)).toEqual(mixedGroups([...list].reverse(), 'size', 4, 42));
    expect(mixedGroups(list, 'size', 4, 42)).not.toEqual(mixedGroups(list, 'size', 4, 43));
  });

  it('handles 0, 1, 2 and 3 participants', () => {
    expect(mixedGroups([], 'size', 4, 1)).toEqual([]);
    expect(sizes(mixedGroups(people(1), 'size', 4, 1))).toEqual([1]);
    expect(sizes(mixedGroups(people(2), 'size', 4, 1))).toEqual([2]);
    expect(sizes(mixedGroups(people(3), 'count', 2, 1)).sort()).toEqual([1, 2]);
    expect(sizes(mixedGroups(people(3), 'count', 9, 1))).toEqual([1, 1, 1]);
  });

  it('with one organisation only still makes even groups', () => {
    const groups = mixedGroups(people(10, ['Kommun']), 'count', 3, 5);
    expect(sizes(groups).sort()).toEqual([3, 3, 4]);
  });
});

describe('groups by organisation', () => {
  it('one group per organisation, large ones split evenly', () => {
    const list = [...people(5, ['Region']), ...people(2, ['Kommun']).map((p) => ({ ...p, id: `k${p.id}` }))];
    const groups = groupsByOrganisation(list, 3, 1);
    expect(sizes(groups)).toEqual([3, 2, 2]);
    const org = orgOf(list);
    for (const g of groups) expect(new Set(g.map((id) => org.get(id))).size).toBe(1);
  });

  it('manual mode forms nothing by itself', () => {
    expect(formGroups(people(5), { mode: 'manual', by: 'size', value: 3, seed: 1 })).toEqual([]);
  });
});

describe('latecomers', () => {
  it('go to the smallest group without their organisation', () => {
    const groups = [
      { id: 'g1', organisations: ['Region', 'Kommun'] },
      { id: 'g2', organisations: ['Sjukhus'] },
      { id: 'g3', organisations: ['Region'] },
    ];
    expect(groupForLatecomer({ id: 'x', organisation: 'region' }, groups)).toBe('g2');
    expect(groupForLatecomer({ id: 'y', organisation: 'Sjukhus' }, groups)).toBe('g3');
    expect(groupForLatecomer({ id: 'z', organisation: 'Sjukhus' }, [])).toBeNull();
  });
});
