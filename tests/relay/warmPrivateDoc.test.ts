// A phone that lost its sockets and reconnects within PRIVATE_DOC_GRACE_MS finds its private doc
// still in memory: no store read, everything it wrote is there. After the grace the doc leaves
// memory. With several instances (PostgreSQL) a warm doc never holds its meeting: the lock goes
// MEETING_RELEASE_MS after the last socket closed, as it did before, and the warm doc with it.
import { afterEach, describe, expect, it } from 'vitest';
import { meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, startRelay, waitFor, writeDraft, type DocClient, type TestRelay } from './helpers';

const relays: TestRelay[] = [];
const clients: DocClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.dispose();
});

async function relayWith(privateDocGraceMs: number, meetingReleaseMs = 1000): Promise<TestRelay> {
  const relay = await startRelay({ privateDocGraceMs, meetingReleaseMs });
  relays.push(relay);
  return relay;
}

function connect(...args: Parameters<typeof connectDoc>): DocClient {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
}

/** Counts the relay's reads of one doc from its store (the store object the rooms load through). */
function countLoads(relay: TestRelay, name: string): { count: number } {
  const counter = { count: 0 };
  const docs = relay.server.store.docs;
  const load = docs.loadDoc.bind(docs);
  docs.loadDoc = (n) => {
    if (n === name) counter.count++;
    return load(n);
  };
  return counter;
}

/** A meeting with its console open (so it stays this instance's) and a phone that wrote a draft and left. */
async function phoneLeft(relay: TestRelay) {
  const m = await createMeeting(relay.url);
  const p = await addParticipant(relay.url, m.meetingId);
  const console_ = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await console_.synced;
  const name = privateDocName(m.meetingId, p.participantId);
  const phone = connect(relay.wsUrl, name, p.participantKey);
  await phone.synced;
  const draft = writeDraft(phone.doc, 'Kortare väntetider');
  await relay.server.settle();
  phone.destroy();
  return { m, p, name, draft, console_ };
}

describe('a phone reconnecting within the grace', () => {
  it('gets its private doc without a store read, with what it wrote', async () => {
    // a grace no test run reaches: the reconnect is inside it however slow the machine
    const relay = await relayWith(600_000);
    const { name, draft, p } = await phoneLeft(relay);
    await waitFor(() => relay.server.stats().warmDocs === 1, { message: 'the private doc kept warm' });
    const loads = countLoads(relay, name);
    const back = connect(relay.wsUrl, name, p.participantKey);
    await back.synced;
    expect(back.doc.getMap('notes').has(draft)).toBe(true);
    expect(loads.count).toBe(0);
    expect(relay.server.stats().warmDocs).toBe(0);
  });

  it('after the grace the doc has left memory and the next reconnect reads the store', async () => {
    const relay = await relayWith(200);
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId);
    const name = privateDocName(m.meetingId, p.participantId);
    const phone = connect(relay.wsUrl, name, p.participantKey);
    await phone.synced;
    const draft = writeDraft(phone.doc, 'Kortare väntetider');
    await relay.server.settle();
    phone.destroy();
    await waitFor(() => relay.server.stats().docsInMemory === 0, { message: 'the private doc unloaded after its grace' });
    const loads = countLoads(relay, name);
    const back = connect(relay.wsUrl, name, p.participantKey);
    await back.synced;
    expect(back.doc.getMap('notes').has(draft)).toBe(true);
    expect(loads.count).toBe(1);
  });
});

describe('a warm private doc and its meeting', () => {
  it('does not keep a meeting held past its release: with several instances it leaves memory when the meeting is let go', async () => {
    const relay = await relayWith(600_000, 300);
    const { console_, m } = await phoneLeft(relay);
    await waitFor(() => relay.server.stats().warmDocs === 1, { message: 'the private doc kept warm' });
    console_.destroy();
    if (relay.server.store.locks.shared) {
      // the lock goes MEETING_RELEASE_MS after the last socket, as before; the warm doc goes with it
      await waitFor(() => relay.server.meetingsServed().length === 0, { message: 'the meeting let go' });
      expect(relay.server.stats().warmDocs).toBe(0);
      expect(relay.server.stats().docsInMemory).toBe(0);
    } else {
      // one process: nothing to let go; the doc stays warm for its grace, the meeting doc is gone
      await waitFor(() => relay.server.stats().docsInMemory === 1, { message: 'the meeting doc unloaded' });
      expect(relay.server.stats().warmDocs).toBe(1);
      expect(relay.server.meetingsServed()).toEqual([m.meetingId]);
    }
  });
});
