// Fyra hörn, second part: the corners become groups and send their reasons. A participant's reason,
// typed into their private doc, goes on the board under the corner the relay counted them in, with
// an opaque id the relay keeps to itself (never the participant's id). A reason claiming another
// corner than the counted one is refused, as is one from someone who picked no corner. No reason
// goes on the board while the corners' counts are withheld (under CORNERS_MIN_SHOWN picks, or not
// shown): a reason under its corner says where its writer stood, which the withheld counts hide.
import { read, TextRules } from '../../common/records';
import { cornerResult, parseCornerReason, parseCornersSettings } from '../../common/methods';
import { cleanText } from '../../common/text';
import { countedBallots } from './tallyCorners';
import type { RelayAction, Write } from './types';
import { opaqueId } from './opaqueId';
import type { Json } from '../../common/json';
import { ControlRoots, MeetingRoots, PrivateRoots, RelayRoots } from '../../common/schema';


export const cornerReasons: RelayAction = {
  name: 'cornerReasons',
  wakesOn: [{ kind: 'private', root: PrivateRoots.cornerReason }],
  reads: {
    control: [ControlRoots.corners],
    meeting: [MeetingRoots.cornerReasons],
    relay: [RelayRoots.cornerBallots, RelayRoots.cornerReasonIds],
    private: { roots: [PrivateRoots.cornerReason], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const settings = parseCornersSettings(snapshot.control[ControlRoots.corners]);
    if (!settings.reasonsOpen) return [];
    const ballots = countedBallots(snapshot.relay[RelayRoots.cornerBallots]);
    if (cornerResult([...ballots.values()], settings.revealed).totals === null) return [];
    const ids = read.fields(snapshot.relay[RelayRoots.cornerReasonIds]);
    const onBoard = snapshot.meeting[MeetingRoots.cornerReasons] ?? {};
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const out = read.fields(snapshot.private[participantId]?.[PrivateRoots.cornerReason] as Json);
      const corner = ballots.get(participantId);
      if (Object.keys(out).length === 0 || corner === undefined || out.corner !== corner) continue;
      const text = cleanText(out.text, TextRules.answer);
      let id = typeof ids[participantId] === 'string' ? (ids[participantId] as string) : '';
      const current = id ? parseCornerReason(onBoard[id]) : null;
      if (!text) {
        if (current) writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.cornerReasons, op: 'delete', key: id });
        continue;
      }
      if (current && current.text === text && current.corner === corner) continue;
      if (!id) {
        id = opaqueId(env);
        writes.push({ doc: { kind: 'relay' }, root: RelayRoots.cornerReasonIds, op: 'set', key: participantId, value: id });
      }
      const updatedAt = Math.min(read.num(out.updatedAt, 0), env.now);
      writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.cornerReasons, op: 'item', id, fields: { corner, text, updatedAt } });
    }
    return writes;
  },
};
