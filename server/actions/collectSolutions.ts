// Round 2 votes on the groups' d) proposals as they are: while the solution vote is open the relay
// mirrors every group's proposals into meeting.solutions (a deleted one drops out, its dots go
// back); after the reveal the set is frozen and only the wording still follows the groups' edits.
import { ControlRoots, GroupRoots, type Solution, MeetingRoots } from '../../common/schema';
import { parseDeepDiveGroup, parseGroupAnswer, read } from '../../common/records';
import { votingSettings } from './voteInputs';
import type { RelayAction, Snapshot, Write } from './types';
import type { JsonObject } from '../../common/json';
import { byOrder } from '../../common/order';

/** more than any room writes; keeps a member's hand-made client from flooding the vote */
export const SOLUTIONS_MAX = 200;

const isOpenPhase = (s: Snapshot) => s.control[ControlRoots.phase]?.current === 'solutionVoting';

/**
 * The id a group's proposal is voted on under, made by the relay from the group and the answer's id
 * (`<groupId>:<answerId>`): an answer id is a claim any member types, so no group's answer can
 * select another group's proposal, and no proposal a board item (whose ids have no ':'). A proposal
 * collected under its bare answer id before this rule keeps that id, for the group it was collected for.
 */
export function solutionIdOf(groupId: string, answerId: string, current: JsonObject): string | null {
  if (!answerId.includes(':') && Object.hasOwn(current, answerId) && read.fields(current[answerId]).groupId === groupId) return answerId;
  const id = `${groupId}:${answerId}`;
  return id.length <= 64 ? id : null;
}

/** Every group's non-empty d) answers, group by group in the groups' order, each group's in its own order. */
export function proposalsOf(snapshot: Snapshot): Solution[] {
  const current = read.fields(snapshot.meeting[MeetingRoots.solutions]);
  const ids = new Set<string>();
  const groups = read.items(snapshot.control[ControlRoots.groups])
    .flatMap(([id, g]) => parseDeepDiveGroup(g, id) ?? [])
    .sort(byOrder);
  const out: Solution[] = [];
  for (const group of groups) {
    const answers = read.items(snapshot.group[group.id]?.[GroupRoots.answers])
      .flatMap(([id, a]) => (read.id(id) ? parseGroupAnswer(a, id) ?? [] : []))
      .filter((a) => a.question === 'solutions' && a.text !== '')
      .sort(byOrder);
    for (const a of answers) {
      if (out.length >= SOLUTIONS_MAX) return out;
      const id = solutionIdOf(group.id, a.id, current);
      if (id === null || ids.has(id)) continue;
      ids.add(id);
      // the position as the order: groups stay together, in the groups' order
      out.push({ id, text: a.text, groupId: group.id, areaId: group.areaId, order: String(out.length).padStart(4, '0') });
    }
  }
  return out;
}

export const collectSolutions: RelayAction = {
  name: 'collectSolutions',
  wakesOn: [
    { kind: 'group', root: GroupRoots.answers },
    { kind: 'control', root: ControlRoots.phase },
    { kind: 'control', root: ControlRoots.groups },
    { kind: 'control', root: ControlRoots.voting },
  ],
  reads: {
    control: [ControlRoots.phase, ControlRoots.groups, ControlRoots.voting],
    meeting: [MeetingRoots.solutions],
    group: { roots: [GroupRoots.answers], scope: 'all' },
  },
  // typing in the deep dive loads no group doc: only the open vote, or wording after its reveal
  when: (s) => isOpenPhase(s) || votingSettings(s, 'solutions').revealed,
  decide(snapshot) {
    const writes: Write[] = [];
    const current = snapshot.meeting[MeetingRoots.solutions] ?? {};
    const proposals = proposalsOf(snapshot);
    if (votingSettings(snapshot, 'solutions').revealed) {
      for (const p of proposals) {
        if (Object.hasOwn(current, p.id) && read.fields(current[p.id]).groupId === p.groupId && read.fields(current[p.id]).text !== p.text) writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.solutions, op: 'update', id: p.id, fields: { text: p.text } });
      }
      return writes;
    }
    const keep = new Set(proposals.map((p) => p.id));
    for (const p of proposals) {
      const was = read.fields(current[p.id]);
      if (Object.entries(p).every(([k, v]) => was[k] === v)) continue;
      writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.solutions, op: 'item', id: p.id, fields: { ...p } });
    }
    for (const id of Object.keys(current)) {
      if (!keep.has(id)) writes.push({ doc: { kind: 'meeting' }, root: MeetingRoots.solutions, op: 'delete', key: id });
    }
    return writes;
  },
};
