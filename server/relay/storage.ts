// Embedded persistence: y-leveldb for the Yjs documents, a plain level db for the meeting registry.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Level } from 'level';
import { LeveldbPersistence } from 'y-leveldb';
import type * as Y from 'yjs';

export interface Storage {
  loadDoc(name: string): Promise<Y.Doc>;
  /** Resolves once the update is written (leveldb log; survives a process kill). */
  storeUpdate(name: string, update: Uint8Array): Promise<void>;
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

export async function openStorage(dataDir: string): Promise<Storage> {
  const docsDir = path.join(dataDir, 'docs');
  const registryDir = path.join(dataDir, 'registry');
  await mkdir(docsDir, { recursive: true });
  await mkdir(registryDir, { recursive: true });
  const docs = new LeveldbPersistence(docsDir);
  const registry = new Level<string, unknown>(registryDir, { valueEncoding: 'json' });
  await registry.open();
  let closed = false;
  return {
    registry,
    async loadDoc(name) {
      // y-leveldb logs and swallows its own errors, answering null
      const doc = (await docs.getYDoc(name)) as Y.Doc | null;
      if (!doc) throw new Error('could not load a document from the store');
      return doc;
    },
    async storeUpdate(name, update) {
      // y-leveldb serialises all its operations in one queue, so writes land in call order
      const clock = (await docs.storeUpdate(name, update)) as number | null;
      if (typeof clock !== 'number') throw new Error('could not store an update');
    },
    compact: (name) => docs.flushDocument(name),
    clearDoc: (name) => docs.clearDocument(name),
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
