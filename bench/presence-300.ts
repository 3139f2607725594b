// Presence benchmark: N stock y-websocket phones with a presence state on the meeting document
// (each echoes every state it hears, as the stock client does), then K of them reconnect, then
// four sockets that never read flood one-byte presence queries. Prints how long until the
// facilitator sees everyone, how many sockets the relay closed, the relay's memory, and how long an
// honest edit takes to reach a phone during the flood. The relay runs as its own process.
//
//   npx tsx bench/presence-300.ts [phones=300] [reconnect=20] [queriesPerSocket=300]
//
// Everything talks to 127.0.0.1 only, and the run is bounded: it stops by itself.
import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { relayCpuMs, spawnBenchRelay } from './spawnRelay';

const phones = Number(process.argv[2] ?? 300);
const reconnecting = Number(process.argv[3] ?? 20);
const queries = Number(process.argv[4] ?? 300);
const DEADLINE_MS = 180_000;

process.setMaxListeners(0);
let relayProcess: ChildProcess | null = null;

async function main() {
  const bench = await spawnBenchRelay(phones * 3, DEADLINE_MS);
  const relay = bench.process;
  relayProcess = relay;
  const port = bench.port;
  const base = `http://127.0.0.1:${port}`;
  const created = (await (await fetch(`${base}/api/meetings`, { method: 'POST', body: '{}' })).json()) as {
    meetingId: string;
    facilitatorKey: string;
  };
  const ids: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < phones; i++) {
    const res = await fetch(`${base}/api/meetings/${created.meetingId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Deltagare ${i + 1}`, organisation: 'Kommun' }),
    });
    const body = (await res.json()) as { participantId: string; participantKey: string };
    ids.push(body.participantId);
    keys.push(body.participantKey);
  }

  let closedByRelay = 0;
  const connect = (key: string) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, created.meetingId, doc, {
      params: { key },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    provider.on('connection-close', (event) => {
      if (event && event.code === 1008) closedByRelay++;
    });
    return { doc, provider };
  };
  const until = async (check: () => boolean) => {
    const t0 = performance.now();
    while (!check()) {
      if (performance.now() - t0 > 60_000) throw new Error('bench: condition not reached in 60 s');
      await new Promise((r) => setTimeout(r, 10));
    }
    return performance.now() - t0;
  };

  const fac = connect(created.facilitatorKey);
  fac.provider.awareness.setLocalState({ role: 'facilitator', participantId: null });
  const rssBefore = await relayRssMb(relay.pid!);
  const cpuBefore = await relayCpuMs(relay.pid!);
  const t0 = performance.now();
  const clients = keys.map((key, i) => {
    const c = connect(key);
    c.provider.awareness.setLocalState({ role: 'participant', participantId: ids[i] });
    return c;
  });
  const facSees = (n: number) => fac.provider.awareness.getStates().size === n;
  await until(() => facSees(phones + 1));
  const allPresent = performance.now() - t0;
  // phones show nobody's presence, so the relay sends them none: each holds only its own state
  const allSeeAll = await until(() => clients.every((c) => c.provider.awareness.getStates().size === 1));
  const cpuJoin = (await relayCpuMs(relay.pid!)) - cpuBefore;

  // K phones lose their connection and come back with the same id and clock
  const back = clients.slice(0, reconnecting);
  for (const c of back) c.provider.disconnect();
  await until(() => facSees(phones + 1 - reconnecting));
  const t1 = performance.now();
  for (const c of back) c.provider.connect();
  await until(() => facSees(phones + 1));
  const reconnectMs = performance.now() - t1;

  // four sockets that never read, each sending one-byte presence queries
  const flooders: WebSocket[] = [];
  for (let i = 0; i < 4; i++) {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${created.meetingId}?key=${encodeURIComponent(keys[i])}`);
    ws.on('error', () => {});
    await new Promise((r) => ws.once('open', r));
    (ws as unknown as { _socket: { pause(): void } })._socket.pause();
    flooders.push(ws);
  }
  const rssFloodBefore = await relayRssMb(relay.pid!);
  for (let q = 0; q < queries; q++) for (const ws of flooders) ws.send(new Uint8Array([3]));
  await new Promise((r) => setTimeout(r, 1000));
  const rssFlood = await relayRssMb(relay.pid!);
  const tEdit = performance.now();
  fac.doc.getMap('bench').set('during-flood', 1);
  await until(() => clients[phones - 1].doc.getMap('bench').has('during-flood'));
  const editMs = performance.now() - tEdit;

  console.log(`presence: ${phones} stock phones with presence on the meeting document`);
  console.log(`  facilitator sees all ${phones}     ${allPresent.toFixed(0)} ms after the first connect; every phone holds only its own state ${allSeeAll.toFixed(0)} ms later`);
  console.log(`  sockets closed by the relay  ${closedByRelay}`);
  console.log(`  relay CPU while joining      ${cpuJoin.toFixed(0)} ms; RSS ${rssBefore.toFixed(0)} → ${rssFloodBefore.toFixed(0)} MB`);
  console.log(`  ${reconnecting} phones reconnect with their old id and clock: all seen again after ${reconnectMs.toFixed(0)} ms`);
  console.log(`  4 non-reading sockets × ${queries} presence queries: relay RSS ${rssFloodBefore.toFixed(0)} → ${rssFlood.toFixed(0)} MB; an honest edit reached a phone in ${editMs.toFixed(0)} ms`);
  console.log(`  reproduce: npx tsx bench/presence-300.ts ${phones} ${reconnecting} ${queries}`);

  for (const ws of flooders) ws.terminate();
  for (const { provider } of [fac, ...clients]) provider.destroy();
  await bench.stop();
}


async function relayRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

main().catch((err) => {
  console.error(err);
  // never leave the relay behind
  relayProcess?.kill('SIGKILL');
  process.exit(1);
});
