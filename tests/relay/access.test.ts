import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, JOIN_CODE_ALPHABET, JOIN_CODE_PATTERN, parseDocName, type DocName } from '../../common/docNames';
import { accessFor } from '../../server/access';
import { generateJoinCode } from '../../server/meetings';
import { addParticipant, createMeeting, openRaw, startRelay, waitFor, type TestRelay } from './helpers';

const M = 'A'.repeat(21);
const P = 'p'.repeat(21);
const Q = 'q'.repeat(21);
const facilitator = { kind: 'facilitator' } as const;
const participant = { kind: 'participant', participantId: P } as const;
const board = { kind: 'board' } as const;

describe('access rules', () => {
  const doc = (name: string) => parseDocName(name) as DocName;

  it('the meeting and control docs are written by the facilitator only; participants and the board read them', () => {
    for (const name of [M, `${M}/control`]) {
      expect(accessFor(doc(name), facilitator)).toBe('readwrite');
      expect(accessFor(doc(name), participant)).toBe('read');
      expect(accessFor(doc(name), board)).toBe('read');
    }
  });

  it('a private doc opens for its own participant only: not for another, the facilitator or the board', () => {
    expect(accessFor(doc(`${M}/p/${P}`), participant)).toBe('readwrite');
    expect(accessFor(doc(`${M}/p/${Q}`), participant)).toBe('forbidden');
    expect(accessFor(doc(`${M}/p/${P}`), facilitator)).toBe('forbidden');
    expect(accessFor(doc(`${M}/p/${P}`), board)).toBe('forbidden');
  });

  it('the inbox is read-only for the facilitator and closed to participants and the board', () => {
    expect(accessFor(doc(`${M}/inbox`), facilitator)).toBe('read');
    expect(accessFor(doc(`${M}/inbox`), participant)).toBe('forbidden');
    expect(accessFor(doc(`${M}/inbox`), board)).toBe('forbidden');
  });

  it('a group doc is read by everyone, written by the facilitator and, while they are members, participants', () => {
    expect(accessFor(doc(`${M}/g/g1`), facilitator)).toBe('readwrite');
    expect(accessFor(doc(`${M}/g/g1`), participant)).toBe('member');
    expect(accessFor(doc(`${M}/g/g1`), board)).toBe('read');
  });
});

describe('document names', () => {
  it('parses the five kinds and refuses everything else, the relay’s own doc included', () => {
    expect(parseDocName(`${M}/g/g1`)).toEqual({ kind: 'group', meetingId: M, groupId: 'g1' });
    expect(parseDocName(`${M}/relay`)).toBeNull();
    expect(parseDocName(M)).toEqual({ kind: 'meeting', meetingId: M });
    expect(parseDocName(`${M}/control`)).toEqual({ kind: 'control', meetingId: M });
    expect(parseDocName(`${M}/inbox`)).toEqual({ kind: 'inbox', meetingId: M });
    expect(parseDocName(`${M}/p/${P}`)).toEqual({ kind: 'private', meetingId: M, participantId: P });
    for (const bad of ['', 'short', `${M}/`, `${M}/other`, `${M}/p`, `${M}/p/short`, `${M}/control/x`, `../${M}`, `${M}/p/${P}/x`]) {
      expect(parseDocName(bad)).toBeNull();
    }
  });
});

describe('join codes', () => {
  it('are six characters from the join-code alphabet', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode();
      expect(code).toMatch(JOIN_CODE_PATTERN);
      for (const ch of code) seen.add(ch);
    }
    for (const ch of seen) expect(JOIN_CODE_ALPHABET).toContain(ch);
    expect(seen.size).toBeGreaterThan(JOIN_CODE_ALPHABET.length / 2);
  });
});

describe('websocket close codes', () => {
  let relay: TestRelay;
  let meetingId: string;
  let facilitatorKey: string;
  beforeAll(async () => {
    relay = await startRelay();
    ({ meetingId, facilitatorKey } = await createMeeting(relay.url));
  });
  afterAll(() => relay.dispose());

  it('a missing key closes with 4401', async () => {
    expect((await openRaw(relay.wsUrl, meetingId).closed).code).toBe(CloseCode.badKey);
  });

  it('an unknown key closes with 4401', async () => {
    expect((await openRaw(relay.wsUrl, meetingId, 'x'.repeat(21)).closed).code).toBe(CloseCode.badKey);
  });

  it('a key of another meeting closes with 4401', async () => {
    const other = await createMeeting(relay.url);
    expect((await openRaw(relay.wsUrl, meetingId, other.facilitatorKey).closed).code).toBe(CloseCode.badKey);
  });

  it('an unknown meeting closes with 4404', async () => {
    expect((await openRaw(relay.wsUrl, 'Z'.repeat(21), facilitatorKey).closed).code).toBe(CloseCode.unknownMeeting);
  });

  it('a bad document name closes with 4400', async () => {
    expect((await openRaw(relay.wsUrl, `${meetingId}/secrets`, facilitatorKey).closed).code).toBe(CloseCode.badDocName);
    expect((await openRaw(relay.wsUrl, 'nope', facilitatorKey).closed).code).toBe(CloseCode.badDocName);
  });

  it('a meeting id sent percent-encoded closes with 4400: the balancer routes by the id as sent, so an encoded one would reach an instance it did not choose', async () => {
    const encoded = `%${meetingId.charCodeAt(0).toString(16).toUpperCase()}${meetingId.slice(1)}`;
    const raw = openRaw(relay.wsUrl, encoded, facilitatorKey);
    expect((await raw.closed).code).toBe(CloseCode.badDocName);
    expect(raw.messages).toHaveLength(0);
    // the rest of a doc name may be encoded (a client may send the '/' as %2F): still the same doc
    const participant = openRaw(relay.wsUrl, `${meetingId}%2Fcontrol`, facilitatorKey);
    await participant.opened;
    await waitFor(() => participant.messages.length > 0);
    participant.ws.close();
  });

  it('the facilitator opening a private doc closes with 4403, whether or not that participant joined', async () => {
    expect((await openRaw(relay.wsUrl, `${meetingId}/p/${P}`, facilitatorKey).closed).code).toBe(CloseCode.forbidden);
    const p = await addParticipant(relay.url, meetingId);
    expect((await openRaw(relay.wsUrl, `${meetingId}/p/${p.participantId}`, facilitatorKey).closed).code).toBe(CloseCode.forbidden);
  });

  it('a participant key opens the meeting doc and receives sync step 1', async () => {
    const p = await addParticipant(relay.url, meetingId);
    const raw = openRaw(relay.wsUrl, meetingId, p.participantKey);
    await raw.opened;
    await waitFor(() => raw.messages.length > 0, { message: 'the relay’s first message' });
    expect(raw.messages[0][0]).toBe(0);
    raw.ws.close();
  });
});
