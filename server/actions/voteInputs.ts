// Reading the voting state out of a snapshot: shared by the progress and the tally actions, so
// both count exactly what common/voting.ts says the phone counts.
import { MeetingRoots, type Ballot, type VoteRound, type VotingSettings, ControlRoots, PrivateRoots } from '../../common/schema';
import { areaItemIds, countedBallots, parseBallot, parseVotingSettings, resolveItem } from '../../common/voting';
import type { Snapshot } from './types';
import type { JsonObject } from '../../common/json';

export function votingSettings(snapshot: Snapshot, round: VoteRound): VotingSettings {
  return parseVotingSettings(snapshot.control[ControlRoots.voting]?.[round]);
}

/** Maps a dot's item to the item it counts for now, or null (gone, parked). */
export function itemResolver(snapshot: Snapshot, round: VoteRound, settings: VotingSettings): (itemId: string) => string | null {
  if (round === 'solutions') {
    const solutions = snapshot.meeting[MeetingRoots.solutions] ?? {};
    return (id) => (Object.hasOwn(solutions, id) ? id : null);
  }
  const board = {
    clusters: (snapshot.meeting[MeetingRoots.clusters] ?? {}) as Record<string, { parked?: unknown }>,
    notes: (snapshot.meeting[MeetingRoots.notes] ?? {}) as Record<string, { clusterId?: unknown }>,
    merges: snapshot.meeting[MeetingRoots.clusterMerges] ?? {},
  };
  const valid = areaItemIds(board, settings.includeLoose);
  return (id) => resolveItem(id, valid, board.merges);
}

export function ballotsOf(doc: Record<string, JsonObject> | undefined): Ballot[] {
  const out: Ballot[] = [];
  for (const [id, raw] of Object.entries(doc?.[PrivateRoots.votes] ?? {})) {
    const ballot = parseBallot(id, raw);
    if (ballot) out.push(ballot);
  }
  return out;
}

export function saidDone(doc: Record<string, JsonObject> | undefined, round: VoteRound): boolean {
  return doc?.[PrivateRoots.voteDone]?.[round] === true;
}

export function counted(snapshot: Snapshot, participantId: string, round: VoteRound, settings: VotingSettings, resolve: (id: string) => string | null) {
  return countedBallots(ballotsOf(snapshot.private[participantId]), round, settings, resolve);
}

export const VOTING_MEETING_ROOTS = [MeetingRoots.clusters, MeetingRoots.notes, MeetingRoots.clusterMerges, MeetingRoots.solutions];
