// What only the PostgreSQL store has: versioned migrations, compaction in one transaction, and a
// deleted meeting leaving no row behind.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, cp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { migrate, readMigrations } from '../../server/store/pgMigrate';
import { openPgStore, type PgStore } from '../../server/store/postgres';
import { addParticipant, api, connectDoc, createMeeting, freshDatabaseUrl, startRelay, waitFor, writeDraft, type DocClient, type TestRelay } from '../relay/helpers';

const stores: PgStore[] = [];
const relays: TestRelay[] = [];
const clients: DocClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.dispose();
  for (const s of stores.splice(0)) await s.close();
});

async function open(url: string): Promise<PgStore> {
  const store = await openPgStore(url);
  stores.push(store);
  return store;
}

const setting = (key: string, value: string) => {
  const d = new Y.Doc();
  d.getMap('m').set(key, value);
  return Y.encodeStateAsUpdate(d);
};

describe('migrations', () => {
  it('run once at start, recorded by version; a new file is applied alone on the next start', async () => {
    const url = await freshDatabaseUrl();
    const first = await open(url);
    const versions = async () => (await first.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);
    const shipped = (await readMigrations()).map((m) => m.version);
    expect(await versions()).toEqual(shipped);
    // a second instance starting on the same database applies nothing
    await open(url);
    expect(await migrate(first.pool)).toEqual([]);
    expect(await versions()).toEqual(shipped);

    // the next release ships one more file: only that one runs
    const dir = await mkdtemp(path.join(tmpdir(), 'svv-migrations-'));
    try {
      await cp(fileURLToPath(new URL('../../server/store/migrations/', import.meta.url)), dir, { recursive: true });
      await writeFile(path.join(dir, '999_test_extra.sql'), 'CREATE TABLE test_extra (id integer PRIMARY KEY);');
      expect(await migrate(first.pool, await readMigrations(dir))).toEqual([999]);
      expect(await migrate(first.pool, await readMigrations(dir))).toEqual([]);
      expect(await versions()).toEqual([...shipped, 999]);
      // the meeting tables were not created twice: they still hold what they held
      await first.pool.query('SELECT count(*) FROM test_extra');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('compaction', () => {
  it("replaces a document's rows by one snapshot, or, when any step fails, leaves every row as it was", async () => {
    const store = await open(await freshDatabaseUrl());
    const meetingId = 'c'.repeat(21);
    const name = meetingDocName(meetingId);
    expect(await store.locks.tryLock(meetingId)).toBe(true);
    await store.docs.storeUpdate(name, setting('a', '1'), setting('b', '2'));
    await store.docs.storeUpdate(name, setting('c', '3'));
    const rows = async () => (await store.pool.query<{ n: string }>('SELECT count(*) AS n FROM doc_updates WHERE doc = $1', [name])).rows[0].n;
    expect(await rows()).toBe('3');

    // the snapshot is bigger than any single update: a check that refuses it makes the insert fail
    // after the delete ran, inside the same transaction
    const largest = (await store.pool.query<{ n: number }>('SELECT max(octet_length(data)) AS n FROM doc_updates')).rows[0].n;
    await store.pool.query(`ALTER TABLE doc_updates ADD CONSTRAINT test_small CHECK (octet_length(data) <= ${largest})`);
    await expect(store.docs.compact(name)).rejects.toThrow(/test_small/);
    expect(await rows()).toBe('3');
    expect((await store.docs.loadDoc(name)).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' });

    await store.pool.query('ALTER TABLE doc_updates DROP CONSTRAINT test_small');
    await store.docs.compact(name);
    expect(await rows()).toBe('1');
    expect((await store.docs.loadDoc(name)).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3' });
    // and writing goes on after the snapshot
    await store.docs.storeUpdate(name, setting('d', '4'));
    expect((await store.docs.loadDoc(name)).getMap('m').toJSON()).toEqual({ a: '1', b: '2', c: '3', d: '4' });
  });

  it('refuses to write a meeting whose lock this instance does not hold', async () => {
    const store = await open(await freshDatabaseUrl());
    await expect(store.docs.storeUpdate(meetingDocName('n'.repeat(21)), setting('a', '1'))).rejects.toThrow(/another instance/);
    expect((await store.pool.query('SELECT count(*) AS n FROM doc_updates')).rows[0].n).toBe('0');
  });
});

describe('deleting a meeting', () => {
  it('removes every row that names it, in every table, and leaves other meetings alone', async () => {
    const relay = await startRelay({ databaseUrl: await freshDatabaseUrl() });
    relays.push(relay);
    const kept = await createMeeting(relay.url, 'Behålls');
    const m = await createMeeting(relay.url, 'Raderas-Unik-Titel');
    const p = await addParticipant(relay.url, m.meetingId, 'Annabella Unikasson');
    const priv = connectDoc(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    const control = connectDoc(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    clients.push(priv, control);
    await Promise.all([priv.synced, control.synced]);
    writeDraft(priv.doc, 'Unik-Lapp-Text');
    await waitFor(() => control.doc.getMap('noteCounts').get(p.participantId) === 1);
    const bearer = { authorization: `Bearer ${m.facilitatorKey}` };
    expect((await api(relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: bearer })).status).toBe(200);
    expect((await api(relay.url, `/api/meetings/${m.meetingId}/reopen`, { method: 'POST', headers: bearer })).status).toBe(200);
    const next = await api(relay.url, `/api/meetings/${m.meetingId}/next`, { method: 'POST', headers: bearer, body: {} });
    expect(next.status).toBe(201);
    await relay.server.settle();

    const db = new pg.Client({ connectionString: relay.databaseUrl });
    await db.connect();
    try {
      const naming = async (id: string) => {
        const counts = await db.query<{ t: string; n: string }>(
          `SELECT 'doc_updates' AS t, count(*) AS n FROM doc_updates WHERE meeting_id = $1 OR doc LIKE $1 || '%'
           UNION ALL SELECT 'meetings', count(*) FROM meetings WHERE id = $1
           UNION ALL SELECT 'participants', count(*) FROM participants WHERE meeting_id = $1
           UNION ALL SELECT 'series_members', count(*) FROM series_members WHERE meeting_id = $1`,
          [id],
        );
        return Object.fromEntries(counts.rows.map((r) => [r.t, Number(r.n)]));
      };
      const before = await naming(m.meetingId);
      expect(before.doc_updates).toBeGreaterThan(0);
      expect(before).toMatchObject({ meetings: 1, participants: 1, series_members: 1 });
      const keptBefore = await naming(kept.meetingId);

      expect((await api(relay.url, `/api/meetings/${m.meetingId}`, { method: 'DELETE', headers: bearer })).status).toBe(204);
      expect(await naming(m.meetingId)).toEqual({ doc_updates: 0, meetings: 0, participants: 0, series_members: 0 });
      // no row anywhere still holds the texts
      const text = await db.query<{ n: string }>(
        "SELECT count(*) AS n FROM doc_updates WHERE position(convert_to('Unik-Lapp-Text', 'UTF8') in data) > 0 OR position(convert_to('Annabella', 'UTF8') in data) > 0",
      );
      expect(text.rows[0].n).toBe('0');
      expect(await naming(kept.meetingId)).toEqual(keptBefore);
      expect((await api(relay.url, `/api/join/${m.joinCode}`)).status).toBe(404);
    } finally {
      await db.end();
    }
  });
});
