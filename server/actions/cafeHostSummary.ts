// Dialogkafé: a table's host writes the table's summary for the harvest on their phone (private
// doc); the relay puts it under the table in the meeting doc, without a name. Only the host the
// relay seated at that table in the round under way (or, during the harvest, in the last round)
// may: a guest, a host of another table or someone without a seat claiming it is refused. The
// newest summary counts; a phone's clock cannot date one into the future.
import { ControlRoots, MeetingRoots, PrivateRoots } from '../../common/schema';
import {
  parseCafeSettings,
  parseCafeSummary,
  parseSeatings,
} from '../../common/cafe';
import type { RelayAction, Write } from './types';

export const cafeHostSummary: RelayAction = {
  name: 'cafeHostSummary',
  wakesOn: [{ kind: 'private', root: PrivateRoots.cafeSummary }],
  reads: {
    control: [ControlRoots.cafe, ControlRoots.cafeSeats, ControlRoots.cafeHosts],
    meeting: [MeetingRoots.cafeSummaries],
    private: { roots: [PrivateRoots.cafeSummary], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const settings = parseCafeSettings(snapshot.control[ControlRoots.cafe]);
    if (settings.round < 1) return [];
    const hosts = parseSeatings(snapshot.control[ControlRoots.cafeSeats], snapshot.control[ControlRoots.cafeHosts]).get(settings.round)?.hosts;
    if (!hosts) return [];
    const onBoard = snapshot.meeting[MeetingRoots.cafeSummaries] ?? {};
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const out = parseCafeSummary(snapshot.private[participantId]?.[PrivateRoots.cafeSummary]);
      if (!out || hosts.get(out.table) !== participantId || !snapshot.participantIds.includes(participantId)) continue;
      const current = parseCafeSummary(onBoard[String(out.table)]);
      const updatedAt = Math.min(out.updatedAt, env.now);
      if (current && (current.updatedAt >= updatedAt || current.text === out.text)) continue;
      writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.cafeSummaries, op: 'item', id: String(out.table), fields: { table: out.table, text: out.text, updatedAt } });
    }
    return writes;
  },
};
