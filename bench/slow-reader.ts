// Slow reader: while a meeting is busy (WRITERS facilitators each replacing a BLOB_BYTES text every
// WRITE_MS, LISTENERS phones syncing it), one more phone connects, says sync step 1 and then never
// reads its socket. The relay must cut it once its unsent output passes the per-socket cap
// (server/relay/protocol.ts OUTPUT_CAP_BYTES) instead of buffering for it, and the other phones'
// edit→visible latency must not move: p50/p95 before, while the slow reader is connected, and after.
//
//   npx tsx bench/slow-reader.ts    # LISTENERS=20 WRITERS=5 WRITE_MS=50 BLOB_BYTES=8192 PHASE_SECONDS=15
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { OUTPUT_CAP_BYTES } from '../server/relay/protocol';
import { syncStep1Frame } from '../tests/relay/frames';
import { launchRelay, type RelayStats } from './spawnRelay';
import { SyncClient, createMeeting, envNumber, finish, hardDeadline, inParallel, join, machineLine, mb, ms, percentile, sleep } from './faultkit';

const LISTENERS = envNumber('LISTENERS', 20);
const WRITERS = envNumber('WRITERS', 5);
const WRITE_MS = envNumber('WRITE_MS', 50);
const BLOB_BYTES = envNumber('BLOB_BYTES', 8192);
const PHASE_SECONDS = envNumber('PHASE_SECONDS', 15);
const DROP_TIMEOUT_S = 120;

