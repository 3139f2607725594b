import { afterEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as Y from 'yjs';
import { controlDocName, meetingDocName } from '../../common/docNames';
import {
  addParticipant,
  connectDoc,
  createMeeting,
  makeTempDir,
  removeDir,
  spawnRelay,
  startRelay,
  TEST_STORE,
  waitFor,
  type DocClient,
  type SpawnedRelay,
} from './helpers';

const clients: DocClient[] = [];
const spawned: SpawnedRelay[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const s of spawned.splice(0)) {
    if (s.process.exitCode === null && s.process.signalCode === null) {
      s.process.kill('SIGKILL');
      await s.exited;
    }
  }
  for (const d of dirs.splice(0)) await removeDir(d);
});

const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};

describe('persistence', () => {
  it('data survives stopping and restarting the relay on the same data directory', async () => {
    let relay = await startRelay();
    dirs.push(relay.dataDir);
    const m = await createMeeting(relay.url, 'Höstmöte');
    const p = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
    const c = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    c.doc.getMap('clusters').set('c1', 'Vårdövergångar');
    const other = connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await waitFor(() => other.doc.getMap('clusters').get('c1') === 'Vårdövergångar');
    for (const x of clients.splice(0)) x.destroy();

    relay = await relay.restart();
    try {
      const back = connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
      await back.synced;
      expect(back.doc.getMap('clusters').get('c1')).toBe('Vårdövergångar');
      const control = connect(relay.wsUrl, controlDocName(m.meetingId), p.participantKey);
      await control.synced;
      expect(control.doc.getMap('meeting').get('title')).toBe('Höstmöte');
      expect(control.doc.getMap<Y.Map<unknown>>('participants').get(p.participantId)?.get('name')).toBe('Anna');
    } finally {
      await relay.stop();
    }
  });

  it('an edit another client has seen survives kill -9 of the relay process', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const first = await spawnRelay(dir);
    spawned.push(first);
    const m = await createMeeting(first.url);
    const p = await addParticipant(first.url, m.meetingId);
    const writer = connect(first.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const reader = connect(first.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([writer.synced, reader.synced]);
    for (let i = 0; i < 20; i++) writer.doc.getMap('clusters').set(`c${i}`, `value ${i}`);
    await waitFor(() => reader.doc.getMap('clusters').get('c19') === 'value 19');
    // nothing may reconnect and re-send the edit after the restart: the store alone must have it
    for (const x of clients.splice(0)) x.destroy();
    first.process.kill('SIGKILL');
    await first.exited;

    const second = await spawnRelay(dir);
    spawned.push(second);
    const fresh = connect(second.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await fresh.synced;
    expect(fresh.doc.getMap('clusters').size).toBe(20);
    expect(fresh.doc.getMap('clusters').get('c19')).toBe('value 19');
    expect((await fetch(`${second.url}/api/join/${m.joinCode}`)).status).toBe(200);
  });

  it('SIGTERM stores everything and exits 0', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const relay = await spawnRelay(dir);
    spawned.push(relay);
    const m = await createMeeting(relay.url);
    const c = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    c.doc.getMap('clusters').set('k', 'v');
    const r = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await waitFor(() => r.doc.getMap('clusters').get('k') === 'v');
    relay.process.kill('SIGTERM');
    expect(await relay.exited).toBe(0);
    for (const x of clients.splice(0)) x.destroy();
    const again = await spawnRelay(dir);
    spawned.push(again);
    const back = connect(again.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await back.synced;
    expect(back.doc.getMap('clusters').get('k')).toBe('v');
  });
});

describe('memory', () => {
  it('documents leave memory once their last client has gone, including private docs a reveal loaded', async () => {
    // private docs stay warm for a reconnect this long after their last socket, then leave too
    const relay = await startRelay({ privateDocGraceMs: 500 });
    dirs.push(relay.dataDir);
    try {
      const m = await createMeeting(relay.url);
      const people = [await addParticipant(relay.url, m.meetingId), await addParticipant(relay.url, m.meetingId)];
      for (const p of people) {
        const c = connect(relay.wsUrl, `${m.meetingId}/p/${p.participantId}`, p.participantKey);
        await c.synced;
        const note = new Y.Map<unknown>();
        const id = `${p.participantId.slice(0, 10)}notenotenote`;
        c.doc.transact(() => {
          for (const [k, v] of Object.entries({ id, text: 'lapp', color: 'blue', tag: '', group: 0, createdAt: 1, updatedAt: 1, state: 'draft' })) note.set(k, v);
          c.doc.getMap('notes').set(id, note);
        });
      }
      const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
      await control.synced;
      await waitFor(() => control.doc.getMap('noteCounts').size === 2);
      // phones leave; the reveal has to load their private docs again
      clients.splice(0, 2).forEach((c) => c.destroy());
      const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
      await meeting.synced;
      control.doc.getMap('gathering').set('revealed', true);
      await waitFor(() => meeting.doc.getMap('notes').size === 2);
      await relay.server.settle();
      await waitFor(() => relay.server.stats().docsInMemory - relay.server.stats().warmDocs === 2, { message: 'only control and meeting stay held' });
      for (const c of clients.splice(0)) c.destroy();
      await waitFor(async () => {
        await relay.server.settle();
        return relay.server.stats().docsInMemory === 0 && relay.server.stats().sockets === 0;
      }, { message: 'everything dropped' });
    } finally {
      await relay.stop();
    }
  });

  it('logs never contain keys', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    const relay = await spawnRelay(dir, { LOG_LEVEL: 'debug' });
    spawned.push(relay);
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId);
    const c = connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await c.synced;
    const bad = connect(relay.wsUrl, `${m.meetingId}/inbox`, p.participantKey);
    expect(await bad.closed).toBe(4403);
    await fetch(`${relay.url}/api/meetings/${m.meetingId}/participants/${p.participantId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${p.participantKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ny' }),
    });
    relay.process.kill('SIGTERM');
    await relay.exited;
    expect(relay.output()).toContain('socket open');
    expect(relay.output()).not.toContain(p.participantKey);
    expect(relay.output()).not.toContain(m.facilitatorKey);
    expect(relay.output()).not.toContain(m.meetingId);
  });
});

describe('store problems', () => {
  it('a store that cannot be used stops the relay with a message that names the setting (DATA_DIR and the path, or DATABASE_URL)', async () => {
    const dir = await makeTempDir();
    dirs.push(dir);
    if (TEST_STORE === 'postgres') {
      // a port with nothing listening: connecting is refused at once
      const error = await spawnRelay(dir, { DATABASE_URL: 'postgres://app@127.0.0.1:9/nowhere' }).then(
        () => null,
        (err: Error) => err.message,
      );
      expect(error).toMatch(/exited with 1/);
      expect(error).toContain('DATABASE_URL');
      return;
    }
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a directory');
    const error = await spawnRelay(file).then(
      () => null,
      (err: Error) => err.message,
    );
    expect(error).toMatch(/exited with 1/);
    expect(error).toContain('DATA_DIR');
    expect(error).toContain(file);
  });
});
