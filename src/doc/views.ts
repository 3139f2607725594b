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

/** Turns what a doc holds into a typed record (common/records.ts); null drops the item. */
export type ItemParser<T> = (raw: unknown, id: string) => T | null;

/**
 * id → plain item, for a top-level map of nested Y.Maps, each item read through `parse` so
 * garbage from an old or hostile client never reaches a component. One shared observer per map.
 */
export function itemsView<T>(items: ItemsMap, parse?: ItemParser<T>): View<ReadonlyMap<string, T>> {
  const cached = itemsViews.get(items);
  if (cached) return cached as View<ReadonlyMap<string, T>>;
  const { subscribe, notify } = notifier();
  const read = (item: unknown, id: string): T | null => {
    if (!(item instanceof Y.Map)) return null;
    return parse ? parse(item.toJSON(), id) : (item.toJSON() as T);
  };
  let snapshot = new Map<string, T>();
  items.forEach((item, id) => {
    const value = read(item, id);
    if (value !== null) snapshot.set(id, value);
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
      const value = read(items.get(id), id);
      if (value !== null) next.set(id, value);
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

/** A flat settings map as one plain object (through `parse` when given), replaced on every change. */
export function fieldsView<T extends object>(map: Y.Map<unknown>, parse?: (raw: unknown) => T): View<Partial<T>> {
  const cached = fieldsViews.get(map);
  if (cached) return cached as View<Partial<T>>;
  const { subscribe, notify } = notifier();
  const read = (): Partial<T> => (parse ? parse(map.toJSON()) : (map.toJSON() as Partial<T>));
  let snapshot = read();
  map.observeDeep(() => {
    snapshot = read();
    notify();
  });
  const view: View<Partial<T>> = { get: () => snapshot, subscribe };
  fieldsViews.set(map, view as View<unknown>);
  return view;
}
