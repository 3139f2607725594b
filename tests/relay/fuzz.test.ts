// Thousands of malformed and mutated frames at every doc kind and role while honest clients keep
// editing: every honest edit arrives and is stored, each hand-built bad update closes its socket
// with 1008, and the relay stays up. Bounded by a frame count and a deadline; seeded (FUZZ_SEED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, controlDocName, groupDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { frameMaker, prng } from './fuzzFrames';
import { syncStep1Frame } from './frames';
import {
  addParticipant,
  api,
  connectDoc,
  createMeeting,
  openRaw,
  startRelay,
  updateFrame,
  waitFor,
  type DocClient,
  type RawSocket,
  type TestRelay,
} from './helpers';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const FRAMES = 3000;
// a bound, not a target: a busy machine still gets its thousands of frames, a hung relay fails
const DEADLINE_MS = 40_000;
const WORKERS = 24;

let relay: TestRelay;
const clients: DocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  // generous message budget: the fuzzer, not the rate limit, is under test
  relay = await startRelay({ messageRatePerSecond: 100_000, messageRateBurst: 100_000 });
});
afterAll(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

/** Waits for the socket to answer a sync step 1 (it handled what came before) or to close. */
function probe(raw: RawSocket, timeoutMs = 3000): Promise<'open' | 'closed'> {
  if (raw.ws.readyState !== raw.ws.OPEN) return Promise.resolve('closed');
  const before = raw.messages.length;
  return new Promise((resolve) => {
    const timer = setTimeout(() => done('open'), timeoutMs);
    const onMessage = () => {
      if (raw.messages.slice(before).some((m) => m[0] === 0 && m[1] === syncProtocol.messageYjsSyncStep2)) done('open');
    };
    const onClose = () => done('closed');
    function done(result: 'open' | 'closed') {
      clearTimeout(timer);
      raw.ws.off('message', onMessage);
      raw.ws.off('close', onClose);
      resolve(result);
    }
    raw.ws.on('message', onMessage);
    raw.ws.once('close', onClose);
    raw.ws.send(syncStep1Frame(new Uint8Array([0])));
  });
}

describe('fuzzing the relay', () => {
  it('malformed and mutated frames at every doc kind and role close only their sockets; honest edits all arrive and are stored', async () => {
    const random = prng(SEED);
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId, 'Anna');
    const docs = {
      meeting: meetingDocName(m.meetingId),
      control: controlDocName(m.meetingId),
      group: groupDocName(m.meetingId, 'g1'),
      private: privateDocName(m.meetingId, p.participantId),
      inbox: inboxDocName(m.meetingId),
    };
    // who writes each doc honestly, and who reads it to see the writes arrive
    const lanes = [
      { name: docs.meeting, writer: m.facilitatorKey, reader: p.participantKey },
      { name: docs.control, writer: m.facilitatorKey, reader: p.participantKey },
      { name: docs.group, writer: m.facilitatorKey, reader: p.participantKey },
      { name: docs.private, writer: p.participantKey, reader: p.participantKey },
    ].map((lane) => ({ ...lane, w: connect(relay.wsUrl, lane.name, lane.writer), r: connect(relay.wsUrl, lane.name, lane.reader), written: [] as string[] }));
    await Promise.all(lanes.flatMap((l) => [l.w.synced, l.r.synced]));
    // every doc kind, every role that may open it
    const targets = [
      [docs.meeting, m.facilitatorKey],
      [docs.meeting, p.participantKey],
      [docs.control, m.facilitatorKey],
      [docs.control, p.participantKey],
      [docs.group, m.facilitatorKey],
      [docs.group, p.participantKey],
      [docs.private, p.participantKey],
      [docs.inbox, m.facilitatorKey],
    ] as const;

    const maker = frameMaker(random);
    const bad = maker.bad;
    const closedWrongly: string[] = [];
    let sent = 0;
    let badSockets = 0;
    const deadline = Date.now() + DEADLINE_MS;

    let editing = true;
    const honest = (async () => {
      let n = 0;
      while (editing) {
        for (const lane of lanes) {
          const key = `honest${n}`;
          lane.w.doc.getMap('honest').set(key, n);
          lane.written.push(key);
        }
        n++;
        await new Promise((r) => setTimeout(r, 25));
      }
    })();

    const worker = async (id: number) => {
      let raw: RawSocket | null = null;
      while (sent < FRAMES && Date.now() < deadline) {
        const [name, key] = targets[Math.floor(random() * targets.length)];
        if (random() < 0.1) {
          // a hand-built bad update on a fresh socket: must close it with 1008
          await badAt(name, key, bad[Math.floor(random() * bad.length)], random() < 0.5 ? 1 : 2);
          continue;
        }
        if (!raw || raw.ws.readyState !== raw.ws.OPEN) {
          raw = openRaw(relay.wsUrl, name, key);
          await Promise.race([raw.opened, raw.closed]);
        }
        // a batch of frames, then a probe: the relay has handled the batch (or closed the socket)
        for (let i = 0; i < 16 && raw.ws.readyState === raw.ws.OPEN; i++) {
          const { bytes } = maker.next();
          raw.ws.send(bytes);
          sent++;
          await new Promise((r) => setImmediate(r));
        }
        // every few batches, a probe that the relay has handled them; else a short pause or the close
        if (random() < 0.2) await probe(raw);
        else await Promise.race([raw.closed, new Promise((r) => setTimeout(r, 20))]);
      }
      raw?.ws.terminate();
      void id;
    };
    // every hand-built bad update at every doc kind and role, in both update envelopes
    const badAt = async (name: string, key: string, update: Uint8Array, type: number) => {
      const sock = openRaw(relay.wsUrl, name, key);
      await sock.opened;
      sock.ws.send(updateFrame(update, type));
      sent++;
      badSockets++;
      const { code } = await sock.closed;
      if (code !== CloseCode.policy) closedWrongly.push(`${name} ${code}`);
    };
    for (const type of [syncProtocol.messageYjsSyncStep2, syncProtocol.messageYjsUpdate]) {
      await Promise.all(targets.flatMap(([name, key]) => bad.map((update) => badAt(name, key, update, type))));
    }
    await Promise.all(Array.from({ length: WORKERS }, (_, i) => worker(i)));
    editing = false;
    await honest;

    // about 2000 on an idle 2-core machine; the floor only catches a fuzzer that stopped sending
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(closedWrongly).toEqual([]);
    expect(badSockets).toBeGreaterThanOrEqual(2 * targets.length * bad.length);
    // every honest edit reached its reader, on every doc kind
    for (const lane of lanes) {
      await waitFor(() => lane.written.every((k) => lane.r.doc.getMap('honest').has(k)), { timeout: 10_000, message: `honest edits on ${lane.name}` });
    }
    expect((await api(relay.url, '/healthz')).status).toBe(200);
    for (const lane of lanes) expect(lane.w.provider.wsconnected && lane.r.provider.wsconnected).toBe(true);

    // and they are stored: a restarted relay serves them all
    await relay.server.settle();
    for (const c of clients.splice(0)) c.destroy();
    relay = await relay.restart();
    for (const lane of lanes) {
      const again = connect(relay.wsUrl, lane.name, lane.writer);
      await again.synced;
      expect(lane.written.filter((k) => !again.doc.getMap('honest').has(k))).toEqual([]);
    }
    console.log(`fuzz: ${sent} frames (${badSockets} hand-built bad updates), seed ${SEED}`);
  }, 90_000);
});
