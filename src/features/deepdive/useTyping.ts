// "Anna skriver…": who else is typing in which answer, from the group document's presence, and
// this device's own typing, said there while the person types and taken back when they pause.
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { PresenceSource } from '@/sync/session';

/** A pause this long ends "is typing". */
export const TYPING_PAUSE_MS = 3000;

/** Someone typing: a member (their participant id) or the facilitator (null). */
export type Typist = string | null;

type Snapshot = ReadonlyMap<string, readonly Typist[]>;

const EMPTY: Snapshot = new Map();

const typistOf = (state: Record<string, unknown>): Typist | undefined =>
  state.role === 'participant' && typeof state.participantId === 'string' ? state.participantId : state.role === 'facilitator' ? null : undefined;
const stores = new WeakMap<PresenceSource, { get(): Snapshot; subscribe(cb: () => void): () => void }>();

/** Answer id → who else types in it now; one store per group doc's presence. */
function typingStore(presence: PresenceSource) {
  const cached = stores.get(presence);
  if (cached) return cached;
  const compute = (): Snapshot => {
    const own = presence.getStates().get(presence.clientId);
    const byAnswer = new Map<string, Typist[]>();
    for (const [clientId, state] of presence.getStates()) {
      if (clientId === presence.clientId || typeof state.typing !== 'string') continue;
      const who = typistOf(state);
      // a person's other device is not "someone else"
      if (who === undefined || (own && who === typistOf(own))) continue;
      const list = byAnswer.get(state.typing) ?? [];
      if (!list.includes(who)) list.push(who);
      byAnswer.set(state.typing, list);
    }
    return byAnswer;
  };
  let snapshot = compute();
  const listeners = new Set<() => void>();
  const onChange = () => {
    const next = compute();
    if (JSON.stringify([...next]) === JSON.stringify([...snapshot])) return;
    snapshot = next;
    for (const l of [...listeners]) l();
  };
  const store = {
    get: () => snapshot,
    subscribe(cb: () => void) {
      if (listeners.size === 0) presence.on('change', onChange);
      listeners.add(cb);
      snapshot = compute();
      return () => {
        listeners.delete(cb);
        if (listeners.size === 0) presence.off('change', onChange);
      };
    },
  };
  stores.set(presence, store);
  return store;
}

const noStore = { get: () => EMPTY, subscribe: () => () => {} };

export interface Typing {
  /** who else types in each answer */
  others: Snapshot;
  /** this device types in `answerId` now (called on every input) */
  typed(answerId: string): void;
  /** this device left `answerId` (blur) */
  left(answerId: string): void;
}

export function useTyping(presence: PresenceSource | null): Typing {
  const store = presence ? typingStore(presence) : noStore;
  const others = useSyncExternalStore(store.subscribe, store.get, store.get);
  const mine = useRef<{ answerId: string | null; timer: ReturnType<typeof setTimeout> | undefined }>({ answerId: null, timer: undefined });
  const say = useCallback(
    (answerId: string | null) => {
      // a presence change is one message to the relay: sent only when it changes, not per key
      if (mine.current.answerId !== answerId) presence?.setLocalStateField('typing', answerId);
      mine.current.answerId = answerId;
    },
    [presence],
  );
  const typed = useCallback(
    (answerId: string) => {
      say(answerId);
      clearTimeout(mine.current.timer);
      mine.current.timer = setTimeout(() => say(null), TYPING_PAUSE_MS);
    },
    [say],
  );
  const left = useCallback(
    (answerId: string) => {
      if (mine.current.answerId !== answerId) return;
      clearTimeout(mine.current.timer);
      say(null);
    },
    [say],
  );
  useEffect(() => () => clearTimeout(mine.current.timer), []);
  return useMemo(() => ({ others, typed, left }), [others, typed, left]);
}
