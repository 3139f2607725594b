// Typed access to the Y.Docs of a meeting. The only client folder that imports 'yjs' is doc/
// (plus sync/, which wires providers to these docs).
import * as Y from 'yjs';

/** Origin of every command run on this device; Y.UndoManager tracks only this. */
export const LOCAL_ORIGIN = 'local';

/** The documents one device holds for a meeting. */
export interface MeetingDocs {
  meeting: Y.Doc;
  control: Y.Doc;
  /** a participant's own private document */
  private?: Y.Doc;
  /** the facilitator's view of unrevealed notes (read-only, written by the relay) */
  inbox?: Y.Doc;
}

export type ItemMap = Y.Map<unknown>;
export type ItemsMap = Y.Map<ItemMap>;

export function rootItems(doc: Y.Doc, root: string): ItemsMap {
  return doc.getMap<ItemMap>(root);
}

export function rootFields(doc: Y.Doc, root: string): Y.Map<unknown> {
  return doc.getMap<unknown>(root);
}

/** Runs fn as one transaction marked as this device's own change. */
export function transact<T>(doc: Y.Doc, fn: () => T, origin: unknown = LOCAL_ORIGIN): T {
  let result!: T;
  doc.transact(() => {
    result = fn();
  }, origin);
  return result;
}

/** Creates a nested Y.Map item with the given fields under items[id]. */
export function createItem<T extends object>(items: ItemsMap, id: string, fields: T): ItemMap {
  const item = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined) item.set(key, value);
  }
  items.set(id, item);
  return item;
}

/** Writes only the fields that differ, so concurrent edits to other fields survive. */
export function setFields<T extends object>(map: Y.Map<unknown>, fields: Partial<T>): void {
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) {
      if (map.has(key)) map.delete(key);
    } else if (!sameValue(map.get(key), value)) {
      map.set(key, value);
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return false;
}

export function readItem<T>(item: ItemMap): T {
  return item.toJSON() as T;
}

export function readFields<T>(map: Y.Map<unknown>): Partial<T> {
  return map.toJSON() as Partial<T>;
}

export function getItem(items: ItemsMap, id: string): ItemMap | undefined {
  const item = items.get(id);
  return item instanceof Y.Map ? item : undefined;
}
