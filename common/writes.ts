// A write to one document, the one shape every writer on the relay produces: relay actions (with
// the document named, server/actions/types.ts), schema migrations and the lifecycle endpoints
// (import, plan-next, the term). server/docWrites.ts applies them to a Y.Doc; applyToRoots is
// the same rule on plain data, for a migration step that must see what the one before it wrote.
import type { Json, JsonObject, JsonRoots } from './json';

export type DocWrite =
  /** sets root[key] to a plain value (replacing whatever was there) */
  | { root: string; op: 'set'; key: string; value: Json }
  /**
   * creates root[id] as a nested map, or writes only the fields that differ in the one there;
   * fields named in `texts` are written as collaborative texts (Y.Text), e.g. a group's answers
   */
  | { root: string; op: 'item'; id: string; fields: JsonObject; texts?: readonly string[] }
  /** writes only the fields that differ in root[id], and nothing when there is no such item */
  | { root: string; op: 'update'; id: string; fields: JsonObject }
  /** deletes root[key]; with `ifValue`, only while it still holds that value */
  | { root: string; op: 'delete'; key: string; ifValue?: Json };

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether two plain values are the same JSON (a write that would change nothing is skipped). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Whole roots (an archive's, or what "Planera nästa möte" carries) as writes: each object under
 * a root becomes one nested item, anything else a plain value.
 */
export function writesOf(roots: JsonRoots, texts?: readonly string[]): DocWrite[] {
  const writes: DocWrite[] = [];
  for (const [root, entries] of Object.entries(roots)) {
    for (const [key, value] of Object.entries(entries)) {
      writes.push(isObject(value) ? { root, op: 'item', id: key, fields: value, ...(texts ? { texts } : {}) } : { root, op: 'set', key, value });
    }
  }
  return writes;
}

/** The writes applied to a copy of plain roots, by the same rules as on a Y.Doc. */
export function applyToRoots(roots: JsonRoots, writes: readonly DocWrite[]): JsonRoots {
  const out: JsonRoots = { ...roots };
  for (const w of writes) {
    const root = { ...(out[w.root] ?? {}) };
    if (w.op === 'set') root[w.key] = w.value;
    else if (w.op === 'delete') {
      if (w.ifValue === undefined || sameJson(root[w.key], w.ifValue)) delete root[w.key];
    } else {
      const existing = root[w.id];
      if (w.op === 'update' && !isObject(existing)) continue;
      root[w.id] = { ...(isObject(existing) ? existing : {}), ...w.fields };
    }
    out[w.root] = root;
  }
  return out;
}
