// The note a pointer drag would land on, kept outside dnd-kit's "over": a pointer drag's "over" is
// the cluster (or tray, or parking lot) under it, so it changes only when the pointer crosses a
// container, and dnd-kit re-renders every card on the board (useDraggable and useDroppable read
// its context) a dozen times in a long drag instead of at every note crossed. Only the two cards
// whose highlight changes re-render for this store.
import { useSyncExternalStore } from 'react';
import type { Collision } from '@dnd-kit/core';
import type { DropData } from './dropAction';

export interface StackTarget {
  noteId: string;
  /** the cluster the note is in (null: the loose tray) */
  clusterId: string | null;
}

export interface StackTargetStore {
  get(): StackTarget | null;
  set(target: StackTarget | null): void;
  subscribe(listener: () => void): () => void;
}

export function createStackTargetStore(): StackTargetStore {
  let current: StackTarget | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(target) {
      if (current?.noteId === target?.noteId) return;
      current = target;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The note among a pointer drag's collisions (the smallest one under the pointer), unless a drop zone floats above it. */
export function noteUnderPointer(collisions: Collision[] | null): (DropData & { kind: 'note' }) | null {
  const first = collisions?.[0]?.data?.droppableContainer?.data?.current as DropData | undefined;
  if (!collisions || first?.kind === 'parking') return null;
  for (const collision of collisions) {
    const drop = collision.data?.droppableContainer?.data?.current as DropData | undefined;
    if (drop?.kind === 'note') return drop;
  }
  return null;
}

const NO_STORE: StackTargetStore = { get: () => null, set: () => undefined, subscribe: () => () => undefined };

/** True while a pointer drag would land on this note. */
export function useIsStackTarget(store: StackTargetStore | undefined, noteId: string): boolean {
  const s = store ?? NO_STORE;
  return useSyncExternalStore(s.subscribe, () => s.get()?.noteId === noteId);
}

/** True while a pointer drag would land on a note inside this container (the container itself is not the target). */
export function useHasStackTarget(store: StackTargetStore | undefined, clusterId: string | null): boolean {
  const s = store ?? NO_STORE;
  return useSyncExternalStore(s.subscribe, () => {
    const target = s.get();
    return target !== null && target.clusterId === clusterId;
  });
}
