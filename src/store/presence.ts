// Who is online, from awareness of the meeting doc (presence never goes in the doc).
import { useMemo, useSyncExternalStore } from 'react';
import type { Participant } from '@common/schema';
import { onlineParticipantIds } from '@/doc/facilitator/participants';
import type { PresenceSource } from '@/sync/session';
import { useMeeting } from './meeting';
import { useParticipants } from './meetingHooks';

interface PresenceSnapshot {
  online: ReadonlySet<string>;
  /** devices by role, e.g. to tell whether a board window is open */
  roles: Readonly<Record<string, number>>;
}

const cache = new WeakMap<PresenceSource, { get(): PresenceSnapshot; subscribe(cb: () => void): () => void }>();

function presenceStore(awareness: PresenceSource) {
  const cached = cache.get(awareness);
  if (cached) return cached;
  const compute = (): PresenceSnapshot => {
    const states = [...awareness.getStates().values()];
    const roles: Record<string, number> = {};
    for (const s of states) if (typeof s.role === 'string') roles[s.role] = (roles[s.role] ?? 0) + 1;
    return { online: onlineParticipantIds(states), roles };
  };
  let snapshot = compute();
  const listeners = new Set<() => void>();
  const onChange = () => {
    const next = compute();
    const same =
      next.online.size === snapshot.online.size &&
      [...next.online].every((id) => snapshot.online.has(id)) &&
      JSON.stringify(next.roles) === JSON.stringify(snapshot.roles);
    if (same) return;
    snapshot = next;
    for (const l of [...listeners]) l();
  };
  awareness.on('change', onChange);
  const store = {
    get: () => snapshot,
    subscribe(cb: () => void) {
      listeners.add(cb);
      return () => {
        listeners.delete(cb);
      };
    },
  };
  cache.set(awareness, store);
  return store;
}

export function usePresence(): PresenceSnapshot {
  const { awareness } = useMeeting();
  const store = presenceStore(awareness);
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** Participants with a device online now, by arrival. */
export function useOnlineParticipants(): Participant[] {
  const { online } = usePresence();
  const participants = useParticipants();
  return useMemo(
    () => [...participants.values()].filter((p) => online.has(p.id)).sort((a, b) => a.joinedAt - b.joinedAt),
    [participants, online],
  );
}
