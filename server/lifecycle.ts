// A meeting's life after the workshop: close (read-only for everyone, the facilitator included)
// and reopen, delete (docs, keys, join code, sockets), retention of untouched meetings,
// replacing a leaked facilitator key, and a consistent backup while the server runs.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Level } from 'level';
import type { WebSocket } from 'ws';
import { CloseCode, controlDocName } from '../common/docNames';
import { SummaryRoots } from '../common/summary';
import type { MeetingRegistry, Role } from './meetings';
import { SERVER_ORIGIN, type Rooms } from './relay/rooms';
import type { Storage } from './relay/storage';
import { idPrefix, type Logger } from './log';
import { SeriesIndex } from './series';

/** Control-doc root the relay writes so every screen knows the meeting is closed. */
export const LIFECYCLE_ROOT = SummaryRoots.lifecycle;
const closedKey = (id: string) => `closed:${id}`;
const touchedKey = (id: string) => `touched:${id}`;
/** a meeting's last use is written at most this often */
const TOUCH_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Tracked {
  ws: WebSocket;
  role: Role['kind'];
}

export interface LifecycleDeps {
  storage: Storage;
  registry: MeetingRegistry;
  rooms: Rooms;
  log: Logger;
  /** resolves when the relay's queued actions and store writes are done */
  settle(): Promise<void>;
}

type Compactable = {
  compactRange?(start: unknown, end: unknown, options?: object): Promise<void>;
  put(key: unknown, value: unknown, options?: object): Promise<void>;
  del(key: unknown, options?: object): Promise<void>;
};
/**
 * Makes LevelDB rewrite its files without deleted entries. A manual compaction leaves level 0
 * alone while no deeper level has files, so a few flushed sentinel writes push level 0 down first.
 */
async function purgeDeleted(db: unknown, binary: boolean): Promise<void> {
  const store = db as Compactable;
  if (!store.compactRange) return;
  const options = binary ? { keyEncoding: 'view', valueEncoding: 'view' } : {};
  const start = binary ? new Uint8Array([0]) : '';
  const end = binary ? new Uint8Array(64).fill(255) : '\uffff';
  const sentinel = binary ? new Uint8Array([255, 255, 254]) : '\uffffcompaction';
  for (let i = 0; i < 5; i++) {
    await store.put(sentinel, binary ? new Uint8Array([i]) : i, options);
    await store.compactRange(start, end, options);
  }
  await store.del(sentinel, options);
  await store.compactRange(start, end, options);
}

export class Lifecycle {
  private readonly closed = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly sockets = new Map<string, Set<Tracked>>();
  private readonly lastTouch = new Map<string, number>();
  private sweeper: NodeJS.Timeout | null = null;

  /** which meetings form a forum's series (written by "Planera nästa möte") */
  readonly series: SeriesIndex;

  constructor(private readonly deps: LifecycleDeps) {
    this.series = new SeriesIndex(deps.storage.registry);
  }

  async init(): Promise<void> {
    for await (const key of this.deps.storage.registry.keys({ gte: 'closed:', lt: 'closed:\xff' })) {
      this.closed.add(key.slice('closed:'.length));
    }
  }

  isClosed(meetingId: string): boolean {
    return this.closed.has(meetingId) || this.deleted.has(meetingId);
  }

