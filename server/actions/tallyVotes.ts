// Publishes a round's totals once the facilitator reveals it, and only then: never a ballot, never
// who voted for what. Before the reveal (or after un-revealing) the published result is removed.
import { ControlRoots, RelayRoots, VOTE_ROUNDS, type VoteResult, PrivateRoots } from '../../common/schema';
import { parseVotingSettings, tally } from '../../common/voting';
import { counted, itemResolver, saidDone, votingSettings, VOTING_MEETING_ROOTS } from './voteInputs';
import type { RelayAction, Snapshot, Write } from './types';
import type { Json, JsonObject } from '../../common/json';

const sameResult = (a: unknown, b: VoteResult) => JSON.stringify(a) === JSON.stringify(b);

const frozenOf = (snapshot: Snapshot) => (snapshot.relay[RelayRoots.frozenBallots] ?? {}) as Record<string, Json>;

/** Revealed rounds whose ballots are not frozen yet: only then are the private docs needed. */
const unfrozenRevealed = (snapshot: Snapshot) =>
  VOTE_ROUNDS.filter((round) => votingSettings(snapshot, round).revealed && !Object.hasOwn(frozenOf(snapshot), round));

export const tallyVotes: RelayAction = {
  name: 'tallyVotes',
  wakesOn: [
    { kind: 'control', root: ControlRoots.voting },
    { kind: 'private', root: PrivateRoots.votes },
    { kind: 'private', root: PrivateRoots.voteDone },
    ...VOTING_MEETING_ROOTS.map((root) => ({ kind: 'meeting' as const, root })),
  ],
  reads: {
    meeting: VOTING_MEETING_ROOTS,
    control: [ControlRoots.voting, ControlRoots.voteResults, ControlRoots.participants],
    relay: [RelayRoots.frozenBallots],
    // every private doc once, at the reveal; after it the frozen ballots are enough
    private: { roots: [PrivateRoots.votes, PrivateRoots.voteDone], scope: (s) => (unfrozenRevealed(s).length > 0 ? s.participantIds : []) },
  },
  // 300 private docs are loaded only when a round is revealed or a stale result must go
  when(snapshot) {
    const voting = snapshot.control[ControlRoots.voting] ?? {};
    const results = snapshot.control[ControlRoots.voteResults] ?? {};
    return VOTE_ROUNDS.some((round) => parseVotingSettings(voting[round]).revealed || Object.hasOwn(results, round));
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const results = snapshot.control[ControlRoots.voteResults] ?? {};
    const frozen = frozenOf(snapshot);
    for (const round of VOTE_ROUNDS) {
      const settings = votingSettings(snapshot, round);
      if (!settings.revealed) {
        if (Object.hasOwn(results, round)) writes.push({ doc: { kind: 'control' }, root: ControlRoots.voteResults, op: 'delete', key: round });
        // voting reopened: the ballots count as they stand again
        if (Object.hasOwn(frozen, round)) writes.push({ doc: { kind: 'relay' }, root: RelayRoots.frozenBallots, op: 'delete', key: round });
        continue;
      }
      let ballots = frozen[round] as Record<string, Record<string, JsonObject>> | undefined;
      if (!ballots) {
        ballots = {};
        for (const id of snapshot.participantIds) {
          const own = snapshot.private[id] ?? {};
          ballots[id] = { [PrivateRoots.votes]: own[PrivateRoots.votes] ?? {}, [PrivateRoots.voteDone]: own[PrivateRoots.voteDone] ?? {} };
        }
        // frozen before the totals are published: a crash in between freezes again, from the same ballots
        writes.push({ doc: { kind: 'relay' }, root: RelayRoots.frozenBallots, op: 'set', key: round, value: ballots as unknown as Json });
      }
      const asCast: Snapshot = { ...snapshot, private: ballots };
      const resolve = itemResolver(snapshot, round, settings);
      const people = snapshot.participantIds.map((id) => ({ counted: counted(asCast, id, round, settings, resolve), done: saidDone(ballots[id], round) }));
      const result = tally(people, settings.dots);
      if (!sameResult(results[round], result)) {
        writes.push({ doc: { kind: 'control' }, root: ControlRoots.voteResults, op: 'set', key: round, value: result as unknown as Json });
      }
    }
    return writes;
  },
};
