// Copies a participant's check-out answer from their outbox to meeting.checkout[participantId]:
// the text (capped) and whether they passed. Participants never write the meeting doc themselves.
import { Limits, MeetingRoots, PrivateRoots } from '../../common/schema';
import type { JsonObject, RelayAction, Write } from './types';

export function parseRoundAnswer(raw: JsonObject | undefined): { text: string; passed: boolean; updatedAt: number } | null {
  if (!raw || (raw.text === undefined && raw.passed === undefined)) return null;
  return {
    text: typeof raw.text === 'string' ? raw.text.trim().slice(0, Limits.noteMax) : '',
    passed: raw.passed === true,
    updatedAt: typeof raw.updatedAt === 'number' && Number.isFinite(raw.updatedAt) ? raw.updatedAt : 0,
  };
}

export const checkoutAnswers: RelayAction = {
  name: 'checkoutAnswers',
  wakesOn: [{ kind: 'private', root: PrivateRoots.checkout }],
  reads: {
    meeting: [MeetingRoots.checkout],
    private: { roots: [PrivateRoots.checkout], scope: 'trigger' },
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const published = snapshot.meeting[MeetingRoots.checkout] ?? {};
    for (const participantId of snapshot.trigger.participantIds) {
      if (!snapshot.participantIds.includes(participantId)) continue;
      const answer = parseRoundAnswer(snapshot.private[participantId]?.[PrivateRoots.checkout]);
      if (!answer) continue;
      const now = published[participantId] as JsonObject | undefined;
      const fields: JsonObject = {};
      for (const [key, value] of Object.entries(answer)) if (now?.[key] !== value) fields[key] = value;
      if (Object.keys(fields).length > 0) writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.checkout, op: 'item', id: participantId, fields });
    }
    return writes;
  },
};
