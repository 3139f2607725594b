// What a drag would land on now (a note, a cluster, the loose tray or the parking lot), kept
// outside dnd-kit's "over". dnd-kit re-renders every card on the board (useDraggable and
// useDroppable read its context, clauderic/dnd-kit#1071) whenever "over" changes: at every
// container a long drag crossed, and at nearly every arrow press of a keyboard drag (reading order
// runs across the clusters' columns). The board holds dnd-kit's "over" at nothing (collision.ts)
// and keeps the target here: only the two pieces whose highlight changes re-render.
import { useSyncExternalStore } from 'react';
import type { Collision, UniqueIdentifier } from '@dnd-kit/core';
import { clusterDndId, noteDndId } from './boardContext';
import type { DropData } from './dropAction';

export interface DropTargetStore {
  get(): DropData | null;
  set(target: DropData | null): void;
  subscribe(listener: () => void): () => void;
}

const keyOf = (d: DropData | null) => (d === null ? '' : d.kind === 'note' || d.kind === 'cluster' ? `${d.kind}:${d.id}` : d.kind);

/** The droppable id of a target (boardContext.ts's ids). */
export const dndIdOf = (d: DropData): UniqueIdentifier => (d.kind === 'note' ? noteDndId(d.id) : d.kind === 'cluster' ? clusterDndId(d.id) : d.kind);

export function createDropTargetStore(): DropTargetStore {
  let current: DropData | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(target) {
      if (keyOf(current) === keyOf(target)) return;
      current = target;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * Where a drop would land, from the board's collisions (collision.ts: the container first, then
 * the rest smallest first): the note among them, unless a drop zone floats above it; else the container.
 */
export function landingOf(collisions: Collision[] | null): DropData | null {
  let first: DropData | undefined;
  for (const collision of collisions ?? []) {
    const drop = collision.data?.droppableContainer?.data?.current as DropData | undefined;
    if (!drop) continue;
    if (!first) {
      first = drop;
      if (drop.kind === 'parking') return drop;
    }
    if (drop.kind === 'note') return drop;
  }
  return first ?? null;
}

const NO_STORE: DropTargetStore = { get: () => null, set: () => undefined, subscribe: () => () => undefined };

/** True while a drag would land on the target `is` picks (a note, a cluster, the tray, the parking lot). */
export function useIsDropTarget(store: DropTargetStore | undefined, is: (target: DropData) => boolean): boolean {
  const s = store ?? NO_STORE;
  return useSyncExternalStore(s.subscribe, () => {
    const target = s.get();
    return target !== null && is(target);
  });
}
