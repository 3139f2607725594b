// Awareness from hand-made clients with valid keys: spoofing, removal, size and count.
import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, controlDocName, meetingDocName } from '../../common/docNames';
import { addParticipant, awarenessFrame, createMeeting, frame, openRaw, sleep, waitFor, relayForEachTest } from './helpers';

const t = relayForEachTest();
const connect = t.connect;

describe('awareness from hand-made clients', () => {
  it('a participant cannot overwrite or remove the facilitator’s awareness state', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const watcher = connect(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
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

  it('awareness a participant sends on the read-only control doc is not relayed', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const fac = connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    const raw = openRaw(t.relay.wsUrl, controlDocName(m.meetingId), p.participantKey);
    await raw.opened;
    raw.ws.send(awarenessFrame([[777, 1, { hello: 'from a read-only socket' }]]));
    // the facilitator's own awareness is the marker that the relay handled what came before
    await sleep(100);
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
    expect((await raw.closed).code).toBe(CloseCode.policy);
    // what is left: the relay's own entry and the facilitator's
    await waitFor(() => t.relay.server.stats().awarenessEntries <= 2, { message: 'no awareness entries left' });
  });

  it('an awareness state over the size cap closes the socket; garbage JSON too; others keep working', async () => {
    const m = await createMeeting(t.relay.url);
    const p = await addParticipant(t.relay.url, m.meetingId);
    const a = connect(t.relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    const b = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
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
    await waitFor(() => t.relay.server.stats().awarenessEntries <= 2, { message: 'entries forgotten' });
    await waitFor(() => fac.provider.awareness.getStates().size === 1, { message: 'removals reached the facilitator' });
  });
});
