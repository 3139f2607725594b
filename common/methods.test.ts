import { describe, expect, it } from 'vitest';
import { cornerResult, CORNERS_MIN_SHOWN, parseBuzzSettings, parseCornersSettings } from './methods';
import { formBuzzGroups } from './grouping';

const people = (orgs: string[]) => orgs.map((organisation, i) => ({ id: `p${i}`, organisation, joinedAt: i }));

describe('buzz groups', () => {
  it('neighbours: pairs in joining order, a lone remainder joins the last pair', () => {
    expect(formBuzzGroups(people(['a', 'a', 'b', 'b', 'c']), parseBuzzSettings({ size: 2 }))).toEqual([['p0', 'p1'], ['p2', 'p3', 'p4']]);
    expect(formBuzzGroups(people(['a', 'b', 'c', 'd', 'e', 'f']), parseBuzzSettings({ size: 3 }))).toEqual([['p0', 'p1', 'p2'], ['p3', 'p4', 'p5']]);
    expect(formBuzzGroups(people(['a']), parseBuzzSettings({}))).toEqual([['p0']]);
  });

  it('mixed: organisations spread over the groups (common/grouping.ts)', () => {
    const groups = formBuzzGroups(people(['a', 'a', 'b', 'b']), parseBuzzSettings({ mode: 'mixed', size: 2 }));
    expect(groups).toHaveLength(2);
    for (const g of groups) expect(new Set(g.map((id) => (Number(id.slice(1)) < 2 ? 'a' : 'b'))).size).toBe(2);
  });

  it('settings parse to safe values', () => {
    expect(parseBuzzSettings({ size: 9, mode: 'x', question: 5 })).toEqual({ question: '', mode: 'neighbours', size: 2, seed: 1, round: '' });
  });
});

describe('four corners', () => {
  it('always four answers, each through the text parser', () => {
    expect(parseCornersSettings({ answers: ['  ja  ', 7] }).answers).toEqual(['ja', '', '', '']);
  });

  it('counts per corner only when shown and at the threshold', () => {
    expect(cornerResult([0, 1], true)).toEqual({ count: 2, totals: null });
    expect(cornerResult([0, 1, 1], false)).toEqual({ count: 3, totals: null });
    expect(CORNERS_MIN_SHOWN).toBe(3);
    expect(cornerResult([0, 1, 1, 3], true)).toEqual({ count: 4, totals: [1, 2, 0, 1] });
  });
});
