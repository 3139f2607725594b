import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openLevelStore } from '../store/level';
import type { DocStore } from './docStore';

/** the LevelDB documents store alone, closable */
type Storage = DocStore & { close(): Promise<void> };
async function openStorage(dir: string): Promise<Storage> {
  const store = await openLevelStore(dir);
  return { ...store.docs, close: () => store.close() };
}
import { MESSAGE_SYNC, Rooms, type RoomConn } from './rooms';
import type { LoopLoad } from './loopLoad';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';

const silent = { info() {}, debug() {}, error() {} };
let dir = '';
let storage: Storage | null = null;
afterEach(async () => {
  await storage?.close();
  storage = null;
  await rm(dir, { recursive: true, force: true });
});

const docName = { kind: 'meeting', meetingId: 'm'.repeat(21) } as const;

function updateSetting(key: string, value: string): Uint8Array {
  const d = new Y.Doc();
  d.getMap('clusters').set(key, value);
  return Y.encodeStateAsUpdate(d);
}

describe('a room whose doc makes Yjs throw', () => {
  it('is dropped and reloaded from storage with everything stored before, and its sockets told to reconnect', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rooms-test-'));
    storage = await openStorage(dir);
    const rooms = new Rooms(storage, 5, silent);
    const room = await rooms.acquire('m', docName);
    expect(room.applyUntrusted(updateSetting('good', 'kept'), null)).toEqual({ ok: true });
    const closes: number[] = [];
    const conn = { send() {}, close: (code: number) => closes.push(code), lastAwarenessAnswer: 0, showsPresence: true, principal: 'facilitator', joinedAt: 0, introduced: new Set<number>(), held: new Set<number>() } satisfies RoomConn;
    room.conns.add(conn);
    // something inside the doc throws mid-transaction (as Yjs itself does on a broken struct store)
    room.doc.getMap('clusters').observe((event) => {
      if (event.keysChanged.has('bomb')) throw new Error('Unexpected case');
    });
    const result = room.applyUntrusted(updateSetting('bomb', 'x'), null);
    expect(result.ok).toBe(false);
    await rooms.flushAll();
    expect(closes).toEqual([1012]);
    const fresh = await rooms.acquire('m', docName);
    expect(fresh).not.toBe(room);
    expect(fresh.doc.getMap('clusters').get('good')).toBe('kept');
    expect(fresh.doc.getMap('clusters').has('bomb')).toBe(false);
    expect(fresh.applyUntrusted(updateSetting('later', 'fine'), null)).toEqual({ ok: true });
    await fresh.whenStored();
    rooms.release(fresh);
    rooms.release(room);
    await rooms.flushAll();
    rooms.destroyAll();
  });
});

/** The real storage, with each store held until the test lets it finish. */
function gated(inner: Storage) {
  const calls: { updates: Uint8Array[]; release(): Promise<void> }[] = [];
  const storage: Storage = {
    ...inner,
    storeUpdate(name, ...updates) {
      return new Promise<void>((resolve, reject) => {
        calls.push({ updates, release: () => inner.storeUpdate(name, ...updates).then(resolve, reject) });
      });
    },
  };
  return { storage, calls };
}

function listener(principal = 'facilitator') {
  const received: Uint8Array[] = [];
  const conn = { send: (m: Uint8Array): void => void received.push(m), close() {}, lastAwarenessAnswer: 0, showsPresence: true, principal, joinedAt: 0, introduced: new Set<number>(), held: new Set<number>() } satisfies RoomConn;
  return { conn, received };
}

/** The update inside a broadcast sync message. */
function updateOf(message: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(message);
  expect(decoding.readVarUint(decoder)).toBe(MESSAGE_SYNC);
  expect(decoding.readVarUint(decoder)).toBe(syncProtocol.messageYjsUpdate);
  return decoding.readVarUint8Array(decoder);
}

/** the event loop's load, as the batcher sees it: injected, so no test depends on this machine's */
const idleLoop: LoopLoad = { busy: () => false };
const busyLoop: LoopLoad = { busy: () => true };

/** A room over the gated real storage, with one listening socket. */
async function gatedRoom(tickMs: number, load: LoopLoad = idleLoop) {
  dir = await mkdtemp(path.join(tmpdir(), 'rooms-test-'));
  storage = await openStorage(dir);
  const gate = gated(storage);
  const rooms = new Rooms(gate.storage, tickMs, silent);
  rooms.loopLoad = load;
  const room = await rooms.acquire('m', docName);
  const { conn, received } = listener();
  room.conns.add(conn);
  return { gate, rooms, room, conn, received };
}

const turn = () => new Promise<void>((r) => setImmediate(r));
/** Turns of the event loop until `ready` (bounded by count, not by time). */
async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !ready(); i++) await turn();
  expect(ready()).toBe(true);
}

