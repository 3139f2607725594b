// A phone's private doc stays loaded for a grace period after its last socket closed, so a
// reconnect needs no store read; the grace is counted with fake timers, the store is the real one.
// With several instances (PostgreSQL) the warm doc leaves with its meeting's lock:
// tests/relay/warmPrivateDoc.test.ts in the postgres project.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openLevelStore } from '../store/level';
import type { DocStore } from './docStore';
import { Rooms } from './rooms';

const silent = { info() {}, debug() {}, error() {} };
const meetingId = 'm'.repeat(21);
const privateDoc = { kind: 'private', meetingId, participantId: 'p'.repeat(21) } as const;
const privateName = `${meetingId}/p/${'p'.repeat(21)}`;
const meetingDoc = { kind: 'meeting', meetingId } as const;
const GRACE_MS = 30_000;

let dir = '';
let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  vi.useRealTimers();
  await close?.();
  close = null;
  await rm(dir, { recursive: true, force: true });
});

/** The real LevelDB documents store, counting loads. */
async function countingStore() {
  dir = await mkdtemp(path.join(tmpdir(), 'warm-rooms-'));
  const store = await openLevelStore(dir);
  close = () => store.close();
  const loads: string[] = [];
  const docs: DocStore = {
    ...store.docs,
    loadDoc(name) {
      loads.push(name);
      return store.docs.loadDoc(name);
    },
  };
  return { docs, loads };
}

/** Lets the store's native work and the unload's awaits run (no timer involved). */
async function settle(rooms: Rooms): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await rooms.flushAll();
    await new Promise<void>((r) => setImmediate(r));
  }
}

async function write(rooms: Rooms, key: string, value: string): Promise<void> {
  const room = await rooms.acquire(privateName, privateDoc);
  const d = new Y.Doc();
  d.getMap('outbox').set(key, value);
  expect(room.applyUntrusted(Y.encodeStateAsUpdate(d), null)).toEqual({ ok: true });
  await room.whenStored();
  rooms.release(room);
  await settle(rooms);
}

describe('a private doc kept warm after its last socket closed', () => {
  it('is taken again within the grace without a store read, and unloaded once the grace is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { docs, loads } = await countingStore();
    const rooms = new Rooms(docs, 5, silent, null, GRACE_MS);
    await write(rooms, 'n1', 'Vårdövergångar');
    expect(loads).toEqual([privateName]);
    expect(rooms.namesLoaded()).toEqual([privateName]);
    expect(rooms.stats().warmDocs).toBe(1);

    // a reconnect just before the grace ends: the same doc, no store read, and the grace starts over
    vi.advanceTimersByTime(GRACE_MS - 1);
    const again = await rooms.acquire(privateName, privateDoc);
    expect(again.doc.getMap('outbox').get('n1')).toBe('Vårdövergångar');
    expect(loads).toEqual([privateName]);
    expect(rooms.stats().warmDocs).toBe(0);
    rooms.release(again);
    await settle(rooms);
    expect(rooms.stats().warmDocs).toBe(1);

    vi.advanceTimersByTime(GRACE_MS - 1);
    expect(rooms.namesLoaded()).toEqual([privateName]);
    vi.advanceTimersByTime(1);
    expect(rooms.namesLoaded()).toEqual([]);
    expect(rooms.stats().warmDocs).toBe(0);

    // after the grace: loaded from the store, with what it held
    const fresh = await rooms.acquire(privateName, privateDoc);
    expect(fresh).not.toBe(again);
    expect(fresh.doc.getMap('outbox').get('n1')).toBe('Vårdövergångar');
    expect(loads).toEqual([privateName, privateName]);
    rooms.release(fresh);
    await settle(rooms);
    rooms.destroyAll();
  });

  it('only private docs: a meeting doc leaves memory as soon as nothing holds it', async () => {
    const { docs } = await countingStore();
    const rooms = new Rooms(docs, 5, silent, null, GRACE_MS);
    const room = await rooms.acquire(meetingId, meetingDoc);
    rooms.release(room);
    await settle(rooms);
    expect(rooms.namesLoaded()).toEqual([]);
  });
});
