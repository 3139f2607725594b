import { describe, expect, it } from 'vitest';
import { cornerReasons } from './cornerReasons';
import { env, P, Q, woken } from './snapshot.testkit';

const control = { corners: { statement: 'S', answers: ['a', 'b', 'c', 'd'], open: false, revealed: true, reasonsOpen: true } };
const R = 'r'.repeat(21);
const NOBODY = 'n'.repeat(21);
// three picks: the corners' counts are shown, so reasons may go under them
const relay = { cornerBallots: { [P]: 1, [Q]: 2, [R]: 1 } };

describe('cornerReasons', () => {
  it('puts a reason under the counted corner with an opaque id, never the participant’s', () => {
    const writes = cornerReasons.decide(woken({ control, relay, private: { [P]: { cornerReason: { corner: 1, text: ' för att ', updatedAt: 4 } } } }), env);
    expect(writes).toEqual([
      { doc: { kind: 'relay' }, root: 'cornerReasonIds', op: 'set', key: P, value: 'a'.repeat(16) },
      { doc: { kind: 'meeting' }, root: 'cornerReasons', op: 'item', id: 'a'.repeat(16), fields: { corner: 1, text: 'för att', updatedAt: 4 } },
    ]);
  });

  it('refuses a reason for another corner, from someone who picked none, or before the corners send reasons', () => {
    expect(cornerReasons.decide(woken({ control, relay, private: { [P]: { cornerReason: { corner: 2, text: 'x', updatedAt: 4 } } } }), env)).toEqual([]);
    expect(cornerReasons.decide(woken({ control, relay, private: { [NOBODY]: { cornerReason: { corner: 1, text: 'x', updatedAt: 4 } } } }), env)).toEqual([]);
    const closed = { corners: { ...control.corners, reasonsOpen: false } };
    expect(cornerReasons.decide(woken({ control: closed, relay, private: { [P]: { cornerReason: { corner: 1, text: 'x', updatedAt: 4 } } } }), env)).toEqual([]);
  });

  it('an edit updates the same reason; an emptied one is taken down', () => {
    const ids = { ...relay, cornerReasonIds: { [P]: 'k'.repeat(16) } };
    const meeting = { cornerReasons: { ['k'.repeat(16)]: { corner: 1, text: 'gammal', updatedAt: 1 } } };
    expect(cornerReasons.decide(woken({ control, relay: ids, meeting, private: { [P]: { cornerReason: { corner: 1, text: 'ny', updatedAt: 5 } } } }), env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'cornerReasons', op: 'item', id: 'k'.repeat(16), fields: { corner: 1, text: 'ny', updatedAt: 5 } },
    ]);
    expect(cornerReasons.decide(woken({ control, relay: ids, meeting, private: { [P]: { cornerReason: { corner: 1, text: '  ', updatedAt: 6 } } } }), env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'cornerReasons', op: 'delete', key: 'k'.repeat(16) },
    ]);
  });

  it('puts no reason on the board while the corners’ counts are withheld: under three picks, or not shown', () => {
    const reason = { [P]: { cornerReason: { corner: 1, text: 'x', updatedAt: 4 } } };
    const two = { cornerBallots: { [P]: 1, [Q]: 2 } };
    expect(cornerReasons.decide(woken({ control, relay: two, private: reason }), env)).toEqual([]);
    const hidden = { corners: { ...control.corners, revealed: false } };
    expect(cornerReasons.decide(woken({ control: hidden, relay, private: reason }), env)).toEqual([]);
  });
});
