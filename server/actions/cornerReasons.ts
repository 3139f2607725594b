// Fyra hörn, second part: the corners become groups and send their reasons. A participant's reason,
// typed into their private doc, goes on the board under the corner the relay counted them in, with
// an opaque id the relay keeps to itself (never the participant's id). A reason claiming another
// corner than the counted one is refused, as is one from someone who picked no corner. No reason
// goes on the board while the corners' counts are withheld (under CORNERS_MIN_SHOWN picks, or not
// shown): a reason under its corner says where its writer stood, which the withheld counts hide.
import { MethodControlRoots, MethodMeetingRoots, MethodPrivateRoots, MethodRelayRoots } from '../../common/schema';
import { TextRules } from '../../common/records';
import { cornerResult, parseCornerReason, parseCornersSettings } from '../../common/methods';
import { cleanText } from '../../common/text';
import { countedBallots } from './tallyCorners';
import { num, obj } from './plain';
import type { Env, Json, RelayAction, Write } from './types';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const newId = (env: Env) => Array.from({ length: 16 }, () => ID_CHARS[env.randomInt(ID_CHARS.length)]).join('');

export const cornerReasons: RelayAction = {
  name: 'cornerReasons',
  wakesOn: [{ kind: 'private', root: MethodPrivateRoots.cornerReason }],
  reads: {
    control: [MethodControlRoots.corners],
    meeting: [MethodMeetingRoots.cornerReasons],
    relay: [MethodRelayRoots.cornerBallots, MethodRelayRoots.cornerReasonIds],
    private: { roots: [MethodPrivateRoots.cornerReason], scope: 'trigger' },
  },
  decide(snapshot, env) {
    const settings = parseCornersSettings(snapshot.control[MethodControlRoots.corners]);
    if (!settings.reasonsOpen) return [];
    const ballots = countedBallots(snapshot.relay[MethodRelayRoots.cornerBallots]);
    if (cornerResult([...ballots.values()], settings.revealed).totals === null) return [];
    const ids = obj(snapshot.relay[MethodRelayRoots.cornerReasonIds]);
    const onBoard = snapshot.meeting[MethodMeetingRoots.cornerReasons] ?? {};
    const writes: Write[] = [];
    for (const participantId of snapshot.trigger.participantIds) {
      const out = obj(snapshot.private[participantId]?.[MethodPrivateRoots.cornerReason] as Json);
      const corner = ballots.get(participantId);
      if (Object.keys(out).length === 0 || corner === undefined || out.corner !== corner) continue;
      const text = cleanText(out.text, TextRules.answer);
      let id = typeof ids[participantId] === 'string' ? (ids[participantId] as string) : '';
      const current = id ? parseCornerReason(onBoard[id]) : null;
      if (!text) {
        if (current) writes.push({ doc: { kind: 'meeting' }, root: MethodMeetingRoots.cornerReasons, op: 'delete', key: id });
        continue;
      }
      if (current && current.text === text && current.corner === corner) continue;
      if (!id) {
        id = newId(env);
        writes.push({ doc: { kind: 'relay' }, root: MethodRelayRoots.cornerReasonIds, op: 'set', key: participantId, value: id });
      }
      const updatedAt = Math.min(num(out.updatedAt, 0), env.now);
      writes.push({ doc: { kind: 'meeting' }, root: MethodMeetingRoots.cornerReasons, op: 'item', id, fields: { corner, text, updatedAt } });
    }
    return writes;
  },
};
