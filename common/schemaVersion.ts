// The schema version every document carries, and the migrations that bring an older document up
// to it. A migration is pure, like a relay action: plain data of one document in, a list of
// changes out. The relay runs them when a document loads (server/schemaMigration.ts), writes the
// changes as itself and stamps `schema.version`, so meetings stored before a change still open.
//
// Readers never depend on a migration having run: every record is read through its parse
// function with defaults (common/records.ts). Migrations are for changes of shape (a renamed
// field, a moved root) and for cleaning what only the relay writes; they must not overwrite
// fields that people edit, or a facilitator's offline edit could lose to the relay's copy.
import type { DocKind } from './docNames';
import { ControlRoots, DocRoots } from './schema';
import { parseParticipant } from './records';
import type { JsonObject, JsonRoots } from './json';
import { applyToRoots, type DocWrite } from './writes';

/** One document as plain data. */
export interface DocData {
  kind: DocKind;
  roots: JsonRoots;
}

/** A migration's write: the same shapes as every relay write (common/writes.ts), without the doc. */
export type SchemaChange = DocWrite;

export interface Migration {
  /** the version a document has after this step */
  to: number;
  /** what changed in the schema, for the log */
  why: string;
  migrate(doc: DocData): SchemaChange[];
}

/**
 * Version 1: documents from before versioning. Their shape is today's; participants' names
 * and organisations were stored before the shared text parser existed, so they may hold bidi
 * overrides or nothing visible. The relay is their only writer, so cleaning them clobbers no one.
 */
const cleanParticipantNames: Migration = {
  to: 1,
  why: 'participant names through the shared text parser',
  migrate(doc) {
    if (doc.kind !== 'control') return [];
    const changes: SchemaChange[] = [];
    for (const [id, raw] of Object.entries(doc.roots[ControlRoots.participants] ?? {})) {
      const parsed = parseParticipant(raw, id);
      if (!parsed || typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
      const fields: JsonObject = {};
      if (typeof raw.name === 'string' && raw.name !== parsed.name) fields.name = parsed.name;
      if (typeof raw.organisation === 'string' && raw.organisation !== parsed.organisation) fields.organisation = parsed.organisation;
      if (Object.keys(fields).length > 0) changes.push({ root: ControlRoots.participants, op: 'item', id, fields });
    }
    return changes;
  },
};

/** Every step, oldest first; adding one means a function here, its test, and a line in this list. */
export const MIGRATIONS: readonly Migration[] = [cleanParticipantNames];

/** The version this code writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].to;

/** A document's version: 0 when it has none (stored before versioning) or holds garbage. */
export function versionOf(schemaRoot: JsonObject | undefined): number {
  const version = schemaRoot?.version;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

export type MigrationPlan =
  | { status: 'current'; version: number }
  /** written by newer code: left alone, read as far as the parsers can */
  | { status: 'newer'; version: number }
  | { status: 'migrate'; from: number; to: number; steps: string[]; changes: SchemaChange[] };

/** What to write to bring a document to `SCHEMA_VERSION` (the version stamp included). */
export function planMigration(doc: DocData, migrations: readonly Migration[] = MIGRATIONS): MigrationPlan {
  const from = versionOf(doc.roots[DocRoots[doc.kind].schema]);
  const target = migrations.length > 0 ? migrations[migrations.length - 1].to : 0;
  if (from === target) return { status: 'current', version: from };
  if (from > target) return { status: 'newer', version: from };
  let data = doc;
  const changes: SchemaChange[] = [];
  const steps: string[] = [];
  for (const step of migrations) {
    if (step.to <= from) continue;
    const stepChanges = step.migrate(data);
    data = { kind: data.kind, roots: applyToRoots(data.roots, stepChanges) };
    changes.push(...stepChanges);
    steps.push(`${step.to}: ${step.why}`);
  }
  changes.push({ root: DocRoots[doc.kind].schema, op: 'set', key: 'version', value: target });
  return { status: 'migrate', from, to: target, steps, changes };
}
