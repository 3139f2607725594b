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
    expect(tallyVotes.decide(snap, env)).toEqual([
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
    const [write] = tallyVotes.decide(snap, env);
    expect(write).toMatchObject({ value: { totals: { c1: 2, c2: 1 } } });
  });

  it('writes nothing when the published result is already right, and removes it when un-revealed', () => {
    const snap = snapshot({ meeting: board, control: { voting: { areas: { revealed: true, dots: 3 } } }, private: voters });
    const [write] = tallyVotes.decide(snap, env);
    const again = snapshot({ ...snap, control: { ...snap.control, voteResults: { areas: (write as unknown as { value: never }).value } } });
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
    expect(tallyVotes.decide(snap, env)).toMatchObject([{ key: 'solutions', value: { totals: { s1: 1, s2: 1 } } }]);
  });
});
