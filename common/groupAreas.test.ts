import { describe, expect, it } from 'vitest';
import { proposedAreas, spreadAreas } from './groupAreas';

describe('areas for the deep-dive groups', () => {
  it('proposes the chosen areas, or with none chosen the one(s) in first place', () => {
    expect(proposedAreas(['b', 'a'], { a: 5, b: 1 })).toEqual(['b', 'a']);
    expect(proposedAreas([], { a: 2, b: 5, c: 1 })).toEqual(['b']);
    expect(proposedAreas([], { a: 5, b: 5, c: 1 })).toEqual(['a', 'b']);
    // a tie the facilitator broke is no longer shared
    expect(proposedAreas([], { a: 5, b: 5 }, ['b'])).toEqual(['b']);
    expect(proposedAreas([], { a: 0 })).toEqual([]);
    expect(proposedAreas([], null)).toEqual([]);
  });

  it('spreads k areas over n groups in turn, and leaves a group’s own area alone', () => {
    const groups = ['g1', 'g2', 'g3'].map((id) => ({ id, areaId: '' }));
    expect(spreadAreas(groups, ['A', 'B'])).toEqual({ g1: 'A', g2: 'B', g3: 'A' });
    expect(spreadAreas([{ id: 'g1', areaId: 'X' }, { id: 'g2', areaId: '' }], ['A', 'B'])).toEqual({ g2: 'B' });
    expect(spreadAreas(groups, [])).toEqual({});
  });
});