/** A websocket client that completes the handshake, sends sync step 1, and then stops reading. */
function slowReader(port: number, target: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () =>
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    );
    socket.once('error', reject);
    socket.once('data', (chunk: Buffer) => {
      if (!chunk.subarray(0, 12).toString().includes('101')) return reject(new Error(chunk.toString()));
      const payload = syncStep1Frame(Y.encodeStateVector(new Y.Doc()));
      // a masked binary frame with a zero mask key: the payload goes as it is
      socket.write(Buffer.concat([Buffer.from([0x82, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
      socket.pause();
      resolve(socket);
    });
  });
}

async function main() {
  console.log(machineLine());
  const relay = await launchRelay({ env: { MAX_CONNECTIONS_PER_ADDRESS: '1000' } });
  hardDeadline(6 * 60_000, () => relay.process.kill('SIGKILL'));
  const meeting = await createMeeting(relay.base, 'Långsam läsare');
  const keys = await inParallel(Array.from({ length: LISTENERS + 1 }), 4, (_, i) => join(relay.base, meeting.meetingId, `Deltagare ${i}`));
  const listeners = keys.slice(0, LISTENERS).map((k) => new SyncClient(relay.wsUrl, meeting.meetingId, k.participantKey));
  const writers = Array.from({ length: WRITERS }, () => new SyncClient(relay.wsUrl, meeting.meetingId, meeting.facilitatorKey));
  await Promise.all([...listeners, ...writers].map((c) => c.synced));

  let phase: 'before' | 'with' | 'after' | null = null;
  const samples = { before: [] as number[], with: [] as number[], after: [] as number[] };
  for (const l of listeners) {
    const map = l.doc.getMap<unknown>('busy');
    map.observe((event) => {
      if (!phase) return;
      const now = performance.now();
      for (const key of event.keysChanged) if (key.startsWith('t')) samples[phase].push(now - (map.get(key) as number));
    });
  }
  const filler = 'abcdefghijklmnopqrstuvwxyzåäö '.repeat(Math.ceil(BLOB_BYTES / 30)).slice(0, BLOB_BYTES);
  const timers = writers.map((w, i) => {
    let n = 0;
    return setInterval(() => {
      const map = w.doc.getMap<unknown>('busy');
      // the blob is replaced, not appended: the meeting is busy on the wire, its document stays small
      w.doc.transact(() => {
        map.set(`blob${i}`, `${n++}${filler}`);
        map.set(`t${i}`, performance.now());
      });
    }, WRITE_MS);
  });
  await sleep(2000);
  phase = 'before';
  await sleep(PHASE_SECONDS * 1000);

  const sockets = async () => (await relay.stats()).sockets;
  const withoutSlow = await sockets();
  phase = 'with';
  const slow = await slowReader(relay.port, `/ws/${meeting.meetingId}?key=${encodeURIComponent(keys[LISTENERS].participantKey)}`);
  const slowAt = performance.now();
  let peak: RelayStats | null = null;
  let droppedAfter = NaN;
  for (let s = 0; s < DROP_TIMEOUT_S * 4; s++) {
    await sleep(250);
    const stats = await relay.stats();
    if (!peak || stats.bufferedBytes > peak.bufferedBytes) peak = stats;
    if (s > 4 && stats.sockets <= withoutSlow) {
      droppedAfter = (performance.now() - slowAt) / 1000;
      break;
    }
  }
  // the slow phase is only as long as the slow reader was there, but at least PHASE_SECONDS
  const withSeconds = (performance.now() - slowAt) / 1000;
  if (withSeconds < PHASE_SECONDS) await sleep((PHASE_SECONDS - withSeconds) * 1000);
  phase = 'after';
  await sleep(PHASE_SECONDS * 1000);
  phase = null;
  for (const t of timers) clearInterval(t);

  // reading again, the slow reader finds its connection was closed by the relay
  const cut = new Promise<boolean>((resolve) => {
    slow.once('close', () => resolve(true));
    setTimeout(() => resolve(false), 10_000).unref();
  });
  slow.on('data', () => {});
  slow.resume();
  const wasCut = await cut;
  slow.destroy();
  const honestOpen = [...listeners, ...writers].every((c) => !c.isClosed);
  const rss = await relay.rssMb();
  for (const c of [...listeners, ...writers]) c.close();
  await relay.dispose();

  for (const p of ['before', 'with', 'after'] as const) {
    console.log(
      `${p.padEnd(6)} the slow reader: edit→visible over ${samples[p].length} deliveries to ${LISTENERS} phones: ` +
        `p50 ${ms(percentile(samples[p], 50))}, p95 ${ms(percentile(samples[p], 95))}, p99 ${ms(percentile(samples[p], 99))}`,
    );
  }
  console.log(
    `slow reader cut after ${droppedAfter.toFixed(1)} s (${((WRITERS * BLOB_BYTES) * (1000 / WRITE_MS) / 1024).toFixed(0)} KB/s to every phone); ` +
      `peak unsent in the relay: ${((peak?.bufferedBytes ?? 0) / 1024).toFixed(0)} KB in socket buffers (cap ${OUTPUT_CAP_BYTES / 1024} KB per socket); relay RSS ${mb(rss)}`,
  );
  const p95 = (p: keyof typeof samples) => percentile(samples[p], 95);
  finish(
    [
      [`the socket that never reads is cut (after ${droppedAfter.toFixed(1)} s)`, Number.isFinite(droppedAfter) && wasCut],
      [`its unsent output stayed bounded (peak ${((peak?.bufferedBytes ?? 0) / 1024).toFixed(0)} KB ≤ cap + one message)`, (peak?.bufferedBytes ?? 0) <= OUTPUT_CAP_BYTES + 2 * BLOB_BYTES + 1024],
      ['no other socket closed', honestOpen],
      [`others' p95 with the slow reader ${ms(p95('with'))} ≤ 2 × without (${ms(p95('before'))}) + 5 ms`, p95('with') <= 2 * p95('before') + 5],
    ],
    `npx tsx bench/slow-reader.ts  # LISTENERS=${LISTENERS} WRITERS=${WRITERS} WRITE_MS=${WRITE_MS} BLOB_BYTES=${BLOB_BYTES} PHASE_SECONDS=${PHASE_SECONDS}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
