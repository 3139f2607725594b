// The facilitator's voting settings, chosen items and tie-breaks, and the merges the vote follows.
import type * as Y from 'yjs';
import { type VoteRound, type VotingSettings, MeetingRoots } from '@common/schema';
import { DOTS_MAX } from '@common/voting';
import { createItem, getItem, rootFields, setFields, transact } from '../core';
import { votingRoot } from '../voting';

/** Changes some of a round's settings (facilitator). */
export function setVoting(control: Y.Doc, round: VoteRound, fields: Partial<VotingSettings>): void {
  const clean: Partial<VotingSettings> = { ...fields };
  if (clean.dots !== undefined) clean.dots = Math.max(1, Math.min(DOTS_MAX, Math.round(clean.dots)));
  if (clean.maxPerItem !== undefined) clean.maxPerItem = Math.max(0, Math.min(DOTS_MAX, Math.round(clean.maxPerItem)));
  transact(control, () => {
    const items = votingRoot(control);
    const item = getItem(items, round);
    if (item) setFields<VotingSettings>(item, clean);
    else createItem<Partial<VotingSettings>>(items, round, clean);
  });
}

/** Marks or unmarks an item as chosen (a development area, a solution). */
export function toggleChosen(control: Y.Doc, round: VoteRound, current: readonly string[], itemId: string): void {
  setVoting(control, round, { chosen: current.includes(itemId) ? current.filter((id) => id !== itemId) : [...current, itemId] });
}

/** Moves an item one place up or down within the facilitator's tie-break order. */
export function breakTie(control: Y.Doc, round: VoteRound, tiedInRankOrder: readonly string[], itemId: string, direction: -1 | 1, current: readonly string[]): void {
  const group = [...tiedInRankOrder];
  const i = group.indexOf(itemId);
  const j = i + direction;
  if (i === -1 || j < 0 || j >= group.length) return;
  [group[i], group[j]] = [group[j], group[i]];
  setVoting(control, round, { tieOrder: [...current.filter((id) => !group.includes(id)), ...group] });
}

/** Records that `sourceId` went into `targetId`, so the dots on it follow (called inside the merge). */
export function recordMerge(meeting: Y.Doc, sourceId: string, targetId: string): void {
  rootFields(meeting, MeetingRoots.clusterMerges).set(sourceId, targetId);
}
