// The default store, nothing to install: y-leveldb for the Yjs documents in DATA_DIR/docs, a plain
// level db for the registry in DATA_DIR/registry. One process owns DATA_DIR (LevelDB's own lock),
// so meeting locks are always granted.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Level } from 'level';
import { LeveldbPersistence, getCurrentUpdateClock, getLevelUpdates } from 'y-leveldb';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { loadUpdates } from './loadUpdates';
import type { DocStore, MeetingLocks } from '../relay/docStore';
import type { Store } from './types';
import { LevelRegistry } from './levelRegistry';

/** y-leveldb compacts a doc on load past this many stored updates; so do we. */
const COMPACT_ON_LOAD = 500;

/** y-leveldb's key for a doc's n-th stored update (its keyEncoding turns the array into bytes). */
const updateKey = (name: string, clock: number) => ['v1', name, 'update', clock];
/** y-leveldb's state vector entry: how it lists the docs that exist (docNames, backup). */
const stateVectorKey = (name: string) => ['v1_sv', name];

type Warn = (message: string, fields: Record<string, unknown>) => void;

/**
 * LevelDB's native memory, bounded and written down (classic-level's options): the block cache,
 * the memtable (twice that while one is being flushed) and the open table files. The soak (issue 21)
 * measured everything malloc holds in the relay at 25–40 MB under load, flat: these caches are not
 * what grew. The registry is small and read mostly through its own in-memory maps.
 */
const DOCS_LEVEL_OPTIONS = { cacheSize: 8 << 20, writeBufferSize: 4 << 20, maxOpenFiles: 256 };
const REGISTRY_LEVEL_OPTIONS = { cacheSize: 2 << 20, writeBufferSize: 1 << 20, maxOpenFiles: 64 };

/** One process: every meeting is this process's. */
const localLocks: MeetingLocks = {
  shared: false,
  tryLock: async () => true,
  unlock: async () => {},
  onLost: () => {},
  holds: () => true,
};

export async function openLevelStore(dataDir: string, warn: Warn = () => {}): Promise<Store> {
  const docsDir = path.join(dataDir, 'docs');
  const registryDir = path.join(dataDir, 'registry');
  await mkdir(docsDir, { recursive: true });
  await mkdir(registryDir, { recursive: true });
  const persistence = new LeveldbPersistence(docsDir, { levelOptions: DOCS_LEVEL_OPTIONS });
  const registryDb = new Level<string, unknown>(registryDir, { valueEncoding: 'json', ...REGISTRY_LEVEL_OPTIONS });
  await registryDb.open();
  const docs = levelDocs(persistence, warn);
  const docsDb = () => persistence._transact((db: Level<Uint8Array, Uint8Array>) => Promise.resolve(db)) as Promise<Level<Uint8Array, Uint8Array>>;
  let closed = false;
  return {
    kind: 'level',
    location: path.resolve(dataDir),
    docs,
    registry: new LevelRegistry(registryDb),
    locks: localLocks,
    // the files are this process's own: open until close
    async ping() {
      if (closed) throw new Error('the store is closed');
    },
    async purgeDeleted() {
      // deletes are tombstones until LevelDB compacts: compact now so the text leaves the disk
      await purgeDeleted(registryDb, false);
      await purgeDeleted(await docsDb(), true);
    },
    async backup(dir) {
      return backupLevel(dir, registryDb, await docsDb());
    },
    async close() {
      if (closed) return;
      closed = true;
      await persistence.destroy();
      await registryDb.close();
    },
  };
}

function levelDocs(docs: LeveldbPersistence, warn: Warn): DocStore {
  // y-leveldb runs every operation in one queue, logs and swallows errors and answers null
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- y-leveldb hands its level instance out untyped
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
  const readUpdates = async (name: string) => {
    const updates = await inQueue((db) => getLevelUpdates(db, name) as Promise<Uint8Array[]>);
    if (!updates) throw new Error('could not load a document from the store');
    return updates;
  };
  return {
    readUpdates,
    async loadDoc(name) {
      const updates = await readUpdates(name);
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
    async deleteMeetingDocs(meetingId) {
      const names = ((await docs.getAllDocNames()) as string[]).filter((n) => n === meetingId || n.startsWith(`${meetingId}/`));
      for (const name of names) await forgetClockAfter(name, docs.clearDocument(name));
      return names.length;
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

type Compactable = {
  compactRange?(start: unknown, end: unknown, options?: object): Promise<void>;
  put(key: unknown, value: unknown, options?: object): Promise<void>;
  del(key: unknown, options?: object): Promise<void>;
};
/**
 * Makes LevelDB rewrite its files without deleted entries. A manual compaction leaves level 0
 * alone while no deeper level has files, so a few flushed sentinel writes push level 0 down first.
 */
async function purgeDeleted(db: unknown, binary: boolean): Promise<void> {
  const store = db as Compactable;
  if (!store.compactRange) return;
  const options = binary ? { keyEncoding: 'view', valueEncoding: 'view' } : {};
  const start = binary ? new Uint8Array([0]) : '';
  const end = binary ? new Uint8Array(64).fill(255) : '\uffff';
  const sentinel = binary ? new Uint8Array([255, 255, 254]) : '\uffffcompaction';
  for (let i = 0; i < 5; i++) {
    await store.put(sentinel, binary ? new Uint8Array([i]) : i, options);
    await store.compactRange(start, end, options);
  }
  await store.del(sentinel, options);
  await store.compactRange(start, end, options);
}

/**
 * Copies both databases into fresh LevelDBs under `dir` (which must not exist), each read
 * through one snapshot iterator, so the copy is consistent while meetings go on. The result
 * is a DATA_DIR: restoring is pointing DATA_DIR at it (see README).
 */
async function backupLevel(dir: string, registry: Level<string, unknown>, docs: Level<Uint8Array, Uint8Array>): Promise<{ docs: number; registry: number }> {
  const target = path.resolve(dir);
  if (await stat(target).catch(() => null)) throw new Error('the backup directory already exists');
  await mkdir(path.join(target, 'docs'), { recursive: true });
  await mkdir(path.join(target, 'registry'), { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- both databases, whatever their encodings, are copied as bytes
  const copy = async (from: Level<any, any>, to: string) => {
    const out = new Level<Uint8Array, Uint8Array>(to, { keyEncoding: 'view', valueEncoding: 'view' });
    await out.open();
    let n = 0;
    let batch = out.batch();
    for await (const [key, value] of from.iterator({ keyEncoding: 'view', valueEncoding: 'view' })) {
      batch.put(key, value);
      if (++n % 1000 === 0) {
        await batch.write();
        batch = out.batch();
      }
    }
    await batch.write();
    await out.close();
    return n;
  };
  // the registry first: a meeting created meanwhile has at worst docs without a registry entry
  const registryCount = await copy(registry, path.join(target, 'registry'));
  const docsCount = await copy(docs, path.join(target, 'docs'));
  return { docs: docsCount, registry: registryCount };
}
