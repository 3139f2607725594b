import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode, meetingDocName } from '../../common/docNames';
import { TokenBucket, WindowCounter } from '../../server/relay/limits';
import { addParticipant, api, connectDoc, createMeeting, openRaw, openRelayStore, startRelay, updateFrame, waitFor, type DocClient, type TestRelay } from './helpers';
import { zeroLengthItem } from './badUpdates';
import * as Y from 'yjs';

let relay: TestRelay;
const clients: DocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

function frame(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('message limits and malformed input', () => {
  beforeEach(async () => {
    relay = await startRelay({ maxMessageBytes: 64 * 1024 });
  });

  it('an oversized message closes only that socket with 1009 while another client keeps syncing', async () => {
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId);
    // participants read the meeting doc; the facilitator's console writes it
    const a = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const b = connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([a.synced, b.synced]);
    const big = openRaw(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await big.opened;
    big.ws.send(new Uint8Array(100 * 1024));
    expect((await big.closed).code).toBe(CloseCode.messageTooBig);
    a.doc.getMap('clusters').set('after', 'still syncing');
    await waitFor(() => b.doc.getMap('clusters').get('after') === 'still syncing');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
  });

  it('malformed frames close only the offending socket and the relay stays up', async () => {
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId);
    // participants read the meeting doc; the facilitator's console writes it
    const a = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const b = connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([a.synced, b.synced]);
    const frames: Uint8Array[] = [
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), // runaway varint
      frame((e) => encoding.writeVarUint(e, 9)), // unknown message type
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 7); // unknown sync step
      }),
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint8Array(e, new Uint8Array([5, 200, 1, 2, 3, 4, 250, 250, 250])); // garbage update
      }),
      frame((e) => {
        encoding.writeVarUint(e, 0);
        encoding.writeVarUint(e, 2);
        encoding.writeVarUint(e, 5000); // length past the end of the frame
      }),
      frame((e) => {
        encoding.writeVarUint(e, 1);
        encoding.writeVarUint8Array(e, new Uint8Array([1, 2, 3])); // garbage awareness
      }),
      new Uint8Array([]),
    ];
    for (const bytes of frames) {
      const raw = openRaw(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
      await raw.opened;
      raw.ws.send(bytes);
      const { code } = await raw.closed;
      expect([CloseCode.policy, 1003]).toContain(code);
    }
    const text = openRaw(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await text.opened;
    text.ws.send('hello, not binary');
    expect([CloseCode.policy, 1003]).toContain((await text.closed).code);

    a.doc.getMap('clusters').set('alive', 1);
    await waitFor(() => b.doc.getMap('clusters').get('alive') === 1);
    expect((await api(relay.url, '/healthz')).status).toBe(200);
  });
});

describe('connection limits', () => {
  it('connections over the per-address limit close with 4429', async () => {
    relay = await startRelay({ maxConnectionsPerAddress: 2 });
    const m = await createMeeting(relay.url);
    const one = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const two = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([one.opened, two.opened]);
    const three = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    expect((await three.closed).code).toBe(CloseCode.tooManyConnections);
    one.ws.close();
    await one.closed;
    const four = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await four.opened;
    await new Promise((r) => setTimeout(r, 50));
    expect(four.ws.readyState).toBe(four.ws.OPEN);
    two.ws.close();
    four.ws.close();
  });

  it('connections over the per-meeting limit close with 4429, other meetings are unaffected', async () => {
    relay = await startRelay({ maxConnectionsPerMeeting: 2 });
    const m = await createMeeting(relay.url);
    const other = await createMeeting(relay.url);
    const one = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const two = openRaw(relay.wsUrl, `${m.meetingId}/control`, m.facilitatorKey);
    await Promise.all([one.opened, two.opened]);
    const three = openRaw(relay.wsUrl, `${m.meetingId}/control`, m.facilitatorKey);
    expect((await three.closed).code).toBe(CloseCode.tooManyConnections);
    const elsewhere = connect(relay.wsUrl, meetingDocName(other.meetingId), other.facilitatorKey);
    await elsewhere.synced;
    one.ws.close();
    two.ws.close();
  });

  it('a socket that floods messages faster than its budget is closed with 1008', async () => {
    relay = await startRelay({ messageRatePerSecond: 1, messageRateBurst: 5 });
    const m = await createMeeting(relay.url);
    const raw = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await raw.opened;
    const query = frame((e) => encoding.writeVarUint(e, 3));
    for (let i = 0; i < 20; i++) raw.ws.send(query);
    expect((await raw.closed).code).toBe(CloseCode.policy);
  });
});

