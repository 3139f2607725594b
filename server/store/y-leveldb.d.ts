// y-leveldb 0.2.0's package.json "exports" carries no "types" condition, so TypeScript with
// bundler resolution cannot find its declarations; this is the part of its API the relay uses.
declare module 'y-leveldb' {
  import type * as Y from 'yjs';
  export function getLevelUpdates(db: unknown, docName: string, opts?: object): Promise<Uint8Array[]>;
  export function getCurrentUpdateClock(db: unknown, docName: string): Promise<number>;
  export class LeveldbPersistence {
    /** y-leveldb's one queue of database operations (errors are logged and answered with null) */
    _transact<T>(fn: (db: any) => Promise<T>): Promise<T | null>;
    constructor(location: string, options?: { Level?: unknown; levelOptions?: object });
    getYDoc(docName: string): Promise<Y.Doc>;
    storeUpdate(docName: string, update: Uint8Array): Promise<number>;
    flushDocument(docName: string): Promise<void>;
    getStateVector(docName: string): Promise<Uint8Array>;
    clearDocument(docName: string): Promise<void>;
    getAllDocNames(): Promise<string[]>;
    destroy(): Promise<void>;
  }
}
