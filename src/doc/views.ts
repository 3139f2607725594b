// Read models over Yjs types with structural sharing: an item's snapshot object is replaced only
// when that item changed, so a memoised card re-renders only for its own note. No React here;
// store/useView.ts adapts these to useSyncExternalStore.
import * as Y from 'yjs';
import type { ItemsMap } from './core';

export interface View<T> {
  get(): T;
  subscribe(listener: () => void): () => void;
}

function notifier() {
  const listeners = new Set<() => void>();
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
  };
}

const itemsViews = new WeakMap<ItemsMap, View<ReadonlyMap<string, unknown>>>();

/** id → plain item, for a top-level map of nested Y.Maps. One shared observer per map. */
export function itemsView<T>(items: ItemsMap): View<ReadonlyMap<string, T>> {
  const cached = itemsViews.get(items);
  if (cached) return cached as View<ReadonlyMap<string, T>>;
  const { subscribe, notify } = notifier();
  let snapshot = new Map<string, T>();
  items.forEach((item, id) => {
    if (item instanceof Y.Map) snapshot.set(id, item.toJSON() as T);
  });
  items.observeDeep((events) => {
    const changed = new Set<string>();
    for (const event of events) {
      if (event.target === items && event instanceof Y.YMapEvent) {
        for (const key of event.keysChanged) changed.add(key);
      } else {
        const key = event.path[0];
        if (typeof key === 'string') changed.add(key);
      }
    }
    if (changed.size === 0) return;
    const next = new Map(snapshot);
    for (const id of changed) {
      const item = items.get(id);
      if (item instanceof Y.Map) next.set(id, item.toJSON() as T);
      else next.delete(id);
    }
    snapshot = next;
    notify();
  });
  const view: View<ReadonlyMap<string, T>> = { get: () => snapshot, subscribe };
  itemsViews.set(items, view as View<ReadonlyMap<string, unknown>>);
  return view;
}

const fieldsViews = new WeakMap<Y.Map<unknown>, View<unknown>>();

/** A flat settings map as one plain object, replaced on every change. */
export function fieldsView<T extends object>(map: Y.Map<unknown>): View<Partial<T>> {
  const cached = fieldsViews.get(map);
  if (cached) return cached as View<Partial<T>>;
  const { subscribe, notify } = notifier();
  let snapshot = map.toJSON() as Partial<T>;
  map.observeDeep(() => {
    snapshot = map.toJSON() as Partial<T>;
    notify();
  });
  const view: View<Partial<T>> = { get: () => snapshot, subscribe };
  fieldsViews.set(map, view as View<unknown>);
  return view;
}