  /** Remembers an open socket so delete and key replacement can close it; returns the untrack. */
  track(meetingId: string, role: Role['kind'], ws: WebSocket): () => void {
    let set = this.sockets.get(meetingId);
    if (!set) this.sockets.set(meetingId, (set = new Set()));
    const entry = { ws, role };
    set.add(entry);
    void this.touch(meetingId);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.sockets.get(meetingId) === set) this.sockets.delete(meetingId);
    };
  }

  /** Notes that the meeting is in use (for retention). */
  async touch(meetingId: string, now = Date.now()): Promise<void> {
    if (now - (this.lastTouch.get(meetingId) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouch.set(meetingId, now);
    await this.deps.storage.registry.put(touchedKey(meetingId), now).catch(() => {});
  }

  private closeSockets(meetingId: string, which: (role: Role['kind']) => boolean, code: number, reason: string): void {
    for (const { ws, role } of this.sockets.get(meetingId) ?? []) {
      if (which(role)) ws.close(code, reason);
    }
  }

  private async writeClosedFlag(meetingId: string, closed: boolean): Promise<void> {
    await this.deps.rooms.withRoom(controlDocName(meetingId), { kind: 'control', meetingId }, (room) => {
      room.doc.transact(() => {
        const map = room.doc.getMap<unknown>(LIFECYCLE_ROOT);
        map.set('closed', closed);
        map.set('changedAt', Date.now());
      }, SERVER_ORIGIN);
    });
  }

  /** Read-only for everyone until reopened; the relay itself writes the flag. */
  async close(meetingId: string): Promise<void> {
    await this.deps.settle();
    this.closed.add(meetingId);
    await this.deps.storage.registry.put(closedKey(meetingId), true);
    await this.writeClosedFlag(meetingId, true);
    this.deps.log.info('meeting closed', { meeting: idPrefix(meetingId) });
  }

  async reopen(meetingId: string): Promise<void> {
    this.closed.delete(meetingId);
    await this.deps.storage.registry.del(closedKey(meetingId));
    await this.writeClosedFlag(meetingId, false);
    // writes refused while closed left gaps in clients' update chains: reconnecting resyncs them
    this.closeSockets(meetingId, () => true, 1012, 'meeting reopened');
    this.deps.log.info('meeting reopened', { meeting: idPrefix(meetingId) });
  }

  /** A new facilitator key; sockets opened with the old one close at once. */
  async replaceFacilitatorKey(meetingId: string): Promise<string | null> {
    const key = await this.deps.registry.replaceFacilitatorKey(meetingId);
    if (key) this.closeSockets(meetingId, (role) => role === 'facilitator', CloseCode.revoked, 'key replaced');
    return key;
  }

  /** Every document, key, join code and socket of the meeting, gone. */
  async deleteMeeting(meetingId: string): Promise<boolean> {
    const { registry, storage, rooms, settle, log } = this.deps;
    // refuse writes and new sockets first, so nothing lands after the documents are cleared
    this.deleted.add(meetingId);
    try {
      if (!(await registry.deleteMeeting(meetingId))) return false;
      this.closeSockets(meetingId, () => true, CloseCode.revoked, 'meeting deleted');
      await settle();
      // wait until every room of this meeting has left memory (its last writes stored)
      for (let i = 0; i < 100 && rooms.namesLoaded().some((n) => n === meetingId || n.startsWith(`${meetingId}/`)); i++) {
        await new Promise((r) => setTimeout(r, 20));
        await rooms.flushAll();
      }
      const names = (await storage.docNames()).filter((n) => n === meetingId || n.startsWith(`${meetingId}/`));
      for (const name of names) await storage.clearDoc(name);
      // only keys that exist: a deletion marker would itself keep the id on disk
      for (const key of [closedKey(meetingId), touchedKey(meetingId), ...(await this.series.keysOf(meetingId))]) {
        if ((await storage.registry.get(key).catch(() => undefined)) !== undefined) await storage.registry.del(key);
      }
      // deletes are tombstones until LevelDB compacts: compact now so the text leaves the disk
      await purgeDeleted(storage.registry, false);
      await purgeDeleted(await storage.docsDb(), true);
      this.closed.delete(meetingId);
      this.lastTouch.delete(meetingId);
      log.info('meeting deleted', { meeting: idPrefix(meetingId), docs: names.length });
      return true;
    } finally {
      // a meeting id is never reused, but the set must not grow forever
      setTimeout(() => this.deleted.delete(meetingId), 60_000).unref();
    }
  }

  /** Deletes meetings untouched for `days` days. Returns how many. */
  async sweep(days: number, now = Date.now()): Promise<number> {
    const limit = now - days * DAY_MS;
    const stale: string[] = [];
    for await (const { id, createdAt } of this.deps.registry.meetings()) {
      if (this.sockets.has(id)) continue;
      const touched = await this.deps.storage.registry.get(touchedKey(id)).catch(() => undefined);
      const last = Math.max(createdAt, typeof touched === 'number' ? touched : 0, this.lastTouch.get(id) ?? 0);
      if (last < limit) stale.push(id);
    }
    for (const id of stale) await this.deleteMeeting(id);
    if (stale.length) this.deps.log.info('retention deleted meetings', { count: stale.length, days });
    return stale.length;
  }

  /** Runs the retention sweep now and every hour; off when days is 0. */
  startRetention(days: number): void {
    if (!(days > 0)) return;
    const run = () => void this.sweep(days).catch((err) => this.deps.log.error('retention sweep failed', { err: String(err) }));
    run();
    this.sweeper = setInterval(run, 60 * 60 * 1000);
    this.sweeper.unref();
  }

  stop(): void {
    if (this.sweeper) clearInterval(this.sweeper);
  }

  /**
   * Copies both databases into fresh LevelDBs under `dir` (which must not exist), each read
   * through one snapshot iterator, so the copy is consistent while meetings go on. The result
   * is a DATA_DIR: restoring is pointing DATA_DIR at it (see README).
   */
  async backup(dir: string): Promise<{ docs: number; registry: number }> {
    const target = path.resolve(dir);
    if (await stat(target).catch(() => null)) throw new Error('the backup directory already exists');
    await mkdir(path.join(target, 'docs'), { recursive: true });
    await mkdir(path.join(target, 'registry'), { recursive: true });
    const copy = async (from: Level<any, any>, to: string) => {
      const out = new Level<Uint8Array, Uint8Array>(to, { keyEncoding: 'view', valueEncoding: 'view' });
      await out.open();
      let n = 0;
      let batch = out.batch();
      // the registry first: a meeting created meanwhile has at worst docs without a registry entry
      for await (const [key, value] of from.iterator({ keyEncoding: 'view', valueEncoding: 'view' })) {
        batch.put(key, value);
        if (++n % 1000 === 0) {
          await batch.write();
          batch = out.batch();
        }
      }
      await batch.write();
      await out.close();
      return n;
    };
    const registry = await copy(this.deps.storage.registry, path.join(target, 'registry'));
    const docs = await copy(await this.deps.storage.docsDb(), path.join(target, 'docs'));
    this.deps.log.info('backup written', { docs, registry });
    return { docs, registry };
  }
}
