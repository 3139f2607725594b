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

  it('refuses a step owned by someone, by a named organisation, dropped, unknown, inherited, or a stray value in the list; refuses a participant the meeting does not know', () => {
    const steps = {
      ...meeting.nextSteps,
      anna: { what: 'Annas', ownerKind: 'participant', ownerId: 'anna' },
      text: { what: 'Kommunens', ownerKind: 'text', ownerText: 'Kommunen' },
      dropped: { what: 'Struken', status: 'dropped' },
      stray: 'x',
    };
    const requests = { anna: true, text: true, dropped: true, unknown: true, constructor: true, stray: true, owned: true };
    const snap = snapshot({ meeting: { nextSteps: steps }, private: { bo: { volunteer: requests } }, participantIds: ['anna', 'bo'], trigger: { participantIds: ['bo'] } });
    const writes = volunteerSteps.decide(snap, env);
    expect(writes.filter((w) => w.doc.kind === 'meeting')).toEqual([]);
    expect(writes).toHaveLength(Object.keys(requests).length);
    const stranger = snapshot({ meeting, private: { eve: { volunteer: { free: true } } }, participantIds: ['anna'], trigger: { participantIds: ['eve'] } });
    expect(volunteerSteps.decide(stranger, env).filter((w) => w.doc.kind === 'meeting')).toEqual([]);
  });
});
