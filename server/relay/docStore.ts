// What the transport needs of a store: a document's updates, and which meetings this instance
// may serve. The stores (server/store/) implement it; the relay knows nothing else of them.
import type * as Y from 'yjs';

/** A document's stored updates. Nothing is broadcast before storeUpdate resolves. */
export interface DocStore {
  loadDoc(name: string): Promise<Y.Doc>;
  /** Resolves once the updates are durable, all of them in one write (group commit). */
  storeUpdate(name: string, ...updates: Uint8Array[]): Promise<void>;
  /** Replaces a doc's stored updates by one snapshot, atomically. */
  compact(name: string): Promise<void>;
  /** Deletes every stored update of a doc. */
  clearDoc(name: string): Promise<void>;
  /** Names of every stored doc. */
  docNames(): Promise<string[]>;
  /** Deletes every stored update of every doc of a meeting; returns how many docs it had. */
  deleteMeetingDocs(meetingId: string): Promise<number>;
  /** The stored updates as they are (store:copy moves these, then compares states). */
  readUpdates(name: string): Promise<Uint8Array[]>;
}

/**
 * Which instance serves a meeting. With LevelDB there is one process: every lock is granted. With
 * PostgreSQL a lock is a session-level advisory lock on one connection the instance keeps, and the
 * document writes go through that same connection, so a write can never outlive the lock.
 */
export interface MeetingLocks {
  /** false: one process, no locks taken */
  readonly shared: boolean;
  tryLock(meetingId: string): Promise<boolean>;
  unlock(meetingId: string): Promise<void>;
  /** `fn` runs when the lock connection is lost: every lock this instance held is gone */
  onLost(fn: () => void): void;
  /** does this instance hold the meeting now (one process: always) */
  holds(meetingId: string): boolean;
}

/** Thrown when a meeting is served by another instance (or this instance lost its lock). */
export class NotOwnerError extends Error {
  constructor(readonly meetingId: string) {
    super('the meeting is served by another instance');
    this.name = 'NotOwnerError';
  }
}

/** The meeting a document name belongs to: everything before the first '/'. */
export const meetingOfDoc = (name: string): string => {
  const slash = name.indexOf('/');
  return slash < 0 ? name : name.slice(0, slash);
};
