// The one way the relay writes to a document: relay actions (server/actions/runner.ts), schema
// migrations (schemaMigration.ts) and the lifecycle endpoints (import, plan-next, the term) all
// hand their writes (common/writes.ts) to applyWrites, which makes one nested Y.Map per item and
// skips every value that is already there, in one transaction under the relay's origin.
import * as Y from 'yjs';
import type { Json } from '../common/json';
import { sameJson, type DocWrite } from '../common/writes';
import { SERVER_ORIGIN } from './relay/rooms';

/** JSON of a value read from a doc: nested Yjs types become plain data. */
function plain(value: unknown): Json {
  if (value instanceof Y.AbstractType) return value.toJSON() as Json;
  return (value ?? null) as Json;
}

function setFields(item: Y.Map<unknown>, fields: Record<string, Json>, texts: readonly string[] = [], fresh = false): void {
  for (const [k, v] of Object.entries(fields)) {
    if (!fresh && sameJson(plain(item.get(k)), v)) continue;
    item.set(k, texts.includes(k) && typeof v === 'string' ? new Y.Text(v) : v);
  }
}

/** Writes one list of ops to one doc, in order, skipping values that are already there. */
export function applyWrites(doc: Y.Doc, writes: readonly DocWrite[], origin: unknown = SERVER_ORIGIN): void {
  doc.transact(() => {
    for (const w of writes) {
      const root = doc.getMap<unknown>(w.root);
      if (w.op === 'set') {
        if (!sameJson(plain(root.get(w.key)), w.value)) root.set(w.key, w.value);
      } else if (w.op === 'delete') {
        if (!root.has(w.key)) continue;
        // a conditional delete leaves a newer value alone (the phone asked again meanwhile)
        if (w.ifValue !== undefined && !sameJson(plain(root.get(w.key)), w.ifValue)) continue;
        root.delete(w.key);
      } else {
        const item = root.get(w.id);
        if (item instanceof Y.Map) setFields(item, w.fields, w.op === 'item' ? w.texts : undefined);
        else if (w.op === 'item') {
          const fresh = new Y.Map<unknown>();
          setFields(fresh, w.fields, w.texts, true);
          root.set(w.id, fresh);
        }
      }
    }
  }, origin);
}
