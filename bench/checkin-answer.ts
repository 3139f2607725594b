// Phone → board through the relay's write model: 300 phones connected (each with its meeting doc
// and its private doc open, as the app does), each types a check-in answer into its own private
// doc; the relay's checkinAnswer action copies it into the meeting doc as itself; a board client
// times when each answer shows. Also a direct write by the facilitator for comparison (what a
// shared-doc write costs). The relay runs as its own process (exactly `npm start`'s server).
//
//   npx tsx bench/checkin-answer.ts [phones=300] [answers=300] [intervalMs=20]
//
// Everything talks to 127.0.0.1 only, and the run is bounded: it stops by itself.
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { spawnBenchRelay } from './spawnRelay';

const phones = Number(process.argv[2] ?? 300);
const answers = Math.min(phones, Number(process.argv[3] ?? 300));
const intervalMs = Number(process.argv[4] ?? 20);
const DEADLINE_MS = 180_000;

process.setMaxListeners(0);

async function main() {
  const relay = await spawnBenchRelay(phones * 3, DEADLINE_MS);
  const { port, base } = relay;
  const created = (await (await fetch(`${base}/api/meetings`, { method: 'POST', body: '{}' })).json()) as {
    meetingId: string;
    facilitatorKey: string;
  };
  const people: { participantId: string; participantKey: string }[] = [];
  for (let i = 0; i < phones; i++) {
    const res = await fetch(`${base}/api/meetings/${created.meetingId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Deltagare ${i + 1}`, organisation: 'Kommun' }),
    });
    people.push((await res.json()) as { participantId: string; participantKey: string });
  }
  const connect = (name: string, key: string) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, name, doc, {
      params: { key },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    return { doc, provider };
  };
  const board = connect(created.meetingId, created.facilitatorKey);
  const phoneClients = people.map((p) => ({
    ...p,
    meeting: connect(created.meetingId, p.participantKey),
    private: connect(`${created.meetingId}/p/${p.participantId}`, p.participantKey),
  }));
  const all = [board, ...phoneClients.flatMap((p) => [p.meeting, p.private])];
  await Promise.all(
    all.map(
      ({ provider }) =>
        new Promise<void>((resolve) => {
          if (provider.synced) resolve();
          else provider.once('sync', () => resolve());
        }),
    ),
  );

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let allShown!: () => void;
  const shown = new Promise<void>((resolve) => (allShown = resolve));
  board.doc.getMap('checkin').observe((event) => {
    const now = performance.now();
    for (const id of event.keysChanged) {
      const started = sentAt.get(id);
      if (started === undefined) continue;
      sentAt.delete(id);
      latencies.push(now - started);
      if (latencies.length === answers) allShown();
    }
  });

  const cpuBefore = await relay.cpuMs();
  const t0 = performance.now();
  for (let i = 0; i < answers; i++) {
    const phone = phoneClients[i];
    sentAt.set(phone.participantId, performance.now());
    phone.private.doc.transact(() => {
      const answer = phone.private.doc.getMap('checkin');
      answer.set('text', `Svar ${i + 1}: pigg och nyfiken`);
      answer.set('passed', false);
      answer.set('updatedAt', Date.now());
    });
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await shown;
  const elapsed = performance.now() - t0;
  const cpuAfter = await relay.cpuMs();

  // the same number of direct shared-doc writes by the facilitator, to a second board client
  const watcher = phoneClients[0].meeting;
  const directSent = new Map<string, number>();
  const direct: number[] = [];
  let allDirect!: () => void;
  const directDone = new Promise<void>((resolve) => (allDirect = resolve));
  watcher.doc.getMap('bench').observe((event) => {
    const now = performance.now();
    for (const key of event.keysChanged) {
      const started = directSent.get(key);
      if (started === undefined) continue;
      direct.push(now - started);
      if (direct.length === answers) allDirect();
    }
  });
  for (let i = 0; i < answers; i++) {
    directSent.set(String(i), performance.now());
    board.doc.getMap('bench').set(String(i), i);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  await directDone;

  const pct = (list: number[], p: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1);
  };
  console.log(`check-in answers: ${phones} phones connected (${all.length} sockets), ${answers} answers every ${intervalMs} ms`);
  console.log(`  phone → board (private doc → relay action → meeting doc)  p50 ${pct(latencies, 50)} ms  p95 ${pct(latencies, 95)} ms  p99 ${pct(latencies, 99)} ms`);
  console.log(`  facilitator → phone (a direct shared-doc write)            p50 ${pct(direct, 50)} ms  p95 ${pct(direct, 95)} ms  p99 ${pct(direct, 99)} ms`);
  console.log(`  relay CPU during the answers: ${(cpuAfter - cpuBefore).toFixed(0)} ms over ${elapsed.toFixed(0)} ms wall`);
  console.log(`  reproduce: npx tsx bench/checkin-answer.ts ${phones} ${answers} ${intervalMs}`);

  for (const { provider } of all) provider.destroy();
  await relay.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
