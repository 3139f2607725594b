// Agenda points proposed from phones: each goes to the facilitator's list once, as 'proposed',
// under the proposer's id. Only the facilitator accepts or declines (they write the meeting doc).
import { Limits, MeetingRoots, PrivateRoots } from '../../common/schema';
import { parsePrivateProposal, read } from '../../common/records';
import type { RelayAction, Write } from './types';

export const proposeAgenda: RelayAction = {
  name: 'proposeAgenda',
  wakesOn: [{ kind: 'private', root: PrivateRoots.proposals }],
  reads: {
    meeting: [MeetingRoots.agendaProposals],
    private: { roots: [PrivateRoots.proposals], scope: 'trigger' },
  },
  decide(snapshot) {
    const existing = read.fields(snapshot.meeting[MeetingRoots.agendaProposals]);
    // ids on the list or given out earlier in this run: the first phone to bring an id keeps it
    const taken = new Set(Object.keys(existing));
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const proposals = read.items(snapshot.private[participantId]?.[PrivateRoots.proposals])
        .flatMap(([id, p]) => parsePrivateProposal(p, id) ?? [])
        .filter((p) => p.text !== '' && /^[A-Za-z0-9_-]{1,64}$/.test(p.id))
        .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
        .slice(0, Limits.proposalsPerParticipant);
      for (const p of proposals) {
        // already on the list (its status is the facilitator's), or an id someone else has: never overwritten or re-owned
        if (taken.has(p.id)) continue;
        taken.add(p.id);
        writes.push({
          doc: { kind: 'meeting' },
          root: MeetingRoots.agendaProposals,
          op: 'item',
          id: p.id,
          fields: { id: p.id, text: p.text, participantId, status: 'proposed', createdAt: p.createdAt },
        });
      }
    }
    return writes;
  },
};