describe('limit primitives', () => {
  it('a token bucket allows its burst, then refills at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  it('a window counter forgets counts after its window', () => {
    let now = 0;
    const counter = new WindowCounter(1000, () => now);
    counter.add('a');
    counter.add('a');
    expect(counter.count('a')).toBe(2);
    expect(counter.count('b')).toBe(0);
    now = 1000;
    expect(counter.count('a')).toBe(0);
  });
});

describe('client addresses behind a proxy', () => {
  it('with TRUST_PROXY the first X-Forwarded-For hop is the address that limits count against', async () => {
    relay = await startRelay({ maxConnectionsPerAddress: 1, trustProxy: true });
    const m = await createMeeting(relay.url);
    const as = (address: string) =>
      openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey, { headers: { 'x-forwarded-for': `${address}, 10.9.9.9` } });
    const one = as('192.168.1.10');
    const two = as('192.168.1.11');
    await Promise.all([one.opened, two.opened]);
    expect((await as('192.168.1.10').closed).code).toBe(CloseCode.tooManyConnections);
    one.ws.close();
    two.ws.close();
  });
});

describe('awareness query', () => {
  it('a query-awareness message is answered with the awareness states of the room', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const c = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    c.provider.awareness.setLocalStateField('user', { name: 'Mötesledare' });
    const raw = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await raw.opened;
    await waitFor(() => raw.messages.some((msg) => msg[0] === 1), { message: 'awareness on connect' });
    raw.messages.length = 0;
    raw.ws.send(frame((e) => encoding.writeVarUint(e, 3)));
    await waitFor(() => raw.messages.some((msg) => msg[0] === 1 && Buffer.from(msg).includes(Buffer.from('Mötesledare'))));
    raw.ws.close();
  });
});

describe('updates no honest client writes', () => {
  it('a zero-length item closes the sender with 1008 and the doc keeps storing and broadcasting that key', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const name = meetingDocName(m.meetingId);
    const a = connect(relay.wsUrl, name, m.facilitatorKey);
    const b = connect(relay.wsUrl, name, m.facilitatorKey);
    await Promise.all([a.synced, b.synced]);
    const bad = zeroLengthItem(424242, 'k');
    expect(bad.byteLength).toBeLessThan(24);
    for (const update of [bad, zeroLengthItem(2 ** 32 - 1, 'k')]) {
      const raw = openRaw(relay.wsUrl, name, m.facilitatorKey);
      await raw.opened;
      raw.ws.send(updateFrame(update));
      expect((await raw.closed).code).toBe(CloseCode.policy);
    }
    a.doc.getMap('clusters').set('k', 'after');
    await waitFor(() => b.doc.getMap('clusters').get('k') === 'after', { message: 'edit of the same key arrives' });
    b.doc.getMap('clusters').set('k', 'again');
    await waitFor(() => a.doc.getMap('clusters').get('k') === 'again');
    relay = await relay.restart();
    const c = connect(relay.wsUrl, name, m.facilitatorKey);
    await c.synced;
    expect(c.doc.getMap('clusters').get('k')).toBe('again');
    expect([...c.doc.getMap('clusters').keys()]).toEqual(['k']);
  });
});

describe('a document damaged on disk', () => {
  it('loads as far as it can, leaves the damaged update out and takes edits of that key again', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const name = meetingDocName(m.meetingId);
    await relay.stop();
    const store = await openRelayStore(relay);
    const good = new Y.Doc();
    good.getMap('clusters').set('before', 1);
    await store.docs.storeUpdate(name, Y.encodeStateAsUpdate(good));
    await store.docs.storeUpdate(name, zeroLengthItem(424242, 'k'));
    const sv = Y.encodeStateVector(good);
    good.getMap('clusters').set('after', 2);
    await store.docs.storeUpdate(name, Y.encodeStateAsUpdate(good, sv));
    await store.close();
    relay = await relay.restart();
    const a = connect(relay.wsUrl, name, m.facilitatorKey);
    const b = connect(relay.wsUrl, name, m.facilitatorKey);
    await Promise.all([a.synced, b.synced]);
    expect(a.doc.getMap('clusters').toJSON()).toMatchObject({ before: 1, after: 2 });
    expect(a.doc.getMap('clusters').has('k')).toBe(false);
    a.doc.getMap('clusters').set('k', 'fine');
    await waitFor(() => b.doc.getMap('clusters').get('k') === 'fine');
  });
});
