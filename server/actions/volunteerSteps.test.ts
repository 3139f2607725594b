import { describe, expect, it } from 'vitest';
import { volunteerSteps } from './volunteerSteps';
import { env, snapshot } from './snapshot.testkit';

describe('volunteerSteps', () => {
  const meeting = { nextSteps: { free: { what: 'Rutin' }, owned: { what: 'Möte', ownerKind: 'forum' } } };

  it('makes the participant the owner of a free step and clears the request', () => {
    const snap = snapshot({ meeting, private: { anna: { volunteer: { free: true } } }, trigger: { participantIds: ['anna'] } });
    expect(volunteerSteps.decide(snap, env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'nextSteps', op: 'item', id: 'free', fields: { ownerKind: 'participant', ownerId: 'anna' } },
      { doc: { kind: 'private', participantId: 'anna' }, root: 'volunteer', op: 'delete', key: 'free' },
    ]);
  });

  it('never takes a step from its owner; two volunteers at once: the first in order gets it', () => {
    const snap = snapshot({
      meeting,
      private: { anna: { volunteer: { owned: true, free: true } }, bo: { volunteer: { free: true } } },
      trigger: { participantIds: ['anna', 'bo'] },
    });
    const items = volunteerSteps.decide(snap, env).filter((w) => w.op === 'item');
    expect(items).toEqual([{ doc: { kind: 'meeting' }, root: 'nextSteps', op: 'item', id: 'free', fields: { ownerKind: 'participant', ownerId: 'anna' } }]);
  });
});