describe('the hot path: store, then broadcast', () => {
  it('an idle room stores an update at once (no tick), and sends it only once it is stored', async () => {
    // a tick of an hour: anything that waited for it would never arrive in this test
    const { gate, rooms, room, received } = await gatedRoom(3_600_000);
    room.applyUntrusted(updateSetting('a', '1'), null);
    await turn();
    expect(gate.calls).toHaveLength(1);
    // durable before anyone sees it
    expect(received).toHaveLength(0);
    gate.calls[0].release();
    await room.whenStored();
    expect(received).toHaveLength(1);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, updateOf(received[0]));
    expect(seen.getMap('clusters').get('a')).toBe('1');
    rooms.release(room);
    await rooms.flushAll();
  });

  it('while the event loop has headroom every edit goes at once, however many arrived lately: no tick', async () => {
    // a tick of an hour: an edit that waited for it would never be stored in this test
    const { gate, rooms, room, received } = await gatedRoom(3_600_000, idleLoop);
    // a high update rate alone is no reason to hold updates back
    for (let i = 0; i < 50; i++) room.applyUntrusted(updateSetting(`warm${i}`, '1'), null);
    await turn();
    await gate.calls[0].release();
    await until(() => received.length === 1);
    room.applyUntrusted(updateSetting('b', '2'), null);
    await until(() => gate.calls.length === 2);
    await gate.calls[1].release();
    await until(() => received.length === 2);
    rooms.release(room);
    await rooms.flushAll();
  });

  it('when the event loop is busy, the next batch waits for the tick after the last one, unless someone waits for it', async () => {
    const { gate, rooms, room, received } = await gatedRoom(3_600_000, busyLoop);
    // the first batch of a room goes at once: no batch started less than a tick ago
    room.applyUntrusted(updateSetting('a', '1'), null);
    await turn();
    await gate.calls[0].release();
    await until(() => received.length === 1);
    room.applyUntrusted(updateSetting('b', '2'), null);
    room.applyUntrusted(updateSetting('c', '3'), null);
    for (let i = 0; i < 50; i++) await turn();
    expect(gate.calls).toHaveLength(1);
    // a sync answer or an unload waits for them: they go now, together
    const stored = room.whenStored();
    expect(gate.calls).toHaveLength(2);
    expect(gate.calls[1].updates).toHaveLength(1);
    void gate.calls[1].release();
    await stored;
    expect(received).toHaveLength(2);
    const second = new Y.Doc();
    Y.applyUpdate(second, updateOf(received[1]));
    expect([...second.getMap('clusters').keys()].sort()).toEqual(['b', 'c']);
    rooms.release(room);
    await rooms.flushAll();
  });

  it('updates that arrive while a store is in flight go to disk together, as one write, then out as one message', async () => {
    // no tick: only the store in flight holds them back
    const { gate, rooms, room, received } = await gatedRoom(0);
    room.applyUntrusted(updateSetting('first', '1'), null);
    await turn();
    expect(gate.calls).toHaveLength(1);
    for (let i = 0; i < 20; i++) room.applyUntrusted(updateSetting(`k${i}`, String(i)), null);
    await turn();
    // nothing new reaches the disk while the first write is in flight
    expect(gate.calls).toHaveLength(1);
    await gate.calls[0].release();
    await until(() => gate.calls.length === 2);
    expect(gate.calls[1].updates).toHaveLength(1);
    expect(received).toHaveLength(1);
    const allStored = room.whenStored();
    void gate.calls[1].release();
    await allStored;
    expect(received).toHaveLength(2);
    const seen = new Y.Doc();
    for (const m of received) Y.applyUpdate(seen, updateOf(m));
    expect([...seen.getMap('clusters').keys()].sort()).toEqual(['first', ...Array.from({ length: 20 }, (_, i) => `k${i}`)].sort());
    rooms.release(room);
    await rooms.flushAll();
    // everything is on disk, each batch under its own clock
    const reloaded = await storage!.loadDoc('m');
    expect(reloaded.getMap('clusters').size).toBe(21);
  });

  it('a crash after the store and before the broadcast loses nothing: what is on disk is all anyone saw, and more', async () => {
    const { gate, rooms, room, conn, received } = await gatedRoom(0);
    // every broadcast must find its update on disk already, read back through a fresh load
    const checks: Promise<void>[] = [];
    conn.send = (m: Uint8Array) => {
      received.push(m);
      const update = updateOf(m);
      checks.push(
        storage!.loadDoc('m').then((onDisk) => {
          const seen = new Y.Doc();
          Y.applyUpdate(seen, update);
          for (const [k, v] of seen.getMap('clusters')) expect(onDisk.getMap('clusters').get(k)).toBe(v);
        }),
      );
    };
    room.applyUntrusted(updateSetting('seen', 'yes'), null);
    await turn();
    void gate.calls[0].release();
    await room.whenStored();
    room.applyUntrusted(updateSetting('stored, never sent', 'yes'), null);
    await turn();
    // the process dies here: the store finishes, the broadcast never happens
    const stored = new Promise<void>((resolve) => {
      const call = gate.calls[1];
      void storage!.storeUpdate('m', ...call.updates).then(resolve);
    });
    await stored;
    await Promise.all(checks);
    expect(received).toHaveLength(1);
    room.conns.delete(conn);
    rooms.destroyAll();
    await storage!.close();
    storage = await openStorage(dir);
    const restarted = await storage.loadDoc('m');
    expect(restarted.getMap('clusters').get('seen')).toBe('yes');
    expect(restarted.getMap('clusters').get('stored, never sent')).toBe('yes');
  });
});

describe('storage', () => {
  it('stores several updates in one write under consecutive clocks, and keeps them across compaction and reopening', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'rooms-test-'));
    storage = await openStorage(dir);
    await storage.storeUpdate('d', updateSetting('a', '1'), updateSetting('b', '2'));
    expect(await storage.docNames()).toEqual(['d']);
    await storage.compact('d');
    // after a compaction the next write must not land on the snapshot's clock
    await storage.storeUpdate('d', updateSetting('c', '3'));
    await storage.close();
    storage = await openStorage(dir);
    const doc = await storage.loadDoc('d');
    expect(Object.fromEntries(doc.getMap('clusters').entries())).toEqual({ a: '1', b: '2', c: '3' });
    await storage.clearDoc('d');
    await storage.storeUpdate('d', updateSetting('after', 'clear'));
    expect(Object.fromEntries((await storage.loadDoc('d')).getMap('clusters').entries())).toEqual({ after: 'clear' });
  });
});
