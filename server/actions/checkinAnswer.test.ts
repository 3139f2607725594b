import { describe, expect, it } from 'vitest';
import { checkinAnswer } from './checkinAnswer';
import { P, Q, woken as snapshot } from './snapshot.testkit';

describe('checkinAnswer', () => {
  it('copies a participant’s answer to the meeting under their own id only, text trimmed and capped', () => {
    const writes = checkinAnswer.decide(
      snapshot({ private: { [P]: { checkin: { text: `  ${'x'.repeat(400)}`, passed: false, updatedAt: 5 } } } }),
      { now: 0, randomInt: () => 0 },
    );
    expect(writes).toEqual([
      { doc: { kind: 'meeting' }, root: 'checkin', op: 'item', id: P, fields: { text: 'x'.repeat(280), passed: false, updatedAt: 5 } },
    ]);
  });

  it('a pass is copied; garbage fields become safe values', () => {
    const writes = checkinAnswer.decide(snapshot({ private: { [P]: { checkin: { text: 42, passed: true, updatedAt: 'soon' } as never } } }), {
      now: 0,
      randomInt: () => 0,
    });
    expect(writes[0]).toMatchObject({ id: P, fields: { text: '', passed: true, updatedAt: 0 } });
  });

  it('nothing for a participant who has not answered, or who is not (any longer) in the meeting', () => {
    const s = snapshot({ private: { [P]: { checkin: {} }, [Q]: { checkin: { text: 'hej' } } } });
    s.trigger.participantIds = [P];
    expect(checkinAnswer.decide(s, { now: 0, randomInt: () => 0 })).toEqual([]);
  });
});
