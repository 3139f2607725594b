import { describe, expect, it } from 'vitest';
import { Limits } from '../../common/schema';
import { proposeAgenda } from './proposeAgenda';
import { env, P, Q, woken as snapshot } from './snapshot.testkit';

const proposal = (id: string, text: string, createdAt = 1) => ({ id, text, createdAt });

describe('proposeAgenda', () => {
  it('puts a new proposal on the facilitator’s list once, as proposed, under the proposer', () => {
    const s = snapshot({ private: { [P]: { proposals: { a1: proposal('a1', ' Läkemedel ') } } } });
    expect(proposeAgenda.decide(s, env)).toEqual([
      {
        doc: { kind: 'meeting' },
        root: 'agendaProposals',
        op: 'item',
        id: 'a1',
        fields: { id: 'a1', text: 'Läkemedel', participantId: P, status: 'proposed', createdAt: 1 },
      },
    ]);
    s.meeting.agendaProposals = { a1: { id: 'a1', text: 'Läkemedel', participantId: P, status: 'accepted', createdAt: 1 } };
    // already there: its status is the facilitator's, the phone cannot set it back
    expect(proposeAgenda.decide(s, env)).toEqual([]);
  });

  it('never overwrites another participant’s proposal that has the same id', () => {
    const s = snapshot({
      meeting: { agendaProposals: { a1: { id: 'a1', text: 'Annas', participantId: Q, status: 'proposed', createdAt: 1 } } },
      private: { [P]: { proposals: { a1: proposal('a1', 'Kapat') } } },
    });
    expect(proposeAgenda.decide(s, env)).toEqual([]);
  });

  it('two phones bringing one new id in the same run: the first keeps it, the second neither overwrites nor re-owns it', () => {
    const s = snapshot({ private: { [P]: { proposals: { a1: proposal('a1', 'Annas') } }, [Q]: { proposals: { a1: proposal('a1', 'Kapat') } } } });
    expect(proposeAgenda.decide(s, env)).toEqual([
      { doc: { kind: 'meeting' }, root: 'agendaProposals', op: 'item', id: 'a1', fields: { id: 'a1', text: 'Annas', participantId: P, status: 'proposed', createdAt: 1 } },
    ]);
  });

  it('takes at most the limit per participant, earliest first, and skips empty text', () => {
    const proposals = Object.fromEntries(
      Array.from({ length: Limits.proposalsPerParticipant + 5 }, (_, i) => [`p${i}`, proposal(`p${i}`, i === 0 ? '   ' : `Punkt ${i}`, 100 - i)]),
    );
    const writes = proposeAgenda.decide(snapshot({ private: { [P]: { proposals } } }), env);
    expect(writes).toHaveLength(Limits.proposalsPerParticipant);
    expect(writes.map((w) => (w as { id: string }).id)).not.toContain('p0');
    expect(writes.map((w) => (w as { id: string }).id)).toContain(`p${Limits.proposalsPerParticipant + 4}`);
  });
});
