import { describe, expect, it } from 'vitest';
import { checkoutAnswers } from './checkoutAnswers';
import { env, snapshot } from './snapshot.testkit';

describe('checkoutAnswers', () => {
  it('copies a participant’s answer to the meeting doc, capped, and only what changed', () => {
    const snap = snapshot({
      meeting: { checkout: { anna: { text: 'Gammalt', passed: false, updatedAt: 1 } } },
      private: { anna: { checkout: { text: `  ${'x'.repeat(400)}  `, passed: false, updatedAt: 2 } } },
      trigger: { participantIds: ['anna'] },
    });
    expect(checkoutAnswers.decide(snap, env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'checkout', op: 'item', id: 'anna', fields: { text: 'x'.repeat(280), updatedAt: 2 } },
    ]);
  });

  it('ignores someone the meeting does not know', () => {
    const snap = snapshot({ participantIds: [], private: { ghost: { checkout: { text: 'hej' } } }, trigger: { participantIds: ['ghost'] } });
    expect(checkoutAnswers.decide(snap, env)).toEqual([]);
  });
});
