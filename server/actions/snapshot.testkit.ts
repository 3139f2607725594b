// Plain snapshots for actions' unit tests: no socket, no Yjs.
import type { Env, Snapshot } from './types';
import type { JsonObject } from '../../common/json';

export function snapshot(parts: Partial<Omit<Snapshot, 'trigger'>> & { trigger?: Partial<Snapshot['trigger']> } = {}): Snapshot {
  return {
    meetingId: 'm'.repeat(21),
    meeting: parts.meeting ?? {},
    control: parts.control ?? {},
    inbox: parts.inbox ?? {},
    relay: parts.relay ?? {},
    private: parts.private ?? {},
    group: parts.group ?? {},
    participantIds: parts.participantIds ?? Object.keys(parts.private ?? {}),
    trigger: { participantIds: parts.trigger?.participantIds ?? [], groupIds: parts.trigger?.groupIds ?? [] },
  };
}

export const env: Env = { now: 1_000_000, randomInt: () => 0 };

export function dots(...items: [id: string, itemId: string, at: number, round?: string][]): JsonObject {
  const out: JsonObject = {};
  for (const [id, itemId, at, round = 'areas'] of items) out[id] = { round, itemId, at };
  return out;
}

/** A snapshot as the runner builds it when the participants in `private` woke the action. */
export function woken(parts: Partial<Omit<Snapshot, 'trigger'>> = {}): Snapshot {
  return snapshot({ ...parts, trigger: { participantIds: Object.keys(parts.private ?? {}) } });
}

export const id = (n: number | string) => `note${String(n).padStart(17, '0')}`;
export const P = 'p'.repeat(21);
export const Q = 'q'.repeat(21);
