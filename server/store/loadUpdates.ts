// Rebuilds a doc from its stored updates as far as it can: an update that fails the check or makes
// Yjs throw is left out (with its index for the log) instead of making the whole meeting unloadable.
import * as Y from 'yjs';
import { checkUpdate } from '../relay/validateUpdate';

export interface Loaded {
  doc: Y.Doc;
  /** indexes of stored updates that were left out, and why */
  skipped: { index: number; why: string }[];
}

function applyAll(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const u of updates) Y.applyUpdate(doc, u);
  });
  return doc;
}

export function loadUpdates(updates: Uint8Array[]): Loaded {
  const skipped: Loaded['skipped'] = [];
  const valid: Uint8Array[] = [];
  updates.forEach((u, index) => {
    const check = checkUpdate(u);
    if (check.ok) valid.push(u);
    else skipped.push({ index, why: check.why });
  });
  try {
    // the common case: one transaction, like y-leveldb's own getYDoc
    return { doc: applyAll(valid), skipped };
  } catch {
    // slow path, only for a damaged store: one at a time, starting over without any that throws
    let doc = new Y.Doc();
    const kept: Uint8Array[] = [];
    for (const u of valid) {
      try {
        Y.applyUpdate(doc, u);
        kept.push(u);
      } catch (err) {
        skipped.push({ index: updates.indexOf(u), why: `threw: ${String(err)}` });
        doc.destroy();
        doc = applyAll(kept);
      }
    }
    return { doc, skipped };
  }
}
