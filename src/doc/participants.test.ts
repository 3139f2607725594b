import { describe, expect, it } from 'vitest';
import type { ExpectedOrg, Participant } from '@common/schema';
import { onlineParticipantIds, representation } from './facilitator/participants';

const org = (name: string): ExpectedOrg => ({ id: name, name, order: name });
const person = (id: string, organisation: string): Participant => ({ id, name: id, organisation, joinedAt: 0 });

describe('presence and representation', () => {
  it('only participant devices count as online participants', () => {
    const ids = onlineParticipantIds([
      { role: 'facilitator' },
      { role: 'participant', participantId: 'p1' },
      { role: 'participant', participantId: 'p1' },
      { role: 'board', participantId: 'x' },
    ]);
    expect([...ids]).toEqual(['p1']);
  });

  it('an organisation is present when someone online belongs to it, ignoring case', () => {
    const result = representation(
      [org('Primärvård'), org('Geriatrik'), org('Psykiatri')],
      [person('a', ' primärvård'), person('b', 'Geriatrik'), person('c', 'Apotek')],
      new Set(['a', 'c']),
    );
    expect(result.present.map((p) => p.org.name)).toEqual(['Primärvård']);
    expect(result.missing.map((o) => o.name)).toEqual(['Geriatrik', 'Psykiatri']);
    expect(result.others.map((p) => p.id)).toEqual(['c']);
  });
});
