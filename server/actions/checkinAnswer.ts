// A participant's check-in answer or pass, typed on the phone into their private doc, goes on
// the board as the relay: one answer per participant, under their own id only.
import { MeetingRoots, PrivateRoots } from '../../common/schema';
import { parseRoundAnswer, read } from '../../common/records';
import type { RelayAction, Write } from './types';

/** A round's answer (check-in, check-out) from each woken participant's private root to the meeting's. */
export function roundAnswerAction(name: string, privateRoot: string, meetingRoot: string): RelayAction {
  return {
    name,
    wakesOn: [{ kind: 'private', root: privateRoot }],
    reads: { private: { roots: [privateRoot], scope: 'trigger' } },
    decide(snapshot) {
      const writes: Write[] = [];
      for (const participantId of snapshot.trigger.participantIds) {
        const raw = snapshot.private[participantId]?.[privateRoot];
        const answer = parseRoundAnswer(raw);
        if (!answer || Object.keys(read.fields(raw)).length === 0) continue;
        writes.push({
          doc: { kind: 'meeting' },
          root: meetingRoot,
          op: 'item',
          id: participantId,
          fields: { ...answer },
        });
      }
      return writes;
    },
  };
}

export const checkinAnswer = roundAnswerAction('checkinAnswer', PrivateRoots.checkin, MeetingRoots.checkin);
