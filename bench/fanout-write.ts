// The relay's fan-out alone: one room, SOCKETS real websocket connections (the relay's own
// Connection over ws, compression off as in app.ts), and FRAMES broadcasts of one small update
// each, one every PACE_MS, so every write wakes a reader that has gone to sleep (as in the relay
// under 100 writers). The readers are a child process pinned to the other core; this process is
// pinned to RELAY_CORE. Prints this process's user and kernel CPU per frame written (getrusage of
// the main thread: the load average does not enter CPU time, only wall time).
//
//   nice -n -5 npx tsx bench/fanout-write.ts
//   SOCKETS=300 FRAMES=2000 PACE_MS=5 RELAY_CORE=1 READER_CORE=0 ROUNDS=3
//
// Talks only to 127.0.0.1; bounded by FRAMES and a 5-minute deadline.
import { spawn, execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { Rooms, MESSAGE_SYNC, type Room } from '../server/relay/rooms';
import { Connection } from '../server/relay/protocol';
import type { DocStore } from '../server/relay/docStore';

const SOCKETS = Number(process.env.SOCKETS ?? 300);
const FRAMES = Number(process.env.FRAMES ?? 2000);
const PACE_MS = Number(process.env.PACE_MS ?? 5);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const RELAY_CORE = process.env.RELAY_CORE ?? '1';
const READER_CORE = process.env.READER_CORE ?? '0';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const silent = { info() {}, debug() {}, error() {} };

// the readers: ws clients that count and discard (a child process, on the other core)
const READER = `
const { WebSocket } = require('ws');
const [url, n] = process.argv.slice(1);
let open = 0, frames = 0;
for (let i = 0; i < Number(n); i++) {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  ws.on('open', () => { if (++open === Number(n)) process.send('open'); });
  ws.on('message', () => frames++);
}
process.on('message', () => process.send(frames));
`;

/** an update setting one key, as a sync message */
function message(i: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('bench').set('k', i);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

async function main() {
  execFileSync('taskset', ['-pc', RELAY_CORE, String(process.pid)], { stdio: 'ignore' });
  const deadline = setTimeout(() => process.exit(2), 5 * 60_000);
  deadline.unref();
  const memory = new Map<string, Uint8Array[]>();
  const storage = {
    loadDoc: async () => new Y.Doc(),
    storeUpdate: async (name: string, ...updates: Uint8Array[]) => void memory.set(name, updates),
    compact: async () => {},
  } as unknown as DocStore;
  const rooms = new Rooms(storage, 10, silent);
  const room: Room = await rooms.acquire('bench', { kind: 'meeting', meetingId: 'b'.repeat(21) });
  const server: Server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate: false });
  wss.on('connection', (ws: WebSocket) => {
    const conn = new Connection(ws, room, {
      policy: { mayWrite: () => true, mayPresence: false, showsPresence: false, acceptPresence: () => false, maxDocBytes: 1e9, principal: 'bench' },
      ratePerSecond: 1000,
      burst: 1000,
      log: silent,
    });
    room.conns.add(conn);
    ws.on('close', () => conn.detach());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const reader = spawn('taskset', ['-c', READER_CORE, process.execPath, '-e', READER, url, String(SOCKETS)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    cwd: process.cwd(),
  });
  await new Promise<void>((done) => reader.once('message', () => done()));
  while (room.conns.size < SOCKETS) await sleep(10);
  const counted = () =>
    new Promise<number>((done) => {
      reader.once('message', (n) => done(n as number));
      reader.send('count');
    });
  const messages = Array.from({ length: 16 }, (_, i) => message(i));
  const broadcast = (room as unknown as { broadcast(m: Uint8Array): void }).broadcast.bind(room);
  // warm-up: the JIT settles on the hot path
  for (let i = 0; i < 200; i++) {
    broadcast(messages[i % 16]);
    await sleep(PACE_MS);
  }
  console.log(`fan-out: ${SOCKETS} sockets, ${FRAMES} frames each, one every ${PACE_MS} ms; this process on core ${RELAY_CORE}, readers on core ${READER_CORE}`);
  for (let round = 1; round <= ROUNDS; round++) {
    const seenBefore = await counted();
    const before = process.resourceUsage();
    let inBroadcast = 0n;
    for (let i = 0; i < FRAMES; i++) {
      const t = process.hrtime.bigint();
      broadcast(messages[i % 16]);
      inBroadcast += process.hrtime.bigint() - t;
      await sleep(PACE_MS);
    }
    const after = process.resourceUsage();
    await sleep(200);
    const seen = (await counted()) - seenBefore;
    const writes = FRAMES * SOCKETS;
    const user = (after.userCPUTime - before.userCPUTime) / writes;
    const kernel = (after.systemCPUTime - before.systemCPUTime) / writes;
    console.log(
      `round ${round}: user ${user.toFixed(2)} µs + kernel ${kernel.toFixed(2)} µs per frame written; ` +
        `wall in broadcast ${(Number(inBroadcast) / 1000 / writes).toFixed(2)} µs per frame; ${seen} of ${writes} frames read; load average ${loadavg()[0].toFixed(1)}`,
    );
  }
  reader.kill();
  for (const c of wss.clients) c.terminate();
  server.close();
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
