// Bikupa: a buzz group's one line, typed on a member's phone into their private doc, goes on the
// board as the relay, under the group's number only (no participant id in any shared doc). The
// group is the one the facilitator put the participant in; a line claiming another is refused, and
// so is a line from another round (groups are renumbered from 1 each time they are formed, so last
// round's line, still in a phone's outbox, names a group number that is someone else's now).
import { ControlRoots, MeetingRoots, PrivateRoots, type BuzzLine } from '../../common/schema';
import { parseBuzzGroups, parseBuzzLine, parseBuzzLineOut, parseBuzzSettings } from '../../common/methods';
import type { RelayAction, Write } from './types';

export const buzzLines: RelayAction = {
  name: 'buzzLines',
  wakesOn: [{ kind: 'private', root: PrivateRoots.buzzLine }],
  reads: {
    control: [ControlRoots.buzzGroups, ControlRoots.buzz],
    meeting: [MeetingRoots.buzzLines],
    private: { roots: [PrivateRoots.buzzLine], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const groups = parseBuzzGroups(snapshot.control[ControlRoots.buzzGroups]);
    const { round } = parseBuzzSettings(snapshot.control[ControlRoots.buzz]);
    const onBoard = snapshot.meeting[MeetingRoots.buzzLines] ?? {};
    const next = new Map<number, BuzzLine>();
    for (const participantId of snapshot.trigger.participantIds) {
      const out = parseBuzzLineOut(snapshot.private[participantId]?.[PrivateRoots.buzzLine]);
      const group = groups.get(participantId);
      // no line, not in a group, or a line for a group one is not in (another's, or last round's)
      if (!out || group === undefined || out.group !== group || out.round !== round) continue;
      const current = next.get(group) ?? parseBuzzLine(onBoard[String(group)]);
      // the newest line of the group wins; a phone's clock cannot date a line into the future
      const updatedAt = Math.min(out.updatedAt, env.now);
      if (current && (current.updatedAt >= out.updatedAt || current.text === out.text)) continue;
      next.set(group, { group, text: out.text, updatedAt });
    }
    const writes: Write[] = [];
    for (const [group, line] of next) {
      writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.buzzLines, op: 'item', id: String(group), fields: { ...line } });
    }
    return writes;
  },
};
