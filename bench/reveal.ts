// Prints how long a reveal of PARTICIPANTS × NOTES drafts takes, with the private docs in memory
// or (COLD=1) loaded from disk because the phones have left:
//   npx tsx bench/reveal.ts            PARTICIPANTS=300 NOTES=10 COLD=1 npx tsx bench/reveal.ts
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../common/docNames';
import { addParticipant, connectDoc, createMeeting, startRelay, waitFor, type DocClient } from '../tests/relay/helpers';

process.setMaxListeners(0); // every provider adds an exit listener

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 300);
const NOTES = Number(process.env.NOTES ?? 10);

const relay = await startRelay({ maxConnectionsPerAddress: 10_000, logLevel: process.env.LOG_LEVEL === "debug" ? "debug" : "silent" });
const m = await createMeeting(relay.url);
const phones: DocClient[] = [];
let t = performance.now();
for (let i = 0; i < PARTICIPANTS; i++) {
  const p = await addParticipant(relay.url, m.meetingId, `P${i}`, 'Kommun');
  phones.push(connectDoc(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey));
}
await Promise.all(phones.map((p) => p.synced));
console.log(`joined ${PARTICIPANTS} in ${(performance.now() - t).toFixed(0)} ms`);
const control = connectDoc(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
const meeting = connectDoc(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
await Promise.all([control.synced, meeting.synced]);
t = performance.now();
phones.forEach((phone, i) => {
  for (let n = 0; n < NOTES; n++) {
    phone.doc.transact(() => {
      const note = new Y.Map<unknown>();
      const id = `n${String(i).padStart(4, '0')}${String(n).padStart(4, '0')}${'y'.repeat(12)}`;
      for (const [k, v] of Object.entries({ id, text: `lapp ${i} ${n}`, color: 'yellow', tag: '', group: 0, createdAt: Date.now(), updatedAt: Date.now(), state: 'draft' })) note.set(k, v);
      phone.doc.getMap('notes').set(id, note);
    });
  }
});
const counts = control.doc.getMap<number>('noteCounts');
await waitFor(() => [...counts.values()].reduce((a, b) => a + b, 0) === PARTICIPANTS * NOTES, { timeout: 60_000 });
console.log(`counted ${PARTICIPANTS * NOTES} drafts in ${(performance.now() - t).toFixed(0)} ms`);
if (process.env.COLD) {
  // phones leave: their private docs drop out of memory and the reveal loads them from disk
  for (const p of phones) p.provider.disconnect();
  await new Promise((r) => setTimeout(r, 500));
  await relay.server.settle();
}
t = performance.now();
control.doc.getMap('gathering').set('revealed', true);
await waitFor(() => meeting.doc.getMap('notes').size === PARTICIPANTS * NOTES, { timeout: 60_000, interval: 5 });
console.log(`reveal with docs ${process.env.COLD ? 'loaded from disk' : 'in memory'}: ${(performance.now() - t).toFixed(0)} ms until the board had all ${PARTICIPANTS * NOTES}`);
console.log(`reproduce: PARTICIPANTS=${PARTICIPANTS} NOTES=${NOTES}${process.env.COLD ? ' COLD=1' : ''} npx tsx bench/reveal.ts`);
for (const p of phones) p.destroy();
control.destroy();
meeting.destroy();
await relay.dispose();
