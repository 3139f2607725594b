// A meeting's life after the workshop: close (read-only for everyone, the facilitator included)
// and reopen, delete (docs, keys, join code, sockets), retention of untouched meetings,
// replacing a leaked facilitator key, and a consistent backup while the server runs.
import type * as Y from 'yjs';
import { CloseCode, controlDocName } from '../common/docNames';
import type { MeetingRegistry } from './meetings';
import type { MeetingSockets } from './meetingSockets';
import { SERVER_ORIGIN, type Rooms } from './relay/rooms';
import { NotOwnerError } from './relay/docStore';
import type { Store } from './store/types';
import type { MeetingGate } from './relay/meetingGate';
import { idPrefix, type Logger } from './log';
import { SeriesIndex } from './series';
import { ControlRoots } from '../common/schema';

/** Control-doc root the relay writes so every screen knows the meeting is closed. */
/** a meeting's last use is written at most this often */
const TOUCH_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LifecycleDeps {
  store: Store;
  registry: MeetingRegistry;
  rooms: Rooms;
  sockets: MeetingSockets;
  /** the meetings this instance serves (delete holds its meeting while it clears the documents) */
  gate: MeetingGate;
  log: Logger;
  /** resolves when the relay's queued actions and store writes are done */
  settle(): Promise<void>;
}

export class Lifecycle {
  private readonly closed = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly lastTouch = new Map<string, number>();
  private sweeper: NodeJS.Timeout | null = null;

  /** which meetings form a forum's series (written by "Planera nästa möte") */
  readonly series: SeriesIndex;

  constructor(private readonly deps: LifecycleDeps) {
    this.series = new SeriesIndex(deps.store.registry);
  }

  async init(): Promise<void> {
    for (const id of await this.deps.store.registry.closedMeetings()) this.closed.add(id);
  }

  /** Reads the meeting's closed flag again (another instance may have closed or reopened it). */
  /**
   * Reads a meeting's control doc without serving the meeting: the room if it is loaded here, else
   * (several instances) what the store holds, which is everything acknowledged, since the relay
   * stores before it sends. Taking the meeting for a read would refuse it (503) where another
   * instance serves it, and hold it here for a while where none does, refusing its own phones
   * elsewhere (1013). With one process, the room is loaded as before.
   */
  async readControl<T>(meetingId: string, read: (doc: Y.Doc) => T): Promise<T> {
    const name = controlDocName(meetingId);
    const loaded = this.deps.rooms.peek(name);
    if (loaded) return read(loaded.doc);
    if (!this.deps.gate.shared) return this.deps.rooms.withDoc({ kind: 'control', meetingId }, read);
    const stored = await this.deps.store.docs.loadDoc(name);
    try {
      return read(stored);
    } finally {
      stored.destroy();
    }
  }

  async refresh(meetingId: string): Promise<void> {
    if (await this.deps.store.registry.isClosed(meetingId)) this.closed.add(meetingId);
    else this.closed.delete(meetingId);
  }

  isClosed(meetingId: string): boolean {
    return this.closed.has(meetingId) || this.deleted.has(meetingId);
  }

