import { describe, expect, it } from 'vitest';
import { tallyVotes } from './tallyVotes';
import { voteProgress } from './voteProgress';
import { dots, env, snapshot } from './snapshot.testkit';

const board = { clusters: { c1: { id: 'c1' }, c2: { id: 'c2' }, c3: { id: 'c3', parked: true } }, notes: {}, clusterMerges: { old: 'c2' } };

describe('voteProgress', () => {
  it('publishes that a participant voted, never what', () => {
    const snap = snapshot({
      meeting: board,
      private: { alice: { votes: dots(['d1', 'c1', 1], ['d2', 'c1', 2], ['d3', 'c2', 3]) }, bob: { votes: dots(['e1', 'c1', 1]) } },
      trigger: { participantIds: ['alice', 'bob'] },
    });
    const writes = voteProgress.decide(snap, env);
    expect(writes).toEqual([{ doc: { kind: 'control' }, root: 'voteProgress', op: 'set', key: 'areas:alice', value: true }]);
    expect(JSON.stringify(writes)).not.toContain('c1');
  });

  it('finishing with dots unused counts as voted; taking a dot back un-finishes', () => {
    const done = snapshot({ meeting: board, private: { bob: { votes: dots(['e1', 'c1', 1]), voteDone: { areas: true } } }, trigger: { participantIds: ['bob'] } });
    expect(voteProgress.decide(done, env)).toHaveLength(1);
    const back = snapshot({
      meeting: board,
      control: { voteProgress: { 'areas:bob': true } },
      private: { bob: { votes: dots(['e1', 'c1', 1]) } },
      trigger: { participantIds: ['bob'] },
    });
    expect(voteProgress.decide(back, env)).toEqual([{ doc: { kind: 'control' }, root: 'voteProgress', op: 'delete', key: 'areas:bob' }]);
  });

  it('dots on a parked cluster do not count toward having voted', () => {
    const snap = snapshot({ meeting: board, private: { alice: { votes: dots(['d1', 'c3', 1], ['d2', 'c1', 2], ['d3', 'c2', 3]) } }, trigger: { participantIds: ['alice'] } });
    expect(voteProgress.decide(snap, env)).toEqual([]);
  });
});

/** What reaches a shared doc (the relay's own doc holds the frozen ballots, which no device opens). */
const shared = (writes: ReturnType<typeof tallyVotes.decide>) => writes.filter((w) => w.doc.kind !== 'relay');

describe('tallyVotes', () => {
  const voters = {
    alice: { votes: dots(['d1', 'c1', 1], ['d2', 'c1', 2], ['d3', 'old', 3], ['d4', 'c2', 4]) },
    bob: { votes: dots(['e1', 'c3', 1], ['e2', 'c1', 2]), voteDone: { areas: true } },
    hacker: { votes: dots(...Array.from({ length: 50 }, (_, i) => [`h${i}`, 'c2', i] as [string, string, number])) },
  };

  it('publishes nothing before the reveal, and does not even load private docs', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: false } } }, private: voters });
    expect(tallyVotes.when!(snap)).toBe(false);
    expect(tallyVotes.decide(snap, env)).toEqual([]);
  });

  it('after the reveal publishes only totals: first N per person, merged dots followed, parked dots returned', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: true, dots: 3 } } }, private: voters });
    expect(tallyVotes.when!(snap)).toBe(true);
    expect(shared(tallyVotes.decide(snap, env))).toEqual([
      {
        doc: { kind: 'control' },
        root: 'voteResults',
        op: 'set',
        key: 'areas',
        value: { totals: { c1: 3, c2: 4 }, voters: 3, unused: 2 },
      },
    ]);
  });

  it('lowering N after people voted keeps each person’s first N', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: true, dots: 1 } } }, private: voters });
    const [write] = shared(tallyVotes.decide(snap, env));
    expect(write).toMatchObject({ value: { totals: { c1: 2, c2: 1 } } });
  });

  it('writes nothing when the published result is already right, and removes it when un-revealed', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: true, dots: 3 } } }, private: voters });
    const writes = tallyVotes.decide(snap, env);
    const [write] = shared(writes);
    const frozen = writes.find((w) => w.doc.kind === 'relay') as unknown as { value: never };
    const again = snapshot({
      ...snap,
      control: { ...snap.control, voteResults: { areas: (write as unknown as { value: never }).value } },
      relay: { frozenBallots: { areas: frozen.value } },
    });
    expect(tallyVotes.decide(again, env)).toEqual([]);
    const hidden = snapshot({ meeting: board, control: { voting: { areas: { revealed: false } }, voteResults: { areas: {} } }, private: voters });
    expect(tallyVotes.decide(hidden, env)).toEqual([{ doc: { kind: 'control' }, root: 'voteResults', op: 'delete', key: 'areas' }]);
  });

  it('round 2 counts dots on collected solutions only, with its own dot count', () => {
    const snap = snapshot({
      meeting: { ...board, solutions: { s1: { id: 's1' }, s2: { id: 's2' } } },
      control: { voting: { solutions: { revealed: true, dots: 2 } } },
      private: { alice: { votes: dots(['x1', 's1', 1, 'solutions'], ['x2', 'c1', 2, 'solutions'], ['x3', 's2', 3, 'solutions'], ['x4', 's2', 4, 'solutions']) } },
    });
    expect(shared(tallyVotes.decide(snap, env))).toMatchObject([{ key: 'solutions', value: { totals: { s1: 1, s2: 1 } } }]);
  });

  it('after the reveal a ballot changed by a hand-made client moves no total (it would show that vote); a merge still does', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: true, dots: 3 } } }, private: voters });
    const writes = tallyVotes.decide(snap, env);
    const frozen = (writes.find((w) => w.doc.kind === 'relay') as unknown as { value: never }).value;
    const published = (shared(writes)[0] as unknown as { value: never }).value;
    expect(JSON.stringify(writes.filter((w) => w.doc.kind !== 'relay'))).not.toContain('alice');
    const later = snapshot({
      meeting: board,
      control: { voting: { areas: { revealed: true, dots: 3 } }, voteResults: { areas: published } },
      relay: { frozenBallots: { areas: frozen } },
      private: { ...voters, alice: { votes: dots(['z1', 'c2', 9], ['z2', 'c2', 10], ['z3', 'c2', 11]) } },
    });
    // with frozen ballots the private docs are not even loaded
    expect((tallyVotes.reads.private!.scope as (s: typeof later) => string[])(later)).toEqual([]);
    expect(tallyVotes.decide(later, env)).toEqual([]);
    const merged = snapshot({ ...later, meeting: { ...board, clusters: { c2: { id: 'c2' }, c3: { id: 'c3', parked: true } }, clusterMerges: { old: 'c2', c1: 'c2' } } });
    expect(shared(tallyVotes.decide(merged, env))).toMatchObject([{ value: { totals: { c2: 7 } } }]);
  });
});
