// A phone's quiet documents (its private doc, the control doc between phases) must not be
// recycled: the stock y-websocket client drops a socket that received nothing for 30 s.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privateDocName } from '../../common/docNames';
import { reconnectDelay } from '../../src/sync/reconnect';
import { addParticipant, connectDoc, createMeeting, sleep, startRelay, type DocClient, type TestRelay } from './helpers';

let relay: TestRelay;
const clients: DocClient[] = [];
beforeEach(async () => {
  relay = await startRelay();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

describe('idle sockets', () => {
  it('a stock client on a document nobody writes keeps its one socket open past 35 s', { timeout: 60_000 }, async () => {
    const meeting = await createMeeting(relay.url);
    const phone = await addParticipant(relay.url, meeting.meetingId);
    const client = connectDoc(relay.wsUrl, privateDocName(meeting.meetingId, phone.participantId), phone.participantKey);
    // as the app does on every doc but the meeting doc: no presence, so nothing renews every 15 s
    client.provider.awareness.setLocalState(null);
    clients.push(client);
    await client.synced;
    const socket = client.provider.ws;
    let closes = 0;
    client.provider.on('connection-close', () => closes++);
    await sleep(37_000);
    expect(closes).toBe(0);
    expect(client.provider.ws).toBe(socket);
    expect(client.provider.wsconnected).toBe(true);
    expect(relay.server.stats().sockets).toBe(1);
  });
});

describe('reconnect delay', () => {
  it('spreads a room of phones over the window instead of one instant, and stays bounded', () => {
    const first = Array.from({ length: 300 }, () => reconnectDelay(0));
    expect(new Set(first.map((d) => Math.floor(d / 50))).size).toBeGreaterThan(5);
    expect(Math.min(...first)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...first)).toBeLessThanOrEqual(500);
    expect(reconnectDelay(20, () => 0.999)).toBeLessThanOrEqual(2600);
  });
});
