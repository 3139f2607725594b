// A meeting on one instance at a time: two relays on one PostgreSQL. The second refuses a meeting
// the first holds (close 1013, nothing applied); when the first loses its lock connection it stops
// serving at once, and the second takes the meeting with every acknowledged update.
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { CloseCode, meetingDocName } from '../../common/docNames';
import type { PgStore } from '../../server/store/postgres';
import { api, connectDoc, createMeeting, freshDatabaseUrl, openRaw, startRelay, updateFrame, waitFor, type DocClient, type TestRelay } from '../relay/helpers';

const relays: TestRelay[] = [];
const clients: DocClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.dispose();
});

async function twoInstances() {
  const databaseUrl = await freshDatabaseUrl();
  const a = await startRelay({ databaseUrl, meetingLockWaitMs: 300, meetingReleaseMs: 200 });
  const b = await startRelay({ databaseUrl, meetingLockWaitMs: 300, meetingReleaseMs: 200 });
  relays.push(a, b);
  return { a, b, databaseUrl };
}

function connect(...args: Parameters<typeof connectDoc>): DocClient {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
}

/** The meeting doc's `clusters` as PostgreSQL holds it, read on a connection of its own. */
async function storedClusters(relay: TestRelay, meetingId: string): Promise<Record<string, unknown>> {
  const store = relay.server.store;
  const doc = new Y.Doc();
  for (const u of await store.docs.readUpdates(meetingDocName(meetingId))) Y.applyUpdate(doc, u);
  return doc.getMap('clusters').toJSON();
}

