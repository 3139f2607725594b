// The two stores behind the relay: LevelDB in DATA_DIR (the default, one process) and PostgreSQL
// when DATABASE_URL is set (any number of instances). Both keep the same three things: every
// document's Yjs updates, the meeting registry, and (PostgreSQL only) which instance owns a meeting.
import type { DocStore, MeetingLocks } from '../relay/docStore';
import type { PlannedMeeting } from '../../common/term';

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
  /** the term: planned meetings' plans, series' feed key hashes, where a meeting's steps were carried */
  plans: { meetingId: string; plan: PlannedMeeting }[];
  feeds: { series: string; hash: string }[];
  carried: { meetingId: string; to: string }[];
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
  /** the meeting, its join code, participants, flags, series membership, plan and carried marker gone; the series' feed key too when it was the series' last meeting */
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
  /** a planned meeting's plan (the term), or null */
  planOf(meetingId: string): Promise<PlannedMeeting | null>;
  setPlan(meetingId: string, plan: PlannedMeeting): Promise<void>;
  /** the hash of the series' calendar feed key, or null */
  feedHashOf(series: string): Promise<string | null>;
  /** the series a feed key hash belongs to, or null for a wrong or replaced one */
  seriesOfFeedHash(hash: string): Promise<string | null>;
  /** replaces the series' feed key hash: the old hash leads nowhere at once */
  setFeedHash(series: string, hash: string): Promise<void>;
  /** the planned meeting this meeting's open steps went to, or null */
  carriedTo(meetingId: string): Promise<string | null>;
  setCarried(meetingId: string, to: string): Promise<void>;
  dump(): Promise<RegistryDump>;
  /** writes a dump into an empty registry */
  restore(dump: RegistryDump): Promise<void>;
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
  /** resolves when the store answers now; rejects when it cannot (PostgreSQL unreachable): /healthz asks */
  ping(): Promise<void>;
  /** a consistent copy into a new DATA_DIR while meetings go on (LevelDB only) */
  backup(dir: string): Promise<{ docs: number; registry: number }>;
  close(): Promise<void>;
}

