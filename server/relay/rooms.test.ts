import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { openStorage, type Storage } from './storage';
import { Rooms, type RoomConn } from './rooms';

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
    const conn = { send() {}, close: (code: number) => closes.push(code), lastAwarenessAnswer: 0, principal: 'facilitator', joinedAt: 0, introduced: new Set<number>(), held: new Set<number>() } satisfies RoomConn;
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
