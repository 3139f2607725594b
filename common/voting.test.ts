import { describe, expect, it } from 'vitest';
import type { Ballot } from './schema';
import { areaItemIds, countedBallots, parseBallot, parseVotingSettings, rank, resolveItem, tally } from './voting';

const b = (id: string, itemId: string, at: number, round: Ballot['round'] = 'areas'): Ballot => ({ id, round, itemId, at });
const any = (valid: string[]) => (id: string) => (valid.includes(id) ? id : null);

describe('which dots count', () => {
  it('counts only the first N dots by placement time, whatever order they arrive in', () => {
    const ballots = [b('d4', 'x', 40), b('d1', 'x', 10), b('d3', 'y', 30), b('d2', 'y', 20)];
    const counted = countedBallots(ballots, 'areas', { dots: 3, maxPerItem: 0 }, any(['x', 'y']));
    expect(counted.map((c) => c.id)).toEqual(['d1', 'd2', 'd3']);
  });

  it('two devices tapping at once never get more than N dots counted', () => {
    // both phones wrote dots at the same millisecond: the dot id decides, the same way everywhere
    const phoneA = [b('a1', 'x', 5), b('a2', 'x', 5), b('a3', 'y', 5)];
    const phoneB = [b('b1', 'y', 5), b('b2', 'z', 5), b('b3', 'z', 5)];
    const counted = countedBallots([...phoneB, ...phoneA], 'areas', { dots: 3, maxPerItem: 0 }, any(['x', 'y', 'z']));
    expect(counted.map((c) => c.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('a hand-made client with 500 dots gets N counted', () => {
    const flood = Array.from({ length: 500 }, (_, i) => b(`f${i}`, 'x', -i));
    expect(countedBallots(flood, 'areas', { dots: 3, maxPerItem: 0 }, any(['x']))).toHaveLength(3);
  });

  it('lowering N later keeps each person’s first N', () => {
    const ballots = [b('d1', 'x', 1), b('d2', 'y', 2), b('d3', 'z', 3)];
    const counted = countedBallots(ballots, 'areas', { dots: 2, maxPerItem: 0 }, any(['x', 'y', 'z']));
    expect(counted.map((c) => c.itemId)).toEqual(['x', 'y']);
  });

  it('caps dots on one item and lets the next dot elsewhere count', () => {
    const ballots = [b('d1', 'x', 1), b('d2', 'x', 2), b('d3', 'x', 3), b('d4', 'y', 4)];
    const counted = countedBallots(ballots, 'areas', { dots: 3, maxPerItem: 2 }, any(['x', 'y']));
    expect(counted.map((c) => c.id)).toEqual(['d1', 'd2', 'd4']);
  });

  it('keeps the two rounds apart', () => {
    const ballots = [b('d1', 'x', 1), b('s1', 'sol', 2, 'solutions')];
    expect(countedBallots(ballots, 'solutions', { dots: 3, maxPerItem: 0 }, any(['x', 'sol'])).map((c) => c.id)).toEqual(['s1']);
  });

  it('refuses malformed dots from a hand-made client', () => {
    expect(parseBallot('d1', { round: 'areas', itemId: 'x', at: 1 })).toEqual(b('d1', 'x', 1));
    expect(parseBallot('d1', { round: 'other', itemId: 'x', at: 1 })).toBeNull();
    expect(parseBallot('d1', { round: 'areas', itemId: 42 })).toBeNull();
    expect(parseBallot('d1', 'garbage')).toBeNull();
    expect(parseBallot('d1', { round: 'areas', itemId: 'x', at: 'soon' })?.at).toBe(0);
  });

  it('clamps settings to sane values and fills defaults', () => {
    expect(parseVotingSettings(undefined)).toMatchObject({ dots: 3, maxPerItem: 0, open: true, revealed: false });
    expect(parseVotingSettings({ dots: 1e9, maxPerItem: -4 })).toMatchObject({ dots: 20, maxPerItem: 0 });
  });
});

describe('votes follow the board', () => {
  const board = {
    clusters: { c1: {}, c2: {}, parked: { parked: true } },
    notes: { loose: { clusterId: null }, inC1: { clusterId: 'c1' }, stacked: { clusterId: null, stackedOn: 'loose' } },
    merges: { gone: 'c2', older: 'gone', loop1: 'loop2', loop2: 'loop1' } as Record<string, unknown>,
  };
  const valid = areaItemIds(board, true);

  it('clusters not parked and loose notes are the items', () => {
    expect([...valid].sort()).toEqual(['c1', 'c2', 'loose']);
    expect([...areaItemIds(board, false)].sort()).toEqual(['c1', 'c2']);
  });

  it('a cluster merged into another brings its dots, through a chain of merges', () => {
    expect(resolveItem('gone', valid, board.merges)).toBe('c2');
    expect(resolveItem('older', valid, board.merges)).toBe('c2');
  });

  it('a deleted or parked cluster’s dots go back to their owners', () => {
    const resolve = (id: string) => resolveItem(id, valid, board.merges);
    expect(resolve('deleted')).toBeNull();
    expect(resolve('parked')).toBeNull();
    expect(resolve('loop1')).toBeNull();
    // the freed dot makes room for the fourth one
    const ballots = [b('d1', 'parked', 1), b('d2', 'c1', 2), b('d3', 'older', 3), b('d4', 'loose', 4)];
    expect(countedBallots(ballots, 'areas', { dots: 3, maxPerItem: 0 }, resolve).map((c) => c.itemId)).toEqual(['c1', 'c2', 'loose']);
  });
});

describe('results', () => {
  it('totals counted dots and counts unused dots of those who finished as abstaining', () => {
    const result = tally(
      [
        { counted: [b('1', 'x', 1), b('2', 'x', 2), b('3', 'y', 3)], done: true },
        { counted: [b('4', 'y', 1)], done: true },
        { counted: [], done: false },
      ],
      3,
    );
    expect(result).toEqual({ totals: { x: 2, y: 2 }, voters: 2, unused: 2 });
  });

  it('ties share a place ("delad plats") and the next place is skipped', () => {
    const ranked = rank(['a', 'b', 'c', 'd'], { a: 3, b: 5, c: 3, d: 1 });
    expect(ranked.map((r) => [r.id, r.place, r.tied])).toEqual([
      ['b', 1, false],
      ['a', 2, true],
      ['c', 2, true],
      ['d', 4, false],
    ]);
  });

  it('the facilitator’s tie-break separates a tie and nothing else', () => {
    const ranked = rank(['a', 'b', 'c', 'd'], { a: 3, b: 5, c: 3, d: 1 }, ['c', 'a', 'd']);
    expect(ranked.map((r) => [r.id, r.place, r.tied])).toEqual([
      ['b', 1, false],
      ['c', 2, false],
      ['a', 3, false],
      ['d', 4, false],
    ]);
  });
});
