// Prints how long an edit takes to reach CLIENTS meeting-doc clients (run: npx tsx tests/relay/fanout-scale.ts).
import { meetingDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, startRelay, waitFor, type DocClient } from './helpers';

const CLIENTS = Number(process.env.CLIENTS ?? 300);
const EDITS = Number(process.env.EDITS ?? 50);

const relay = await startRelay({ maxConnectionsPerAddress: 10_000 });
const m = await createMeeting(relay.url);
const p = await addParticipant(relay.url, m.meetingId);
const clients: DocClient[] = [];
for (let i = 0; i < CLIENTS; i++) clients.push(connectDoc(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey));
await Promise.all(clients.map((c) => c.synced));
const writer = clients[0];
const times: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const t = performance.now();
  writer.doc.getMap('clusters').set(`k${i}`, i);
  await waitFor(() => clients.every((c) => c.doc.getMap('clusters').get(`k${i}`) === i), { interval: 1, timeout: 30_000 });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(
  `${CLIENTS} clients, ${EDITS} edits: median ${times[times.length >> 1].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms until every client had the edit (clients share this process)`,
);
for (const c of clients) c.destroy();
await relay.dispose();
