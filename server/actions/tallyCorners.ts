// Fyra hörn: each phone's corner, picked in its private doc, is counted by the relay in its own
// document (one ballot per participant: picking again moves it, never adds one). Only counts reach
// the control doc, and the corners' counts only once the facilitator shows them and at least
// CORNERS_MIN_SHOWN have picked; from the showing on the ballots are frozen, so no later change
// can be read off the board.
import { cornerResult, parseCornerBallot, parseCornerResult, parseCornersSettings } from '../../common/methods';
import type { RelayAction, Write } from './types';
import type { Json } from '../../common/json';
import { ControlRoots, PrivateRoots, RelayRoots } from '../../common/schema';
import { read } from '../../common/records';

export function countedBallots(raw: Record<string, Json> | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, choice] of Object.entries(read.fields(raw))) {
    const ballot = parseCornerBallot({ choice });
    if (ballot) out.set(id, ballot.choice);
  }
  return out;
}

export const tallyCorners: RelayAction = {
  name: 'tallyCorners',
  wakesOn: [
    { kind: 'private', root: PrivateRoots.corner },
    { kind: 'control', root: ControlRoots.corners },
  ],
  reads: {
    control: [ControlRoots.corners, ControlRoots.cornerResult],
    relay: [RelayRoots.cornerBallots],
    private: { roots: [PrivateRoots.corner], scope: 'trigger' },
  },
  decide(snapshot) {
    const settings = parseCornersSettings(snapshot.control[ControlRoots.corners]);
    const ballots = countedBallots(snapshot.relay[RelayRoots.cornerBallots]);
    const writes: Write[] = [];
    if (settings.open && !settings.revealed) {
      for (const participantId of snapshot.trigger.participantIds) {
        if (!snapshot.participantIds.includes(participantId)) continue;
        const ballot = parseCornerBallot(snapshot.private[participantId]?.[PrivateRoots.corner]);
        if (ballot && ballots.get(participantId) !== ballot.choice) {
          ballots.set(participantId, ballot.choice);
          writes.push({ doc: { kind: 'relay' }, root: RelayRoots.cornerBallots, op: 'set', key: participantId, value: ballot.choice });
        } else if (!ballot && ballots.has(participantId)) {
          ballots.delete(participantId);
          writes.push({ doc: { kind: 'relay' }, root: RelayRoots.cornerBallots, op: 'delete', key: participantId });
        }
      }
    }
    const result = cornerResult([...ballots.values()], settings.revealed);
    const shown = parseCornerResult(snapshot.control[ControlRoots.cornerResult]);
    if (shown.count !== result.count) {
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.cornerResult, op: 'set', key: 'count', value: result.count });
    }
    if (JSON.stringify(shown.totals) !== JSON.stringify(result.totals)) {
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.cornerResult, op: 'set', key: 'totals', value: result.totals });
    }
    return writes;
  },
};
