// Dot voting on this device. The facilitator writes each round's settings in the control doc; a
// participant writes dots only into their private doc (the relay counts them, nobody else sees them).
import type * as Y from 'yjs';
import { type Ballot, type Solution, type VoteRound, type VotingSettings, ControlRoots, MeetingRoots, PrivateRoots } from '@common/schema';
import { byPlacement, parseBallot } from '@common/voting';
import { parseSolution } from '@common/records';
import { createItem, rootFields, rootItems, transact } from './core';
import { newId } from './ids';
import { fieldsView, itemsView, type View } from './views';

export const votingRoot = (control: Y.Doc) => rootItems(control, ControlRoots.voting);

export function votingView(control: Y.Doc): View<ReadonlyMap<string, Partial<VotingSettings>>> {
  return itemsView<Partial<VotingSettings>>(votingRoot(control));
}

export function voteProgressView(control: Y.Doc): View<Partial<Record<string, boolean>>> {
  return fieldsView<Record<string, boolean>>(rootFields(control, ControlRoots.voteProgress));
}

export function voteResultsView(control: Y.Doc): View<Partial<Record<string, unknown>>> {
  return fieldsView<Record<string, unknown>>(rootFields(control, ControlRoots.voteResults));
}

export function clusterMergesView(meeting: Y.Doc): View<Partial<Record<string, unknown>>> {
  return fieldsView<Record<string, unknown>>(rootFields(meeting, MeetingRoots.clusterMerges));
}

export function solutionsView(meeting: Y.Doc): View<ReadonlyMap<string, Solution>> {
  return itemsView<Solution>(rootItems(meeting, MeetingRoots.solutions), parseSolution);
}

// --- the participant's own dots (private doc) ---

const votes = (priv: Y.Doc) => rootItems(priv, PrivateRoots.votes);

export function placeDot(priv: Y.Doc, round: VoteRound, itemId: string, now: number = Date.now()): string {
  const id = newId();
  transact(priv, () => createItem<Omit<Ballot, 'id'>>(votes(priv), id, { round, itemId, at: now }));
  return id;
}

/** Takes back the most recently placed dot on the item. */
export function takeBackDot(priv: Y.Doc, round: VoteRound, itemId: string): void {
  transact(priv, () => {
    const mine = readBallots(priv).filter((b) => b.round === round && b.itemId === itemId).sort(byPlacement);
    const last = mine[mine.length - 1];
    if (last) votes(priv).delete(last.id);
  });
}

export function readBallots(priv: Y.Doc): Ballot[] {
  const out: Ballot[] = [];
  votes(priv).forEach((item, id) => {
    const ballot = parseBallot(id, item.toJSON());
    if (ballot) out.push(ballot);
  });
  return out;
}

export function setVoteDone(priv: Y.Doc, round: VoteRound, done: boolean): void {
  transact(priv, () => rootFields(priv, PrivateRoots.voteDone).set(round, done));
}

export function myBallotsView(priv: Y.Doc): View<ReadonlyMap<string, Omit<Ballot, 'id'>>> {
  return itemsView<Omit<Ballot, 'id'>>(votes(priv));
}

export function voteDoneView(priv: Y.Doc): View<Partial<Record<VoteRound, boolean>>> {
  return fieldsView<Record<VoteRound, boolean>>(rootFields(priv, PrivateRoots.voteDone));
}
