// Awareness from hand-made clients with valid keys: spoofing, removal, size and count.
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, controlDocName, meetingDocName } from '../../common/docNames';
import { AWARENESS_IDS_KEPT_PER_PRINCIPAL, AWARENESS_IDS_PER_SOCKET } from '../../server/relay/presence';
import { type DocClient, addParticipant, awarenessFrame, createMeeting, frame, openRaw, sleep, waitFor, relayForEachTest } from './helpers';

const t = relayForEachTest();
const connect = t.connect;

describe('awareness from hand-made clients', () => {
  it('a participant cannot overwrite or remove the facilitator’s awareness state', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    // the board shows presence (a phone shows none, so it is sent none)
    const watcher = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.boardKey);
    await Promise.all([fac.synced, watcher.synced]);
    fac.provider.awareness.setLocalState({ role: 'facilitator', participantId: null });
    const facId = fac.doc.clientID;
    await waitFor(() => (watcher.provider.awareness.getStates().get(facId) as any)?.role === 'facilitator');
    const seen: unknown[] = [];
    watcher.provider.awareness.on('change', () => seen.push(watcher.provider.awareness.getStates().get(facId) ?? null));
    const raw = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await raw.opened;
    raw.ws.send(awarenessFrame([[facId, 1000, { role: 'facilitator', participantId: null, spoofed: true }]]));
    raw.ws.send(awarenessFrame([[facId, 1001, null]]));
    // a marker from the raw socket's own id shows its earlier frames were handled
    raw.ws.send(awarenessFrame([[4242, 1, { role: 'participant', participantId: p.participantId }]]));
    await waitFor(() => watcher.provider.awareness.getStates().has(4242), { message: 'marker' });
    await sleep(50);
    // not even for a moment: the stock client heals its own state, but everyone saw the spoof first
    expect(seen.filter((state) => state === null || (state as any).spoofed)).toEqual([]);
    expect(watcher.provider.awareness.getStates().get(facId)).toEqual({ role: 'facilitator', participantId: null });
    expect(fac.provider.awareness.getStates().get(facId)).toEqual({ role: 'facilitator', participantId: null });
    raw.ws.close();
  });

  it('a participant cannot claim the facilitator or board role, or another participant, in presence', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId, 'Anna');
    const other = await addParticipant(t.relay.url, m.meetingId, 'Bo');
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    const raw = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await raw.opened;
    raw.ws.send(awarenessFrame([[501, 1, { role: 'board', participantId: null }]]));
    raw.ws.send(awarenessFrame([[502, 1, { role: 'facilitator', participantId: null }]]));
    raw.ws.send(awarenessFrame([[503, 1, { role: 'participant', participantId: other.participantId }]]));
    raw.ws.send(awarenessFrame([[504, 1, { role: 'participant', participantId: p.participantId }]]));
    await waitFor(() => fac.provider.awareness.getStates().has(504), { message: 'own presence' });
    await sleep(50);
    for (const id of [501, 502, 503]) expect(fac.provider.awareness.getStates().has(id)).toBe(false);
    raw.ws.close();
  });

  it('presence a participant sends on the read-only control doc says only who it is (access.ts: presence on readable docs)', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    const raw = openRaw(t.relay.wsUrl, controlDocName(m.meetingId), p.participantKey);
    await raw.opened;
    raw.ws.send(awarenessFrame([[777, 1, { role: 'facilitator', participantId: null }]]));
    raw.ws.send(awarenessFrame([[778, 1, { role: 'participant', participantId: p.participantId }]]));
    await waitFor(() => fac.provider.awareness.getStates().has(778), { message: 'own presence' });
    await sleep(50);
    expect(fac.provider.awareness.getStates().has(777)).toBe(false);
    raw.ws.close();
  });

  it('a socket that claims many awareness client ids, or null states for ids it never had, cannot grow the relay', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    // keeps the room loaded; its stock provider has one awareness state
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    const raw = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await raw.opened;
    // null states for never-seen ids: y-protocols would keep a meta entry for each, forever
    raw.ws.send(awarenessFrame(Array.from({ length: 2000 }, (_, i) => [10_000 + i, 1, null] as [number, number, unknown])));
    raw.ws.send(awarenessFrame(Array.from({ length: 50 }, (_, i) => [20_000 + i, 1, { n: i }] as [number, number, unknown])));
    await waitFor(() => fac.provider.awareness.getStates().size > 1, { message: 'the first new ids' });
    await sleep(100);
    // past the per-socket cap new ids are skipped, not punished: the stock client's echo looks alike
    const claimed = [...fac.provider.awareness.getStates().keys()].filter((id) => id >= 20_000 && id < 20_050);
    expect(claimed.length).toBe(AWARENESS_IDS_PER_SOCKET);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
    await waitFor(() => fac.provider.awareness.getStates().size === 1, { message: 'states removed on close' });
    // what is left: the relay's own entry, the facilitator's and the few ids kept for a reconnect
    expect(t.relay.server.stats().awarenessEntries).toBeLessThanOrEqual(2 + AWARENESS_IDS_KEPT_PER_PRINCIPAL);
  });

  it('an awareness state over the size cap closes the socket; garbage JSON too; others keep working', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const a = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const b = connect(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([a.synced, b.synced]);
    const big = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await big.opened;
    big.ws.send(awarenessFrame([[900, 1, { blob: 'x'.repeat(64 * 1024) }]]));
    expect((await big.closed).code).toBe(CloseCode.policy);
    const garbage = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await garbage.opened;
    const inner = frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 901);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{"not json');
    });
    garbage.ws.send(frame((e) => {
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, inner);
    }));
    expect((await garbage.closed).code).toBe(CloseCode.policy);
    expect(b.provider.awareness.getStates().has(900)).toBe(false);
    a.doc.getMap('clusters').set('still', 'works');
    await waitFor(() => b.doc.getMap('clusters').get('still') === 'works');
  });

  it('sockets that come and go leave no awareness entries behind', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    for (let i = 0; i < 20; i++) {
      const raw = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
      await raw.opened;
      raw.ws.send(awarenessFrame([[30_000 + i, 1, { role: 'participant', participantId: p.participantId }]]));
      await waitFor(() => fac.provider.awareness.getStates().has(30_000 + i));
      raw.ws.close();
      await raw.closed;
    }
    // ids are kept per principal (a reconnect gets its id back), a few of them, not one per socket;
    // besides, every document in memory holds its own (the relay's) entry: the meeting's, and the
    // phone's private doc the relay's actions loaded, kept warm for a reconnect
    const bound = () => t.relay.server.stats().docsInMemory + 1 + AWARENESS_IDS_KEPT_PER_PRINCIPAL;
    await waitFor(() => t.relay.server.stats().awarenessEntries <= bound(), { message: 'entries forgotten' });
    await waitFor(() => fac.provider.awareness.getStates().size === 1, { message: 'removals reached the facilitator' });
  });

  it('ten stock clients in one room: none is closed for echoing the others, and every count is right', async () => {
    const m = await createMeeting(t.relay.url);
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    fac.provider.awareness.setLocalState({ role: 'facilitator', participantId: null });
    const phones: DocClient[] = [];
    for (let i = 0; i < 12; i++) {
      const p = await addParticipant(t.relay.url, m.meetingId, `Deltagare ${i}`);
      const c = connect(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
      c.provider.awareness.setLocalState({ role: 'participant', participantId: p.participantId });
      phones.push(c);
    }
    const closes: number[] = [];
    for (const c of [fac, ...phones]) void c.closed.then((code) => closes.push(code));
    // the console sees everyone; a phone shows nobody's presence, so it holds only its own
    await waitFor(() => fac.provider.awareness.getStates().size === 13, { message: 'the console sees 13 states' });
    expect(phones.every((c) => c.provider.awareness.getStates().size === 1)).toBe(true);
    // a state change reaches the console; the relay skips any echo
    phones[0].provider.awareness.setLocalStateField('typing', true);
    await waitFor(() => fac.provider.awareness.getStates().get(phones[0].doc.clientID)?.typing === true);
    await sleep(300);
    expect(closes).toEqual([]);
    phones[5].destroy();
    await waitFor(() => fac.provider.awareness.getStates().size === 12, { message: 'a leaving phone is gone from the console' });
    expect(closes).toEqual([]);
  });

  it('a reconnecting participant gets its presence id back with its old clock, whoever tried to claim it meanwhile', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId, 'Anna');
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const phone = connect(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([fac.synced, phone.synced]);
    phone.provider.awareness.setLocalState({ role: 'participant', participantId: p.participantId });
    const id = phone.doc.clientID;
    await waitFor(() => fac.provider.awareness.getStates().has(id), { message: 'phone present' });
    phone.provider.disconnect();
    await waitFor(() => !fac.provider.awareness.getStates().has(id), { message: 'phone gone' });
    // the facilitator's sockets may say anything in presence, but not under a participant's id
    const squatter = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await squatter.opened;
    squatter.ws.send(awarenessFrame([[id, 1000, { role: 'facilitator', participantId: null }]]));
    squatter.ws.send(awarenessFrame([[4343, 1, { role: 'facilitator', participantId: null }]]));
    await waitFor(() => fac.provider.awareness.getStates().has(4343), { message: 'squatter marker' });
    expect(fac.provider.awareness.getStates().has(id)).toBe(false);
    // the stock client comes back with the same id and the same clock it had
    phone.provider.connect();
    await waitFor(() => (fac.provider.awareness.getStates().get(id) as any)?.participantId === p.participantId, {
      timeout: 3000,
      message: 'phone back, well before its 15 s refresh',
    });
    expect(squatter.ws.readyState).toBe(squatter.ws.OPEN);
    squatter.ws.close();
  });

  it('presence goes to the console and the board, renewals included, and to no phone: not on join, not as a change, not as an answer', async () => {
    const m = await createMeeting(t.relay.url);
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const board = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.boardKey);
    await Promise.all([fac.synced, board.synced]);
    fac.provider.awareness.setLocalState({ role: 'facilitator', participantId: null });
    board.provider.awareness.setLocalState({ role: 'board', participantId: null });
    const p = await addParticipant(t.relay.url, m.meetingId, 'Anna');
    const q = await addParticipant(t.relay.url, m.meetingId, 'Bo');
    const anna = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await anna.opened;
    anna.ws.send(awarenessFrame([[6001, 1, { role: 'participant', participantId: p.participantId }]]));
    await waitFor(() => fac.provider.awareness.getStates().has(6001) && board.provider.awareness.getStates().has(6001), { message: 'Anna on console and board' });
    const bo = openRaw(t.relay.wsUrl, meetingDocName(m.meetingId), q.participantKey);
    await bo.opened;
    bo.ws.send(awarenessFrame([[6002, 1, { role: 'participant', participantId: q.participantId }]]));
    // a renewal: the same state with a higher clock, which keeps it from timing out at the console
    anna.ws.send(awarenessFrame([[6001, 2, { role: 'participant', participantId: p.participantId }]]));
    await waitFor(() => fac.provider.awareness.meta.get(6001)?.clock === 2 && board.provider.awareness.meta.get(6001)?.clock === 2, { message: 'renewal' });
    await waitFor(() => fac.provider.awareness.getStates().has(6002), { message: 'Bo on the console' });
    bo.ws.send(frame((e) => encoding.writeVarUint(e, 3)));
    anna.ws.send(frame((e) => encoding.writeVarUint(e, 3)));
    // a marker behind the queries: the console hears it once the relay handled them
    bo.ws.send(awarenessFrame([[6002, 2, { role: 'participant', participantId: q.participantId, marker: true }]]));
    await waitFor(() => (fac.provider.awareness.getStates().get(6002) as any)?.marker === true, { message: 'marker' });
    await sleep(1100);
    for (const phone of [anna, bo]) expect(phone.messages.filter((msg) => msg[0] === 1)).toEqual([]);
    anna.ws.close();
    bo.ws.close();
  });
});
