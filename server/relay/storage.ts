// Embedded persistence: y-leveldb for the Yjs documents, a plain level db for the meeting registry.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Level } from 'level';
import { LeveldbPersistence, getCurrentUpdateClock, getLevelUpdates } from 'y-leveldb';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { loadUpdates } from './loadUpdates';

/** y-leveldb compacts a doc on load past this many stored updates; so do we. */
const COMPACT_ON_LOAD = 500;

/** y-leveldb's key for a doc's n-th stored update (its keyEncoding turns the array into bytes). */
const updateKey = (name: string, clock: number) => ['v1', name, 'update', clock];
/** y-leveldb's state vector entry: how it lists the docs that exist (docNames, backup). */
const stateVectorKey = (name: string) => ['v1_sv', name];

export interface Storage {
  loadDoc(name: string): Promise<Y.Doc>;
  /**
   * Resolves once the updates are written, all of them in one LevelDB write batch (the leveldb
   * log; survives a process kill).
   */
  storeUpdate(name: string, ...updates: Uint8Array[]): Promise<void>;
  /** Merges a doc's stored updates into one. */
  compact(name: string): Promise<void>;
  /** Deletes every stored update and meta entry of a doc. */
  clearDoc(name: string): Promise<void>;
  /** Names of every stored doc. */
  docNames(): Promise<string[]>;
  /** The raw docs database (for a consistent backup through its snapshot iterator). */
  docsDb(): Promise<Level<Uint8Array, Uint8Array>>;
  registry: Level<string, unknown>;
  close(): Promise<void>;
}

export async function openStorage(
  dataDir: string,
  warn: (message: string, fields: Record<string, unknown>) => void = () => {},
): Promise<Storage> {
  const docsDir = path.join(dataDir, 'docs');
  const registryDir = path.join(dataDir, 'registry');
  await mkdir(docsDir, { recursive: true });
  await mkdir(registryDir, { recursive: true });
  const docs = new LeveldbPersistence(docsDir);
  const registry = new Level<string, unknown>(registryDir, { valueEncoding: 'json' });
  await registry.open();
  let closed = false;
  // y-leveldb runs every operation in one queue, logs and swallows errors and answers null
  const inQueue = <T>(fn: (db: any) => Promise<T>): Promise<T | null> => docs._transact(fn);
  /**
   * Next update clock per doc, so a store is one write and no read. Every write to a doc's updates
   * passes through the queue; y-leveldb's own (compaction, clearing) forget the doc's entry from
   * inside the queue, right after they ran, so the next store reads the clock again.
   */
  const clocks = new Map<string, number>();
  const forgetClockAfter = <T>(name: string, operation: Promise<T>): Promise<T> => {
    const forgotten = inQueue(async () => clocks.delete(name));
    return operation.then(async (result) => {
      await forgotten;
      return result;
    });
  };
  /** Replaces a doc's stored updates by one snapshot: written first, then the older ones cleared. */
  const rewrite = (name: string, doc: Y.Doc) =>
    inQueue(async (db) => {
      clocks.delete(name);
      const next = (await getCurrentUpdateClock(db, name)) + 1;
      await db.put(updateKey(name, next), Buffer.from(Y.encodeStateAsUpdate(doc)));
      await db.clear({ gte: updateKey(name, 0), lt: updateKey(name, next) });
      return true;
    });
  return {
    registry,
    async loadDoc(name) {
      const updates = await inQueue((db) => getLevelUpdates(db, name) as Promise<Uint8Array[]>);
      if (!updates) throw new Error('could not load a document from the store');
      const { doc, skipped } = loadUpdates(updates);
      if (skipped.length > 0) {
        // loads as far as it can instead of wedging; the damaged updates are dropped from the store
        warn('a stored document was damaged; loaded without the updates that failed', {
          skipped: skipped.length,
          of: updates.length,
          why: skipped[0].why,
        });
        await rewrite(name, doc);
      } else if (updates.length > COMPACT_ON_LOAD) {
        await rewrite(name, doc);
      }
      return doc;
    },
    async storeUpdate(name, ...updates) {
      if (updates.length === 0) return;
      // in y-leveldb's queue, so writes land in call order and never beside a compaction of the doc
      const stored = await inQueue(async (db) => {
        try {
          let next = clocks.get(name) ?? (await getCurrentUpdateClock(db, name)) + 1;
          const ops: { type: 'put'; key: unknown; value: Buffer }[] = [];
          if (next === 0) ops.push({ type: 'put', key: stateVectorKey(name), value: Buffer.from(firstStateVector(updates)) });
          for (const update of updates) ops.push({ type: 'put', key: updateKey(name, next++), value: Buffer.from(update) });
          await db.batch(ops);
          clocks.set(name, next);
          return true;
        } catch (err) {
          clocks.delete(name);
          throw err;
        }
      });
      if (stored !== true) throw new Error('could not store an update');
    },
    compact: (name) => forgetClockAfter(name, docs.flushDocument(name)),
    clearDoc: (name) => forgetClockAfter(name, docs.clearDocument(name)),
    docNames: () => docs.getAllDocNames() as Promise<string[]>,
    // y-leveldb keeps its level instance private; its queue hands it to us
    docsDb: () => (docs as unknown as { _transact<T>(f: (db: Level<Uint8Array, Uint8Array>) => T): Promise<T> })._transact((db) => db),
    async close() {
      if (closed) return;
      closed = true;
      await docs.destroy();
      await registry.close();
    },
  };
}

/** What y-leveldb writes beside a doc's first update (clock 0), so the doc is listed. */
function firstStateVector(updates: Uint8Array[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVectorFromUpdate(updates.length === 1 ? updates[0] : Y.mergeUpdates(updates)));
  return encoding.toUint8Array(encoder);
}