describe('a meeting on one instance at a time', () => {
  it('a second instance refuses a meeting the first serves: the socket closes with 1013 and its update is applied nowhere', async () => {
    const { a, b } = await twoInstances();
    const m = await createMeeting(a.url);
    const facilitator = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await facilitator.synced;
    facilitator.doc.getMap('clusters').set('fromA', 'yes');
    expect(a.server.meetingsServed()).toEqual([m.meetingId]);

    // the same key on the other instance, with an update sent at once, before any answer
    const other = new Y.Doc();
    other.getMap('clusters').set('fromB', 'never');
    const raw = openRaw(b.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await raw.opened;
    const sentAt = Date.now();
    raw.ws.send(updateFrame(Y.encodeStateAsUpdate(other)));
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.tryAgainLater);
    // it waited for the lock before giving up
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(250);
    expect(raw.messages).toHaveLength(0);
    expect(b.server.meetingsServed()).toEqual([]);
    expect(b.server.stats().docsInMemory).toBe(0);

    // the meeting's HTTP writes are refused there too, with a retry
    const rename = await api(b.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: { authorization: `Bearer ${m.facilitatorKey}` } });
    expect(rename.status).toBe(503);

    await a.server.settle();
    await waitFor(async () => (await storedClusters(a, m.meetingId)).fromA === 'yes');
    expect(await storedClusters(a, m.meetingId)).toEqual({ fromA: 'yes' });
    expect(facilitator.doc.getMap('clusters').toJSON()).toEqual({ fromA: 'yes' });
  });

  it('when the first loses its lock connection it closes its sockets with 1013 and drops the meeting; the second takes it with every acknowledged update', async () => {
    const { a, b, databaseUrl } = await twoInstances();
    const m = await createMeeting(a.url);
    const writer = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const reader = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([writer.synced, reader.synced]);
    for (let i = 0; i < 20; i++) writer.doc.getMap('clusters').set(`k${i}`, i);
    // acknowledged: another client has seen them, so the relay stored them first
    await waitFor(() => reader.doc.getMap('clusters').get('k19') === 19);

    const pid = await (a.server.store as PgStore).session.pid();
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      const killed = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [pid]);
      expect(killed.rows[0].ok).toBe(true);
    } finally {
      await admin.end();
    }
    expect(await writer.closed).toBe(CloseCode.tryAgainLater);
    expect(await reader.closed).toBe(CloseCode.tryAgainLater);
    // the clients would reconnect (to the instance the balancer picks): here they stop
    for (const c of clients.splice(0)) c.destroy();
    expect(a.server.meetingsServed()).toEqual([]);
    await waitFor(() => a.server.stats().docsInMemory === 0, { message: 'the dropped meeting leaves memory' });

    const taken = connect(b.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await taken.synced;
    const clusters = taken.doc.getMap('clusters').toJSON();
    for (let i = 0; i < 20; i++) expect(clusters[`k${i}`]).toBe(i);
    expect(b.server.meetingsServed()).toEqual([m.meetingId]);

    // now the first instance (with a new lock connection) is the one that refuses
    const late = openRaw(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    expect((await late.closed).code).toBe(CloseCode.tryAgainLater);
    taken.doc.getMap('clusters').set('onB', true);
    await b.server.settle();
    await waitFor(async () => (await storedClusters(b, m.meetingId)).onB === true);
  });

  it('an update PostgreSQL refused to store is sent to nobody: the instance lets the meeting go (1013) and the writer resends it once it can be stored', async () => {
    const { a, databaseUrl } = await twoInstances();
    const m = await createMeeting(a.url);
    const writer = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const reader = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([writer.synced, reader.synced]);
    writer.doc.getMap('clusters').set('before', 1);
    await waitFor(() => reader.doc.getMap('clusters').get('before') === 1);

    // the lock connection stays up, but PostgreSQL refuses every new row
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      await admin.query('ALTER TABLE doc_updates ADD CONSTRAINT refuse_all CHECK (false) NOT VALID');
      let readerHadItAtClose: boolean | null = null;
      reader.provider.on('connection-close', () => {
        readerHadItAtClose ??= reader.doc.getMap('clusters').has('refused');
      });
      writer.doc.getMap('clusters').set('refused', 2);
      expect(await reader.closed).toBe(CloseCode.tryAgainLater);
      expect(readerHadItAtClose).toBe(false);
      expect(reader.doc.getMap('clusters').has('refused')).toBe(false);
      expect(await storedClusters(a, m.meetingId)).toEqual({ before: 1 });
    } finally {
      await admin.query('ALTER TABLE doc_updates DROP CONSTRAINT IF EXISTS refuse_all');
      await admin.end();
    }
    // the clients reconnect; the writer still holds its edit and sends it again: stored, then seen
    await waitFor(() => reader.doc.getMap('clusters').get('refused') === 2, { timeout: 10_000 });
    await a.server.settle();
    await waitFor(async () => (await storedClusters(a, m.meetingId)).refused === 2);
  });

  it('an instance that cached a meeting earlier lets in neither a key replaced since nor a deleted meeting’s key', async () => {
    const { a, b } = await twoInstances();
    const m = await createMeeting(a.url);
    const oldKeys = { facilitator: m.facilitatorKey, board: m.boardKey };
    // b serves the meeting for a while (and caches its keys), then lets it go
    const early = connect(b.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await early.synced;
    early.destroy();
    await waitFor(() => b.server.meetingsServed().length === 0, { message: 'b lets the meeting go' });

    // a serves it now and replaces both keys
    const onA = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await onA.synced;
    const auth = { authorization: `Bearer ${m.facilitatorKey}` };
    const board = await api<{ boardKey: string }>(a.url, `/api/meetings/${m.meetingId}/board-key`, { method: 'POST', headers: auth });
    expect(board.status).toBe(200);
    const fac = await api<{ facilitatorKey: string }>(a.url, `/api/meetings/${m.meetingId}/facilitator-key`, { method: 'POST', headers: auth });
    expect(fac.status).toBe(200);
    expect(await onA.closed).toBe(CloseCode.revoked);
    onA.destroy();
    await waitFor(() => a.server.meetingsServed().length === 0, { message: 'a lets the meeting go' });

    // the old keys, on the instance that cached them: refused before anything is sent
    for (const key of [oldKeys.facilitator, oldKeys.board]) {
      const raw = openRaw(b.wsUrl, meetingDocName(m.meetingId), key);
      expect((await raw.closed).code).toBe(CloseCode.badKey);
      expect(raw.messages).toHaveLength(0);
    }
    const oldOverHttp = await api(b.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: { authorization: `Bearer ${oldKeys.facilitator}` } });
    expect(oldOverHttp.status).toBe(401);
    // the new ones work there
    const fresh = connect(b.wsUrl, meetingDocName(m.meetingId), fac.body.facilitatorKey);
    await fresh.synced;
    fresh.destroy();
    await waitFor(() => b.server.meetingsServed().length === 0, { message: 'b lets the meeting go again' });

    // deleted on a: b, which cached it again just now, knows it no more
    const deleted = await api(a.url, `/api/meetings/${m.meetingId}`, { method: 'DELETE', headers: { authorization: `Bearer ${fac.body.facilitatorKey}` } });
    expect(deleted.status).toBe(204);
    const late = openRaw(b.wsUrl, meetingDocName(m.meetingId), fac.body.facilitatorKey);
    expect((await late.closed).code).toBe(CloseCode.unknownMeeting);
    expect(late.messages).toHaveLength(0);
  });

  it('a join on the instance that does not hold the meeting answers 503 and leaves no participant behind', async () => {
    const { a, b } = await twoInstances();
    const m = await createMeeting(a.url);
    const facilitator = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await facilitator.synced;
    const join = (relay: TestRelay) =>
      api(relay.url, `/api/meetings/${m.meetingId}/participants`, { body: { name: 'Anna', organisation: 'Region' } });

    expect((await join(b)).status).toBe(503);
    // no key was issued, so no row: a participant with a key but no place on the board would be a
    // phone nobody can see (and counted against the meeting's limit)
    expect(await a.server.store.registry.participants(m.meetingId)).toEqual([]);

    const joined = await join(a);
    expect(joined.status).toBe(201);
    expect((await a.server.store.registry.participants(m.meetingId)).map((p) => p.id)).toEqual([joined.body.participantId]);
  });

  it('the series overview lists a member meeting another instance serves, without taking it from there', async () => {
    const { a, b } = await twoInstances();
    const first = await createMeeting(a.url, 'Forum Norr');
    const planned = await api(a.url, `/api/meetings/${first.meetingId}/next`, { method: 'POST', headers: { authorization: `Bearer ${first.facilitatorKey}` } });
    expect(planned.status).toBe(201);
    const second = planned.body as { meetingId: string; facilitatorKey: string };
    // the second meeting runs on b; the first's facilitator asks a for the series
    const running = connect(b.wsUrl, meetingDocName(second.meetingId), second.facilitatorKey);
    await running.synced;
    await waitFor(() => a.server.meetingsServed().length === 0, { message: 'a lets the meetings it made go' });

    const overview = await api(a.url, `/api/meetings/${first.meetingId}/series`, { headers: { authorization: `Bearer ${first.facilitatorKey}` } });
    expect(overview.status).toBe(200);
    expect(overview.body.meetings.map((m: { meetingId: string }) => m.meetingId)).toEqual([first.meetingId, second.meetingId]);
    expect(overview.body.meetings.map((m: { title: string }) => m.title)).toEqual(['Forum Norr', 'Forum Norr']);
    // reading it did not make a hold the meeting b serves: b keeps it, a serves nothing of it
    expect(a.server.meetingsServed()).not.toContain(second.meetingId);
    expect(b.server.meetingsServed()).toEqual([second.meetingId]);
  });

  it('a meeting nobody uses any more is let go, so another instance can serve it', async () => {
    const { a, b } = await twoInstances();
    const m = await createMeeting(a.url);
    const first = connect(a.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await first.synced;
    first.doc.getMap('clusters').set('x', 1);
    await a.server.settle();
    first.destroy();
    await waitFor(() => a.server.meetingsServed().length === 0, { message: 'released after MEETING_RELEASE_MS' });
    const second = connect(b.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await second.synced;
    expect(second.doc.getMap('clusters').get('x')).toBe(1);
  });
});
