// The meeting registry: meetings, join codes, key hashes. Keys themselves are never stored.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { nanoid } from 'nanoid';
import type { Level } from 'level';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../common/docNames';

export type Role = { kind: 'facilitator' } | { kind: 'participant'; participantId: string } | { kind: 'board' };

interface MeetingRecord {
  id: string;
  facilitatorKeyHash: string;
  /** the view-only board key; absent for meetings created before it existed until replaced */
  boardKeyHash?: string;
  joinCode: string;
  createdAt: number;
}

interface ParticipantRecord {
  id: string;
  keyHash: string;
  createdAt: number;
}

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

const meetingKey = (id: string) => `meeting:${id}`;
const codeKey = (code: string) => `code:${code}`;
const participantKey = (meetingId: string, id: string) => `participant:${meetingId}:${id}`;

export class MeetingRegistry {
  // only meetings that exist are cached, so a spray of random ids cannot grow memory
  private readonly cache = new Map<string, Promise<MeetingState | null>>();

  constructor(private readonly db: Level<string, unknown>) {}

  async createMeeting(): Promise<{ meetingId: string; facilitatorKey: string; boardKey: string; joinCode: string }> {
    const meetingId = nanoid();
    const facilitatorKey = nanoid();
    const boardKey = nanoid();
    let joinCode = generateJoinCode();
    for (let tries = 0; (await this.get(codeKey(joinCode))) !== undefined; tries++) {
      if (tries > 50) throw new Error('could not find a free join code');
      joinCode = generateJoinCode();
    }
    const record: MeetingRecord = {
      id: meetingId,
      facilitatorKeyHash: hashKey(facilitatorKey).toString('hex'),
      boardKeyHash: hashKey(boardKey).toString('hex'),
      joinCode,
      createdAt: Date.now(),
    };
    await this.db.batch([
      { type: 'put', key: meetingKey(meetingId), value: record },
      { type: 'put', key: codeKey(joinCode), value: meetingId },
    ]);
    this.cache.set(meetingId, Promise.resolve({ record, participants: new Map(), participantByHash: new Map() }));
    return { meetingId, facilitatorKey, boardKey, joinCode };
  }

  /** Replaces the view-only board key; the old one stops working at once. null when unknown. */
  async replaceBoardKey(meetingId: string): Promise<string | null> {
    const state = await this.state(meetingId);
    if (!state) return null;
    const boardKey = nanoid();
    const record: MeetingRecord = { ...state.record, boardKeyHash: hashKey(boardKey).toString('hex') };
    await this.db.put(meetingKey(meetingId), record);
    state.record = record;
    return boardKey;
  }

  /** Replaces the facilitator key; the old one stops working at once. null when unknown. */
  async replaceFacilitatorKey(meetingId: string): Promise<string | null> {
    const state = await this.state(meetingId);
    if (!state) return null;
    const facilitatorKey = nanoid();
    const record: MeetingRecord = { ...state.record, facilitatorKeyHash: hashKey(facilitatorKey).toString('hex') };
    await this.db.put(meetingKey(meetingId), record);
    state.record = record;
    return facilitatorKey;
  }

  /** Removes the meeting, its join code and its participants' key hashes from disk and memory. */
  async deleteMeeting(meetingId: string): Promise<boolean> {
    const state = await this.state(meetingId);
    if (!state) return false;
    const prefix = `participant:${meetingId}:`;
    const ops: { type: 'del'; key: string }[] = [{ type: 'del', key: meetingKey(meetingId) }];
    if ((await this.get(codeKey(state.record.joinCode))) === meetingId) ops.push({ type: 'del', key: codeKey(state.record.joinCode) });
    for await (const key of this.db.keys({ gte: prefix, lt: `${prefix}\xff` })) ops.push({ type: 'del', key });
    await this.db.batch(ops);
    this.cache.delete(meetingId);
    return true;
  }

  /** Every meeting's id and creation time (for retention). */
  async *meetings(): AsyncGenerator<{ id: string; createdAt: number }> {
    for await (const [, value] of this.db.iterator({ gte: 'meeting:', lt: 'meeting:\xff' })) {
      const record = value as MeetingRecord;
      yield { id: record.id, createdAt: record.createdAt };
    }
  }

  /** When the meeting was created; null when it does not exist (a series lists only live meetings). */
  async createdAt(meetingId: string): Promise<number | null> {
    return (await this.state(meetingId))?.record.createdAt ?? null;
  }

  async meetingIdForCode(code: string): Promise<string | null> {
    const id = await this.get(codeKey(code));
    return typeof id === 'string' ? id : null;
  }

  async exists(meetingId: string): Promise<boolean> {
    return (await this.state(meetingId)) !== null;
  }

  async participantIds(meetingId: string): Promise<string[]> {
    const state = await this.state(meetingId);
    return state ? [...state.participants.keys()] : [];
  }

  async hasParticipant(meetingId: string, participantId: string): Promise<boolean> {
    const state = await this.state(meetingId);
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
    await this.db.put(participantKey(meetingId, participantId), record);
    state.participants.set(participantId, record);
    state.participantByHash.set(keyHash, participantId);
    return { participantId, participantKey: key };
  }

  /** 'unknownMeeting', the role the key grants, or null for a wrong key. */
  async authenticate(meetingId: string, key: string): Promise<Role | null | 'unknownMeeting'> {
    const state = await this.state(meetingId);
    if (!state) return 'unknownMeeting';
    return this.roleFor(state, key);
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
    const record = (await this.get(meetingKey(meetingId))) as MeetingRecord | undefined;
    if (!record) return null;
    const participants = new Map<string, ParticipantRecord>();
    const participantByHash = new Map<string, string>();
    const prefix = `participant:${meetingId}:`;
    for await (const [, value] of this.db.iterator({ gte: prefix, lt: `${prefix}\xff` })) {
      const p = value as ParticipantRecord;
      participants.set(p.id, p);
      participantByHash.set(p.keyHash, p.id);
    }
    return { record, participants, participantByHash };
  }

  private async get(key: string): Promise<unknown> {
    // level 8 returns undefined for a missing key; older levels threw notFound
    try {
      return await this.db.get(key);
    } catch (err) {
      if ((err as { code?: string }).code === 'LEVEL_NOT_FOUND') return undefined;
      throw err;
    }
  }
}