  /** Notes that the meeting is in use (for retention). */
  async touch(meetingId: string, now = Date.now()): Promise<void> {
    if (now - (this.lastTouch.get(meetingId) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouch.set(meetingId, now);
    await this.deps.store.registry.touch(meetingId, now).catch(() => {});
  }

  private async writeClosedFlag(meetingId: string, closed: boolean): Promise<void> {
    await this.deps.rooms.withDoc({ kind: 'control', meetingId }, (doc) => {
      doc.transact(() => {
        const map = doc.getMap<unknown>(ControlRoots.lifecycle);
        map.set('closed', closed);
        map.set('changedAt', Date.now());
      }, SERVER_ORIGIN);
    });
  }

  /** Read-only for everyone until reopened; the relay itself writes the flag. */
  async close(meetingId: string): Promise<void> {
    await this.deps.settle();
    this.closed.add(meetingId);
    await this.deps.store.registry.setClosed(meetingId, true);
    await this.writeClosedFlag(meetingId, true);
    this.deps.log.info('meeting closed', { meeting: idPrefix(meetingId) });
  }

  async reopen(meetingId: string): Promise<void> {
    this.closed.delete(meetingId);
    await this.deps.store.registry.setClosed(meetingId, false);
    await this.writeClosedFlag(meetingId, false);
    // writes refused while closed left gaps in clients' update chains: reconnecting resyncs them
    this.deps.sockets.close(meetingId, () => true, 1012, 'meeting reopened');
    this.deps.log.info('meeting reopened', { meeting: idPrefix(meetingId) });
  }

  /** A new facilitator key; sockets opened with the old one close at once. */
  replaceFacilitatorKey(meetingId: string): Promise<string | null> {
    return this.replaceKey(meetingId, 'facilitator');
  }

  /** A new board key; boards opened with the old one close at once. */
  replaceBoardKey(meetingId: string): Promise<string | null> {
    return this.replaceKey(meetingId, 'board');
  }

  /**
   * Keys change only on the instance that serves the meeting (it holds the meeting while it
   * writes them): its cached keys are then the registry's, and the sockets the old key opened are
   * all here to close. Another instance checks keys against the registry as it is now.
   */
  private async replaceKey(meetingId: string, kind: 'facilitator' | 'board'): Promise<string | null> {
    const { registry, gate, sockets } = this.deps;
    const lease = await gate.hold(meetingId);
    try {
      const key = kind === 'facilitator' ? await registry.replaceFacilitatorKey(meetingId) : await registry.replaceBoardKey(meetingId);
      if (key) sockets.close(meetingId, (role) => role.kind === kind, CloseCode.revoked, `${kind} key replaced`);
      return key;
    } finally {
      gate.drop(lease);
    }
  }

  /** Every document, key, join code and socket of the meeting, gone. */
  async deleteMeeting(meetingId: string): Promise<boolean> {
    const { registry, store, rooms, gate, settle, log } = this.deps;
    // the meeting's documents are written (cleared) only by the instance that serves it
    const lease = await gate.hold(meetingId);
    // refuse writes and new sockets first, so nothing lands after the documents are cleared
    this.deleted.add(meetingId);
    try {
      if (!(await registry.deleteMeeting(meetingId))) return false;
      this.deps.sockets.close(meetingId, () => true, CloseCode.revoked, 'meeting deleted');
      await settle();
      // wait until every room of this meeting has left memory (its last writes stored); private
      // docs kept warm for reconnecting phones leave at once
      rooms.coolMeeting(meetingId);
      for (let i = 0; i < 100 && rooms.namesLoaded().some((n) => n === meetingId || n.startsWith(`${meetingId}/`)); i++) {
        await new Promise((r) => setTimeout(r, 20));
        await rooms.flushAll();
        rooms.coolMeeting(meetingId);
      }
      const docs = await store.docs.deleteMeetingDocs(meetingId);
      await store.purgeDeleted();
      this.closed.delete(meetingId);
      this.lastTouch.delete(meetingId);
      log.info('meeting deleted', { meeting: idPrefix(meetingId), docs });
      return true;
    } finally {
      gate.drop(lease);
      // a meeting id is never reused, but the set must not grow forever
      setTimeout(() => this.deleted.delete(meetingId), 60_000).unref();
    }
  }

  /** Deletes meetings untouched for `days` days. Returns how many. */
  async sweep(days: number, now = Date.now()): Promise<number> {
    const limit = now - days * DAY_MS;
    const stale: string[] = [];
    for await (const { id, createdAt } of this.deps.registry.meetings()) {
      if (this.deps.sockets.has(id)) continue;
      const touched = await this.deps.store.registry.touchedAt(id).catch(() => null);
      const last = Math.max(createdAt, touched ?? 0, this.lastTouch.get(id) ?? 0);
      if (last < limit) stale.push(id);
    }
    let deleted = 0;
    for (const id of stale) {
      // a meeting another instance serves is in use: it is not stale
      if (await this.deleteMeeting(id).catch((err) => (err instanceof NotOwnerError ? false : Promise.reject(err)))) deleted++;
    }
    if (deleted) this.deps.log.info('retention deleted meetings', { count: deleted, days });
    return deleted;
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

  /** A consistent copy of DATA_DIR into `dir` while meetings go on (LevelDB; see README). */
  async backup(dir: string): Promise<{ docs: number; registry: number }> {
    const counts = await this.deps.store.backup(dir);
    this.deps.log.info('backup written', counts);
    return counts;
  }
}
