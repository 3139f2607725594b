// Component tests have no relay: these write shared docs the way the relay's actions do when a
// phone's contribution arrives, so views can be tested as they will look.
import * as Y from 'yjs';
import { MeetingRoots, type RoundAnswer } from '@common/schema';

export function relayAnswer(meeting: Y.Doc, participantId: string, answer: RoundAnswer, root: string = MeetingRoots.checkin): void {
  meeting.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(answer)) item.set(k, v);
    meeting.getMap(root).set(participantId, item);
  }, 'relay');
}

export function relayProposal(meeting: Y.Doc, proposal: { id: string; text: string; participantId: string }): void {
  meeting.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ ...proposal, status: 'proposed', createdAt: 1 })) item.set(k, v);
    meeting.getMap(MeetingRoots.agendaProposals).set(proposal.id, item);
  }, 'relay');
}
