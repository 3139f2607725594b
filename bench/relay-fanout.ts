// Fan-out benchmark: one meeting, N phones on the meeting document, the facilitator writes M
// small edits; we measure how long each edit takes to reach every phone and how much CPU the
// relay process spends. The relay runs as its own process (exactly `npm start`'s server).
//
//   npx tsx bench/relay-fanout.ts [phones=300] [edits=200] [intervalMs=20]
//
// Everything talks to 127.0.0.1 only, and the run is bounded: it stops by itself.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

const phones = Number(process.argv[2] ?? 300);
const edits = Number(process.argv[3] ?? 200);
const intervalMs = Number(process.argv[4] ?? 20);
const DEADLINE_MS = 120_000;

process.setMaxListeners(0); // every provider adds an exit listener

async function main() {
  const dataDir = await mkdtemp(join(tmpdir(), 'svv-bench-'));
  const relay = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      MAX_CONNECTIONS_PER_ADDRESS: String(phones * 3 + 10),
      MAX_CONNECTIONS_PER_MEETING: String(phones * 3 + 10),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const hardStop = setTimeout(() => {
    console.error('bench: deadline reached, stopping');
    relay.kill('SIGKILL');
    process.exit(2);
  }, DEADLINE_MS);
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    relay.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on port (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    relay.once('exit', (code) => reject(new Error(`relay exited ${code}`)));
  });
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

  const cpuBefore = await relayCpuMs(relay.pid!);
  const t0 = performance.now();
  for (let i = 0; i < edits; i++) {
    sentAt.set(i, performance.now());
    writer.doc.getMap('bench').set(String(i), i);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await done;
  const elapsed = performance.now() - t0;
  const cpuAfter = await relayCpuMs(relay.pid!);

  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  console.log(`relay fan-out: ${phones} phones, ${edits} edits every ${intervalMs} ms (${expected} deliveries)`);
  console.log(`  delivery latency  p50 ${pct(50).toFixed(1)} ms  p95 ${pct(95).toFixed(1)} ms  p99 ${pct(99).toFixed(1)} ms  max ${latencies[latencies.length - 1].toFixed(1)} ms`);
  console.log(`  relay CPU         ${(cpuAfter - cpuBefore).toFixed(0)} ms over ${elapsed.toFixed(0)} ms wall (${(((cpuAfter - cpuBefore) / elapsed) * 100).toFixed(1)} % of one core)`);
  console.log(`  reproduce: npx tsx bench/relay-fanout.ts ${phones} ${edits} ${intervalMs}`);

  for (const { provider } of [writer, ...clients]) provider.destroy();
  clearTimeout(hardStop);
  relay.kill('SIGTERM');
  await new Promise((r) => relay.once('exit', r));
  await rm(dataDir, { recursive: true, force: true });
}

/** utime + stime of a process from /proc, in ms (Linux). */
async function relayCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
