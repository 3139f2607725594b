// Dialogkafé: a table's host writes the table's summary for the harvest on their phone (private
// doc); the relay puts it under the table in the meeting doc, without a name. Only the host the
// relay seated at that table in the round under way (or, during the harvest, in the last round)
// may: a guest, a host of another table or someone without a seat claiming it is refused. The
// newest summary counts; a phone's clock cannot date one into the future.
import { CafeControlRoots, CafeMeetingRoots, CafePrivateRoots, parseCafeSettings, parseCafeSummary, parseSeatings } from '../../common/cafe';
import type { RelayAction, Write } from './types';

export const cafeHostSummary: RelayAction = {
  name: 'cafeHostSummary',
  wakesOn: [{ kind: 'private', root: CafePrivateRoots.cafeSummary }],
  reads: {
    control: [CafeControlRoots.cafe, CafeControlRoots.cafeSeats, CafeControlRoots.cafeHosts],
    meeting: [CafeMeetingRoots.cafeSummaries],
    private: { roots: [CafePrivateRoots.cafeSummary], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const settings = parseCafeSettings(snapshot.control[CafeControlRoots.cafe]);
    if (settings.round < 1) return [];
    const hosts = parseSeatings(snapshot.control[CafeControlRoots.cafeSeats], snapshot.control[CafeControlRoots.cafeHosts]).get(settings.round)?.hosts;
    if (!hosts) return [];
    const onBoard = snapshot.meeting[CafeMeetingRoots.cafeSummaries] ?? {};
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const out = parseCafeSummary(snapshot.private[participantId]?.[CafePrivateRoots.cafeSummary]);
      if (!out || hosts.get(out.table) !== participantId || !snapshot.participantIds.includes(participantId)) continue;
      const current = parseCafeSummary(onBoard[String(out.table)]);
      const updatedAt = Math.min(out.updatedAt, env.now);
      if (current && (current.updatedAt >= updatedAt || current.text === out.text)) continue;
      writes.push({ doc: { kind: 'meeting' }, root: CafeMeetingRoots.cafeSummaries, op: 'item', id: String(out.table), fields: { table: out.table, text: out.text, updatedAt } });
    }
    return writes;
  },
};
