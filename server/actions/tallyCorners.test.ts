import { describe, expect, it } from 'vitest';
import { tallyCorners } from './tallyCorners';
import { env, P, Q, snapshot, woken } from './snapshot.testkit';

const R = 'r'.repeat(21);
const open = { corners: { statement: 'S', answers: ['a', 'b', 'c', 'd'], open: true, revealed: false, reasonsOpen: false } };
const revealed = { corners: { ...open.corners, revealed: true } };

describe('tallyCorners', () => {
  it('counts a pick in the relay’s own doc; only the number of picks reaches the control doc', () => {
    const writes = tallyCorners.decide(woken({ control: open, private: { [P]: { corner: { choice: 2, at: 1 } } } }), env);
    expect(writes).toEqual([
      { doc: { kind: 'relay' }, root: 'cornerBallots', op: 'set', key: P, value: 2 },
      { doc: { kind: 'control' }, root: 'cornerResult', op: 'set', key: 'count', value: 1 },
    ]);
  });

  it('picking again moves the one ballot, never adds a second', () => {
    const s = woken({ control: { ...open, cornerResult: { count: 1, totals: null } }, relay: { cornerBallots: { [P]: 2 } }, private: { [P]: { corner: { choice: 0, at: 2 } } } });
    expect(tallyCorners.decide(s, env)).toEqual([{ doc: { kind: 'relay' }, root: 'cornerBallots', op: 'set', key: P, value: 0 }]);
  });

  it('no corner counts below the threshold, even when shown; at three they are published', () => {
    const two = snapshot({ control: revealed, relay: { cornerBallots: { [P]: 0, [Q]: 1 } } });
    expect(tallyCorners.decide(two, env)).toContainEqual({ doc: { kind: 'control' }, root: 'cornerResult', op: 'set', key: 'count', value: 2 });
    expect(tallyCorners.decide(two, env).some((w) => 'key' in w && w.key === 'totals')).toBe(false);
    const three = snapshot({ control: revealed, relay: { cornerBallots: { [P]: 0, [Q]: 1, [R]: 1 } } });
    expect(tallyCorners.decide(three, env)).toContainEqual({ doc: { kind: 'control' }, root: 'cornerResult', op: 'set', key: 'totals', value: [1, 2, 0, 0] });
  });

  it('not counted before the facilitator opens, nor changed after the showing; strangers and garbage are ignored', () => {
    const closed = { corners: { ...open.corners, open: false } };
    expect(tallyCorners.decide(woken({ control: closed, private: { [P]: { corner: { choice: 1, at: 1 } } } }), env)).toEqual([]);
    const after = woken({ control: { ...revealed, cornerResult: { count: 3, totals: [1, 2, 0, 0] } }, relay: { cornerBallots: { [P]: 0, [Q]: 1, [R]: 1 } }, private: { [P]: { corner: { choice: 3, at: 9 } } } });
    expect(tallyCorners.decide(after, env)).toEqual([]);
    const stranger = woken({ control: open, private: { [P]: { corner: { choice: 1, at: 1 } } } });
    stranger.participantIds = [];
    expect(tallyCorners.decide(stranger, env)).toEqual([]);
    expect(tallyCorners.decide(woken({ control: open, private: { [P]: { corner: { choice: 7 } as never } } }), env)).toEqual([]);
  });
});
