// The meeting registry: meetings, join codes, key hashes. Keys themselves are never stored.
// A meeting's records are cached while it is used; with several instances (PostgreSQL) another
// instance may have added a participant or replaced a key, so an unknown key reloads the meeting
// once before it is refused, and a meeting taken over from another instance is read afresh. Only
// the instance holding a meeting's lock changes its keys or deletes it, so a key is checked against
// the cache only there: anywhere else it is checked against the registry as it is now (a replaced
// or deleted meeting's key must not open a socket on an instance that cached it earlier).
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../common/docNames';
import type { MeetingRecord, ParticipantRecord, RegistryStore } from './store/types';
import type { MeetingLocks } from './relay/docStore';

export type Role = { kind: 'facilitator' } | { kind: 'participant'; participantId: string } | { kind: 'board' };

interface MeetingState {
  record: MeetingRecord;
  participants: Map<string, ParticipantRecord>;
  participantByHash: Map<string, string>;
}

export function hashKey(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}

export function generateJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

function sameHash(a: Buffer, hex: string): boolean {
  const b = Buffer.from(hex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export class MeetingRegistry {
  // only meetings that exist are cached, so a spray of random ids cannot grow memory
  private readonly cache = new Map<string, Promise<MeetingState | null>>();
  /** a read of the registry under way for a meeting this instance does not hold: checks at the same time share it */
  private readonly reading = new Map<string, Promise<MeetingState | null>>();
  /** other instances write the same registry (PostgreSQL) */
  private readonly shared: boolean;

  constructor(
    private readonly store: RegistryStore,
    private readonly locks: Pick<MeetingLocks, 'shared' | 'holds'> = { shared: false, holds: () => true },
  ) {
    this.shared = locks.shared;
  }

  /** Forgets what is cached of a meeting: the next use reads it from the store. */
  forget(meetingId: string): void {
    this.cache.delete(meetingId);
  }

  async createMeeting(): Promise<{ meetingId: string; facilitatorKey: string; boardKey: string; joinCode: string }> {
    const meetingId = nanoid();
    const facilitatorKey = nanoid();
    const boardKey = nanoid();
    let record: MeetingRecord;
    for (let tries = 0; ; tries++) {
      if (tries > 50) throw new Error('could not find a free join code');
      record = {
        id: meetingId,
        facilitatorKeyHash: hashKey(facilitatorKey).toString('hex'),
        boardKeyHash: hashKey(boardKey).toString('hex'),
        joinCode: generateJoinCode(),
        createdAt: Date.now(),
      };
      if (await this.store.insertMeeting(record)) break;
    }
    const joinCode = record.joinCode;
    this.cache.set(meetingId, Promise.resolve({ record, participants: new Map(), participantByHash: new Map() }));
    return { meetingId, facilitatorKey, boardKey, joinCode };
  }

  /** Replaces the view-only board key; the old one stops working at once. null when unknown. */
  async replaceBoardKey(meetingId: string): Promise<string | null> {
    const state = await this.state(meetingId);
    if (!state) return null;
    const boardKey = nanoid();
    const record: MeetingRecord = { ...state.record, boardKeyHash: hashKey(boardKey).toString('hex') };
    await this.store.updateMeeting(record);
    state.record = record;
    return boardKey;
  }

  /** Replaces the facilitator key; the old one stops working at once. null when unknown. */
  async replaceFacilitatorKey(meetingId: string): Promise<string | null> {
    const state = await this.state(meetingId);
    if (!state) return null;
    const facilitatorKey = nanoid();
    const record: MeetingRecord = { ...state.record, facilitatorKeyHash: hashKey(facilitatorKey).toString('hex') };
    await this.store.updateMeeting(record);
    state.record = record;
    return facilitatorKey;
  }

  /**
   * Removes the meeting, its join code, its participants' key hashes, its flags and its place in
   * a series from the store and memory.
   */
  async deleteMeeting(meetingId: string): Promise<boolean> {
    const state = await this.state(meetingId);
    if (!state) return false;
    await this.store.deleteMeeting(meetingId);
    this.cache.delete(meetingId);
    return true;
  }

  /** Every meeting's id and creation time (for retention). */
  meetings(): AsyncIterable<{ id: string; createdAt: number }> {
    return this.store.meetings();
  }

  /** When the meeting was created; null when it does not exist (a series lists only live meetings). */
  async createdAt(meetingId: string): Promise<number | null> {
    return (await this.state(meetingId))?.record.createdAt ?? null;
  }

  /** The meeting's join code from the registry (no document opened); null when it does not exist. */
  async joinCodeOf(meetingId: string): Promise<string | null> {
    return (await this.state(meetingId))?.record.joinCode ?? null;
  }

  meetingIdForCode(code: string): Promise<string | null> {
    return this.store.meetingIdForCode(code);
  }

  async exists(meetingId: string): Promise<boolean> {
    return (await this.state(meetingId)) !== null;
  }

  async participantIds(meetingId: string): Promise<string[]> {
    const state = await this.state(meetingId);
    return state ? [...state.participants.keys()] : [];
  }

  async hasParticipant(meetingId: string, participantId: string): Promise<boolean> {
    let state = await this.state(meetingId);
    if (state && !state.participants.has(participantId) && this.shared) state = await this.reload(meetingId);
    return state?.participants.has(participantId) ?? false;
  }

  /** null when the meeting is unknown. */
  async addParticipant(meetingId: string): Promise<{ participantId: string; participantKey: string } | null> {
    const state = await this.state(meetingId);
    if (!state) return null;
    const participantId = nanoid();
    const key = nanoid();
    const keyHash = hashKey(key).toString('hex');
    const record: ParticipantRecord = { id: participantId, keyHash, createdAt: Date.now() };
    await this.store.addParticipant(meetingId, record);
    state.participants.set(participantId, record);
    state.participantByHash.set(keyHash, participantId);
    return { participantId, participantKey: key };
  }

  /** 'unknownMeeting', the role the key grants, or null for a wrong key. */
  async authenticate(meetingId: string, key: string): Promise<Role | null | 'unknownMeeting'> {
    if (this.shared && !this.locks.holds(meetingId)) {
      const now = await this.readNow(meetingId);
      return now ? this.roleFor(now, key) : 'unknownMeeting';
    }
    let state = await this.state(meetingId);
    if (!state && this.shared) state = await this.reload(meetingId);
    if (!state) return 'unknownMeeting';
    const role = this.roleFor(state, key);
    if (role || !this.shared) return role;
    // another instance may have let this key in (a join) since the meeting was cached here
    const fresh = await this.reload(meetingId);
    return fresh ? this.roleFor(fresh, key) : 'unknownMeeting';
  }

  /** The meeting as the registry holds it now (checks that arrive together share one read), cached afresh. */
  private readNow(meetingId: string): Promise<MeetingState | null> {
    let pending = this.reading.get(meetingId);
    if (!pending) {
      pending = this.reload(meetingId).finally(() => this.reading.delete(meetingId));
      this.reading.set(meetingId, pending);
    }
    return pending;
  }

  private reload(meetingId: string): Promise<MeetingState | null> {
    this.cache.delete(meetingId);
    return this.state(meetingId);
  }

  private roleFor(state: MeetingState, key: string): Role | null {
    const hash = hashKey(key);
    if (sameHash(hash, state.record.facilitatorKeyHash)) return { kind: 'facilitator' };
    if (state.record.boardKeyHash && sameHash(hash, state.record.boardKeyHash)) return { kind: 'board' };
    const participantId = state.participantByHash.get(hash.toString('hex'));
    const participant = participantId ? state.participants.get(participantId) : undefined;
    if (participant && sameHash(hash, participant.keyHash)) return { kind: 'participant', participantId: participant.id };
    return null;
  }

  private state(meetingId: string): Promise<MeetingState | null> {
    let pending = this.cache.get(meetingId);
    if (!pending) {
      pending = this.load(meetingId);
      this.cache.set(meetingId, pending);
      pending.then(
        (s) => {
          if (!s) this.cache.delete(meetingId);
        },
        () => this.cache.delete(meetingId),
      );
    }
    return pending;
  }

  private async load(meetingId: string): Promise<MeetingState | null> {
    const record = await this.store.meeting(meetingId);
    if (!record) return null;
    const participants = new Map<string, ParticipantRecord>();
    const participantByHash = new Map<string, string>();
    for (const p of await this.store.participants(meetingId)) {
      participants.set(p.id, p);
      participantByHash.set(p.keyHash, p.id);
    }
    return { record, participants, participantByHash };
  }
}
