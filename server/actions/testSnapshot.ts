// For the actions' unit tests: a snapshot with defaults, and a fixed clock and randomness.
import type { Env, Snapshot } from './types';

export function snapshot(partial: Partial<Snapshot> = {}): Snapshot {
  return {
    meetingId: 'M'.repeat(21),
    meeting: {},
    control: {},
    inbox: {},
    relay: {},
    private: {},
    group: {},
    participantIds: Object.keys(partial.private ?? {}),
    trigger: { participantIds: Object.keys(partial.private ?? {}), groupIds: [] },
    ...partial,
  };
}

/** now = 1000; randomInt always 0, so a shuffle is a fixed permutation. */
export const env: Env = { now: 1000, randomInt: () => 0 };

export const id = (n: number | string) => `note${String(n).padStart(17, '0')}`;
export const P = 'p'.repeat(21);
export const Q = 'q'.repeat(21);
