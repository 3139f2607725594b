// "9 av 14 har röstat klart": the relay publishes, per participant, only that they have voted in a
// round, never on what. Woken per participant, so a tap loads one private doc, not all of them.
import { ControlRoots, VOTE_ROUNDS, PrivateRoots } from '../../common/schema';
import { hasFinished } from '../../common/voting';
import { counted, itemResolver, saidDone, votingSettings, VOTING_MEETING_ROOTS } from './voteInputs';
import type { RelayAction, Write } from './types';

export const voteProgress: RelayAction = {
  name: 'voteProgress',
  wakesOn: [
    { kind: 'private', root: PrivateRoots.votes },
    { kind: 'private', root: PrivateRoots.voteDone },
  ],
  reads: {
    meeting: VOTING_MEETING_ROOTS,
    control: [ControlRoots.voting, ControlRoots.voteProgress, ControlRoots.participants],
    private: { roots: [PrivateRoots.votes, PrivateRoots.voteDone], scope: 'trigger' },
  },
  decide(snapshot) {
    const writes: Write[] = [];
    const progress = snapshot.control[ControlRoots.voteProgress] ?? {};
    for (const round of VOTE_ROUNDS) {
      const settings = votingSettings(snapshot, round);
      // after the reveal a change would show that one person's vote in the totals' movement: frozen
      if (settings.revealed) continue;
      const resolve = itemResolver(snapshot, round, settings);
      for (const participantId of snapshot.trigger.participantIds) {
        if (!Object.hasOwn(snapshot.private, participantId)) continue;
        const mine = counted(snapshot, participantId, round, settings, resolve);
        const done = hasFinished(mine.length, settings.dots, saidDone(snapshot.private[participantId], round));
        const key = `${round}:${participantId}`;
        const was = progress[key] === true;
        if (done && !was) writes.push({ doc: { kind: 'control' }, root: ControlRoots.voteProgress, op: 'set', key, value: true });
        if (!done && Object.hasOwn(progress, key)) writes.push({ doc: { kind: 'control' }, root: ControlRoots.voteProgress, op: 'delete', key });
      }
    }
    return writes;
  },
};
