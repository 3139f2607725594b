import { describe, expect, it } from 'vitest';
import { checkoutAnswers } from './checkoutAnswers';
import { env, snapshot } from './snapshot.testkit';

describe('checkoutAnswers', () => {
  it('copies a participant’s check-out answer to the meeting doc under their own id, capped', () => {
    const snap = snapshot({
      private: { anna: { checkout: { text: 'x'.repeat(400), passed: false, updatedAt: 2 } } },
      trigger: { participantIds: ['anna'] },
    });
    expect(checkoutAnswers.decide(snap, env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'checkout', op: 'item', id: 'anna', fields: { text: 'x'.repeat(280), passed: false, updatedAt: 2 } },
    ]);
  });
});
