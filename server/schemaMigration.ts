// Brings a document to the current schema version when it loads: reads it as plain data, asks
// the pure migrations in common/schemaVersion.ts what to change, and writes that as the relay
// (stored and broadcast like any relay write). Called from the rooms' onLoad hook in app.ts,
// before the actions see the document.
import * as Y from 'yjs';
import type { DocKind } from '../common/docNames';
import { planMigration, versionOf, SCHEMA_VERSION } from '../common/schemaVersion';
import { DocRoots } from '../common/schema';
import { applyWrites } from './docWrites';
import { rootsOf, type JsonObject } from '../common/json';
import type { Logger } from './log';

/** Migrates one loaded document; never throws (a document that cannot be migrated is still served). */
export function migrateOnLoad(doc: Y.Doc, kind: DocKind, log: Logger): void {
  try {
    // the common case costs one map lookup: already current
    const schemaRoot = DocRoots[kind].schema;
    if (doc.share.has(schemaRoot) && versionOf(doc.getMap(schemaRoot).toJSON() as JsonObject) === SCHEMA_VERSION) return;
    const plan = planMigration({ kind, roots: rootsOf(doc) });
    if (plan.status === 'newer') {
      log.info('document from a newer schema; read as far as this version can', { doc: kind, version: plan.version });
      return;
    }
    if (plan.status !== 'migrate') return;
    applyWrites(doc, plan.changes);
    if (plan.from > 0 || plan.changes.length > 1) {
      log.info('document migrated', { doc: kind, from: plan.from, to: plan.to, changes: plan.changes.length - 1 });
    }
  } catch (err) {
    log.error('schema migration failed; serving the document as it is', { doc: kind, err: String(err) });
  }
}
