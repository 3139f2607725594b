// Fan-out benchmark: one meeting, N phones on the meeting document, the facilitator writes M
// small edits; we measure how long each edit takes to reach every phone and how much CPU the
// relay process spends. The relay runs as its own process (exactly `npm start`'s server).
//
//   npx tsx bench/relay-fanout.ts [phones=300] [edits=200] [intervalMs=20]
//
// Everything talks to 127.0.0.1 only, and the run is bounded: it stops by itself.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { spawnBenchRelay } from './spawnRelay';

const phones = Number(process.argv[2] ?? 300);
const edits = Number(process.argv[3] ?? 200);
const intervalMs = Number(process.argv[4] ?? 20);
const DEADLINE_MS = 120_000;

process.setMaxListeners(0); // every provider adds an exit listener

async function main() {
  const relay = await spawnBenchRelay(phones * 3, DEADLINE_MS, { LOG_LEVEL: 'info' });
  const { port } = relay;
  const base = `http://127.0.0.1:${port}`;
  const created = (await (await fetch(`${base}/api/meetings`, { method: 'POST', body: '{}' })).json()) as {
    meetingId: string;
    facilitatorKey: string;
  };

  const keys: string[] = [];
  for (let i = 0; i < phones; i++) {
    const res = await fetch(`${base}/api/meetings/${created.meetingId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Deltagare ${i + 1}`, organisation: 'Kommun' }),
    });
    keys.push(((await res.json()) as { participantKey: string }).participantKey);
  }

  const connect = (key: string) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, created.meetingId, doc, {
      params: { key },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  };
  const writer = connect(created.facilitatorKey);
  const clients = keys.map(connect);
  await Promise.all(
    [writer, ...clients].map(
      ({ provider }) =>
        new Promise<void>((resolve) => {
          if (provider.synced) resolve();
          else provider.once('sync', () => resolve());
        }),
    ),
  );

  // received[edit][client] = ms after the write
  const sentAt = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const expected = edits * phones;
  let allReceived!: () => void;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  for (const { doc } of clients) {
    doc.getMap('bench').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const started = sentAt.get(Number(key));
        if (started !== undefined) {
          latencies.push(now - started);
          if (++received === expected) allReceived();
        }
      }
    });
  }

  const cpuBefore = await relay.cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < edits; i++) {
    sentAt.set(i, performance.now());
    writer.doc.getMap('bench').set(String(i), i);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await done;
  const elapsed = performance.now() - t0;
  const cpuAfter = await relay.cpuMs();

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(`relay fan-out: ${phones} phones, ${edits} edits every ${intervalMs} ms (${expected} deliveries)`);
  console.log(`  delivery latency  p50 ${pct(50).toFixed(1)} ms  p95 ${pct(95).toFixed(1)} ms  p99 ${pct(99).toFixed(1)} ms  max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  console.log(`  relay CPU         ${(cpuAfter - cpuBefore).toFixed(0)} ms over ${elapsed.toFixed(0)} ms wall (${(((cpuAfter - cpuBefore) / elapsed) * 100).toFixed(1)} % of one core)`);
  console.log(`  reproduce: npx tsx bench/relay-fanout.ts ${phones} ${edits} ${intervalMs}`);

  for (const { provider } of [writer, ...clients]) provider.destroy();
  await relay.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
