// Publishes a round's totals once the facilitator reveals it, and only then: never a ballot, never
// who voted for what. Before the reveal (or after un-revealing) the published result is removed.
import { ControlRoots, PartTwoControlRoots, PartTwoPrivateRoots, VOTE_ROUNDS, type VoteResult } from '../../common/schema';
import { parseVotingSettings, tally } from '../../common/voting';
import { counted, itemResolver, saidDone, votingSettings, VOTING_MEETING_ROOTS } from './voteInputs';
import type { Json, RelayAction, Write } from './types';

const sameResult = (a: unknown, b: VoteResult) => JSON.stringify(a) === JSON.stringify(b);

export const tallyVotes: RelayAction = {
  name: 'tallyVotes',
  wakesOn: [
    { kind: 'control', root: PartTwoControlRoots.voting },
    { kind: 'private', root: PartTwoPrivateRoots.votes },
    { kind: 'private', root: PartTwoPrivateRoots.voteDone },
    ...VOTING_MEETING_ROOTS.map((root) => ({ kind: 'meeting' as const, root })),
  ],
  reads: {
    meeting: VOTING_MEETING_ROOTS,
    control: [PartTwoControlRoots.voting, PartTwoControlRoots.voteResults, ControlRoots.participants],
    private: { roots: [PartTwoPrivateRoots.votes, PartTwoPrivateRoots.voteDone], scope: 'all' },
  },
  // 300 private docs are loaded only when a round is revealed or a stale result must go
  when(snapshot) {
    const voting = snapshot.control[PartTwoControlRoots.voting] ?? {};
    const results = snapshot.control[PartTwoControlRoots.voteResults] ?? {};
    return VOTE_ROUNDS.some((round) => parseVotingSettings(voting[round]).revealed || Object.hasOwn(results, round));
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const results = snapshot.control[PartTwoControlRoots.voteResults] ?? {};
    for (const round of VOTE_ROUNDS) {
      const settings = votingSettings(snapshot, round);
      if (!settings.revealed) {
        if (Object.hasOwn(results, round)) writes.push({ doc: { kind: 'control' }, root: PartTwoControlRoots.voteResults, op: 'delete', key: round });
        continue;
      }
      const resolve = itemResolver(snapshot, round, settings);
      const people = snapshot.participantIds.map((id) => ({ counted: counted(snapshot, id, round, settings, resolve), done: saidDone(snapshot.private[id], round) }));
      const result = tally(people, settings.dots);
      if (!sameResult(results[round], result)) {
        writes.push({ doc: { kind: 'control' }, root: PartTwoControlRoots.voteResults, op: 'set', key: round, value: result as unknown as Json });
      }
    }
    return writes;
  },
};
