// The two stores behind the relay: LevelDB in DATA_DIR (the default, one process) and PostgreSQL
// when DATABASE_URL is set (any number of instances). Both keep the same three things: every
// document's Yjs updates, the meeting registry, and (PostgreSQL only) which instance owns a meeting.
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

export interface MeetingRecord {
  id: string;
  facilitatorKeyHash: string;
  /** the view-only board key; absent for meetings created before it existed until replaced */
  boardKeyHash?: string;
  joinCode: string;
  createdAt: number;
}

export interface ParticipantRecord {
  id: string;
  keyHash: string;
  createdAt: number;
}

/** A meeting's place in its forum's series: `n` is 0 for the forum's first meeting. */
export interface SeriesMembership {
  series: string;
  n: number;
}

/** Everything the registry holds, in a form both stores write and compare (store:copy). */
export interface RegistryDump {
  meetings: (MeetingRecord & { participants: ParticipantRecord[]; closed: boolean; touchedAt: number | null })[];
  series: ({ meetingId: string } & SeriesMembership)[];
}

/** Meetings, join codes, key hashes (never keys), closed flags, last use, and series. */
export interface RegistryStore {
  meeting(id: string): Promise<MeetingRecord | null>;
  participants(meetingId: string): Promise<ParticipantRecord[]>;
  /** false when the join code is already taken (nothing written) */
  insertMeeting(record: MeetingRecord): Promise<boolean>;
  /** replaces the key hashes of an existing meeting */
  updateMeeting(record: MeetingRecord): Promise<void>;
  meetingIdForCode(code: string): Promise<string | null>;
  addParticipant(meetingId: string, record: ParticipantRecord): Promise<void>;
  /** every meeting's id and creation time */
  meetings(): AsyncIterable<{ id: string; createdAt: number }>;
  /** the meeting, its join code, participants, flags and series membership, gone */
  deleteMeeting(meetingId: string): Promise<void>;
  closedMeetings(): Promise<string[]>;
  isClosed(meetingId: string): Promise<boolean>;
  setClosed(meetingId: string, closed: boolean): Promise<void>;
  touchedAt(meetingId: string): Promise<number | null>;
  touch(meetingId: string, at: number): Promise<void>;
  seriesOf(meetingId: string): Promise<SeriesMembership | null>;
  /** the meetings of a series in order */
  seriesMembers(series: string): Promise<string[]>;
  addToSeries(entries: ({ meetingId: string } & SeriesMembership)[]): Promise<void>;
  dump(): Promise<RegistryDump>;
  /** writes a dump into an empty registry */
  restore(dump: RegistryDump): Promise<void>;
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
}

export interface Store {
  readonly kind: 'level' | 'postgres';
  /** where it is, for the log: a path, or the database URL without its password */
  readonly location: string;
  docs: DocStore;
  registry: RegistryStore;
  locks: MeetingLocks;
  /** after a meeting was deleted: make the deleted content leave the disk where the store can */
  purgeDeleted(): Promise<void>;
  /** a consistent copy into a new DATA_DIR while meetings go on (LevelDB only) */
  backup(dir: string): Promise<{ docs: number; registry: number }>;
  close(): Promise<void>;
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
