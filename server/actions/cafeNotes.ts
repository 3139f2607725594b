// Dialogkafé: a note a participant adds at their table, typed into their private doc, goes onto the
// table in the meeting doc as the relay, with an opaque id and no participant id. The table and
// round a phone writes are claims: the note is taken only for the table the relay seated that
// participant at in the round under way (not another table, not an earlier or later round, not
// after the harvest has begun), once, at most CAFE_NOTES_PER_ROUND per person and round.
import { ControlRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import {
  CAFE_NOTES_PER_ROUND,
  isOutboxId,
  parseCafeNoteOut,
  parseCafeSettings,
  parseSeatings,
} from '../../common/cafe';
import { read } from '../../common/records';
import type { RelayAction, Write } from './types';
import { opaqueId } from './opaqueId';


export const cafeNotes: RelayAction = {
  name: 'cafeNotes',
  wakesOn: [{ kind: 'private', root: PrivateRoots.cafeNotes }],
  reads: {
    control: [ControlRoots.cafe, ControlRoots.cafeSeats, ControlRoots.cafeHosts],
    relay: [RelayRoots.cafeNoteIds],
    private: { roots: [PrivateRoots.cafeNotes], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const settings = parseCafeSettings(snapshot.control[ControlRoots.cafe]);
    const round = settings.round;
    if (round < 1 || settings.harvest) return [];
    const seats = parseSeatings(snapshot.control[ControlRoots.cafeSeats], snapshot.control[ControlRoots.cafeHosts]).get(round)?.seats;
    if (!seats) return [];
    const taken = read.fields(snapshot.relay[RelayRoots.cafeNoteIds]);
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const table = seats.get(participantId);
      if (table === undefined || !snapshot.participantIds.includes(participantId)) continue;
      const prefix = `${participantId}:`;
      let count = Object.entries(taken).filter(([key, v]) => key.startsWith(prefix) && read.fields(v).round === round).length;
      const outbox = read.items(snapshot.private[participantId]?.[PrivateRoots.cafeNotes]).sort(
        ([, a], [, b]) => read.num(a.createdAt, 0) - read.num(b.createdAt, 0),
      );
      for (const [localId, raw] of outbox) {
        if (count >= CAFE_NOTES_PER_ROUND) break;
        const key = prefix + localId;
        if (!isOutboxId(localId) || key in taken) continue;
        const note = parseCafeNoteOut(raw);
        // another table, or a round that is not the one under way: refused (it stays on the phone)
        if (!note || !note.text || note.table !== table || note.round !== round) continue;
        const id = opaqueId(env);
        const createdAt = Math.min(Math.max(0, note.createdAt), env.now);
        writes.push({ doc: { kind: 'relay' }, root: RelayRoots.cafeNoteIds, op: 'set', key, value: { id, round } });
        writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.cafeNotes, op: 'item', id, fields: { table, round, text: note.text, createdAt } });
        taken[key] = { id, round };
        count++;
      }
    }
    return writes;
  },
};
