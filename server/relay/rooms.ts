// Docs in memory: get-or-load, hand updates to the room's batcher (batcher.ts: stored, then sent
// to every socket as one buffer), drop a doc when nothing holds it any more, after its writes finished.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as encoding from 'lib0/encoding';
import { formatDocName, type DocName } from '../../common/docNames';
import { NotOwnerError, type DocStore } from './docStore';
import type { Lease, MeetingGate } from './meetingGate';
import type { Logger } from '../log';
import { checkUpdate } from './validateUpdate';
import { Presence, type PresenceConn } from './presence';
import { binaryFrame } from './frame';
import { UpdateBatcher, newBatchTimes, type BatchTimes } from './batcher';
import { loopLoad, type LoopLoad } from './loopLoad';

export type { BatchTimes } from './batcher';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Origin of every write the relay makes itself (participants, counts, inbox, reveal). */
export const SERVER_ORIGIN = Symbol('relay');

const COMPACT_EVERY = 1000;

/** Bytes Yjs holds for updates whose dependencies have not arrived (it keeps them forever). */
export function pendingBytesOf(doc: Y.Doc): number {
  const store = doc.store;
  return (store.pendingStructs?.update.byteLength ?? 0) + (store.pendingDs?.byteLength ?? 0);
}

/** A presence answer (the whole awareness) goes to one socket at most this often. */
export const AWARENESS_ANSWER_INTERVAL_MS = 1000;

export interface RoomConn extends PresenceConn {
  /** `framed`, when given, is `message` as a whole websocket frame, built once for the room */
  send(message: Uint8Array, framed?: Buffer): void;
  close(code: number, reason: string): void;
  /** when this socket last got the whole awareness (for rate-limiting query answers) */
  lastAwarenessAnswer: number;
  /**
   * Does this socket's client show others' presence? Those that do not get none: at 300 phones
   * that is 300 × 300 renewals every 15 s they would only store and echo.
   */
  readonly showsPresence: boolean;
}

/** Bytes handed to the meeting's sockets and not yet written out, shared by all of its docs. */
export interface OutputBudget {
  bytes: number;
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  readonly conns = new Set<RoomConn>();
  /** who may set which awareness state */
  readonly presence: Presence;
  /** the meeting's unsent output, shared with its other docs */
  output: OutputBudget = { bytes: 0 };
  /** sockets that asked for the whole awareness; answered once per tick, at most once a second each */
  private awarenessAsked = new Set<RoomConn>();
  private answerTimer: NodeJS.Timeout | null = null;
  refs = 0;
  storedSinceLoad = 0;
  /** encoded size of the doc at load plus every update since: an upper bound of what it holds */
  bytes = 0;
  /** stores this doc's updates, then sends them to its sockets */
  private readonly batcher: UpdateBatcher;
  private pendingAwareness = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  /** updates Yjs emitted while an untrusted update was being applied; kept only if it did not throw */
  private applying: Uint8Array[] | null = null;
  /** set once Yjs threw inside this doc: it is no longer trusted and is being reloaded */
  damaged = false;
  /** called when the doc must be dropped and reloaded from storage */
  onDamaged: (() => void) | null = null;
  /** the meeting's hold on this instance, while the room is in memory */
  lease: Lease | null = null;

  constructor(
    readonly name: string,
    readonly docName: DocName,
    readonly doc: Y.Doc,
    storage: DocStore,
    private readonly tickMs: number,
    private readonly log: Logger,
    times: BatchTimes = newBatchTimes(),
    load: LoopLoad = loopLoad,
  ) {
    this.batcher = new UpdateBatcher(
      {
        store: (update) => storage.storeUpdate(name, update),
        send: (message) => this.broadcast(message),
        sent: () => {
          this.storedSinceLoad++;
          // a meeting open for hours would otherwise grow a long update log that every load replays
          if (this.storedSinceLoad % COMPACT_EVERY === 0) return storage.compact(name).catch(() => {});
        },
        storeFailed: (err) => {
          // another instance serves the meeting now: what was not stored was never sent, and is not
          if (err instanceof NotOwnerError) return false;
          // a full or broken disk must not freeze a meeting in progress: keep relaying, loudly
          this.log.error('storing an update failed', { doc: this.docName.kind, err: String(err) });
          return true;
        },
      },
      tickMs,
      times,
      load,
    );
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    this.presence = new Presence(this.awareness);
    this.bytes = Y.encodeStateAsUpdate(doc).byteLength;
    doc.on('update', (update: Uint8Array) => {
      if (this.applying) {
        this.applying.push(update);
        return;
      }
      this.queueUpdate(update);
    });
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        for (const id of added) this.pendingAwareness.add(id);
        for (const id of updated) this.pendingAwareness.add(id);
        for (const id of removed) this.pendingAwareness.add(id);
        this.schedule();
      },
    );
  }

  /**
   * Applies an update from a socket: checked by decoding first (linear in the update, no copy of
   * the doc); if Yjs still throws, what it emitted is discarded and the room is reloaded from storage.
   */
  applyUntrusted(update: Uint8Array, origin: unknown): { ok: true } | { ok: false; why: string } {
    if (this.damaged) return { ok: false, why: 'document is reloading' };
    const check = checkUpdate(update);
    if (!check.ok) return check;
    const emitted: Uint8Array[] = [];
    this.applying = emitted;
    try {
      Y.applyUpdate(this.doc, update, origin);
    } catch (err) {
      this.applying = null;
      this.damaged = true;
      this.log.error('an update made Yjs throw; reloading the document from storage', {
        doc: this.docName.kind,
        err: String(err),
      });
      this.onDamaged?.();
      return { ok: false, why: 'update threw' };
    }
    this.applying = null;
    for (const u of emitted) this.queueUpdate(u);
    return { ok: true };
  }

  /** Queues the whole awareness for `conn`: a flood of queries costs one answer per second. */
  askAwareness(conn: RoomConn): void {
    this.awarenessAsked.add(conn);
    this.schedule();
  }

  private answerAwareness(): void {
    const now = Date.now();
    let message: Uint8Array | null = null;
    let wait = Infinity;
    for (const conn of this.awarenessAsked) {
      if (!this.conns.has(conn)) {
        this.awarenessAsked.delete(conn);
        continue;
      }
      const due = conn.lastAwarenessAnswer + AWARENESS_ANSWER_INTERVAL_MS - now;
      if (due > 0) {
        wait = Math.min(wait, due);
        continue;
      }
      this.awarenessAsked.delete(conn);
      if (!conn.showsPresence) continue;
      conn.lastAwarenessAnswer = now;
      const ids = [...this.awareness.getStates().keys()];
      if (ids.length === 0) continue;
      // encoded once per tick, the same buffer for every socket that asked
      message ??= encodeAwareness(this.awareness, ids);
      conn.send(message);
    }
    if (wait !== Infinity && !this.answerTimer) {
      this.answerTimer = setTimeout(() => {
        this.answerTimer = null;
        this.answerAwareness();
      }, wait);
    }
  }

  /** Presence and awareness answers wait for the room's tick: coalesced, never urgent. */
  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => this.flush(), this.tickMs);
  }

  private queueUpdate(update: Uint8Array): void {
    this.bytes += update.byteLength;
    this.batcher.push(update);
  }

  /** Sends the presence changes of this tick and answers awareness queries. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.pendingAwareness.size > 0) {
      const ids = [...this.pendingAwareness].filter((id) => this.awareness.meta.has(id));
      this.pendingAwareness.clear();
      if (ids.length > 0) {
        // encoded once, for the sockets that show presence only
        const message = encodeAwareness(this.awareness, ids);
        for (const conn of this.conns) if (conn.showsPresence) conn.send(message);
      }
      // the removal is out: forget the clock of an id nobody owns any more, or every socket that
      // ever connected would leave an entry behind for as long as the room lives
      for (const id of ids) if (this.presence.forgettable(id)) this.awareness.meta.delete(id);
    }
    if (this.awarenessAsked.size > 0) this.answerAwareness();
  }

  /** Resolves once every update received so far is stored (and broadcast). */
  whenStored(): Promise<void> {
    return this.batcher.whenStored();
  }

  private broadcast(message: Uint8Array): void {
    if (this.conns.size === 0) return;
    const framed = binaryFrame(message);
    for (const conn of this.conns) conn.send(message, framed);
  }

  /**
   * The meeting moved to another instance: drop what is not stored (it was never sent; clients
   * send it again when they reconnect), close the sockets so they reconnect, and store nothing more.
   */
  fence(code: number, reason: string): void {
    this.batcher.fence();
    for (const conn of [...this.conns]) conn.close(code, reason);
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
    this.batcher.destroy();
    if (this.answerTimer) clearTimeout(this.answerTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** An awareness message carrying the states (or removals) of `ids`. */
export function encodeAwareness(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, ids));
  return encoding.toUint8Array(encoder);
}


export interface RoomHooks {
  /** called once a doc is loaded, before anyone uses it */
  onLoad?(room: Room): void;
  /** called after a room was dropped from memory */
  onUnload?(room: Room): void;
}

export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Set<Promise<void>>();
  /**
   * Private docs nothing holds any more, kept loaded for `graceMs` so a phone that reconnects gets
   * its doc without a store read. `heldOn`: the room still holds its meeting (one process, no
   * lock to give back); otherwise it let go of it and leaves memory when the meeting is let go.
   */
  private readonly warm = new Map<Room, { timer: NodeJS.Timeout; heldOn: boolean }>();
  /** docs read from the store since start (a warm doc taken again is not read) */
  private loads = 0;
  /** unsent output per meeting, shared by the rooms of its docs */
  private readonly budgets = new Map<string, { budget: OutputBudget; rooms: number }>();
  hooks: RoomHooks = {};
  /** every room's batch times, summed */
  readonly batchTimes: BatchTimes = newBatchTimes();
  /** whether the event loop is busy: a busy loop batches updates per tick (tests inject it) */
  loopLoad: LoopLoad = loopLoad;

  constructor(
    private readonly storage: DocStore,
    private readonly tickMs: number,
    private readonly log: Logger,
    /** which meetings this instance serves; none: every meeting (a test of the room alone) */
    private readonly gate: MeetingGate | null = null,
    /** how long a private doc no socket holds stays loaded (0: unloaded at once) */
    private readonly graceMs = 0,
  ) {
    // a meeting let go here may be written by another instance next: its warm docs go with it
    gate?.onRelease((meetingId) => this.coolMeeting(meetingId));
  }

  get size(): number {
    return this.rooms.size;
  }

  /** For tests: awareness entries (states and clocks) and bytes of updates waiting for missing structs. */
  stats(): { awarenessEntries: number; pendingBytes: number; unsentBytes: number; warmDocs: number; storeLoads: number } & BatchTimes {
    let awarenessEntries = 0;
    let pendingBytes = 0;
    for (const room of this.rooms.values()) {
      awarenessEntries += room.awareness.meta.size;
      pendingBytes += pendingBytesOf(room.doc);
    }
    let unsentBytes = 0;
    for (const { budget } of this.budgets.values()) unsentBytes += budget.bytes;
    return { awarenessEntries, pendingBytes, unsentBytes, warmDocs: this.warm.size, storeLoads: this.loads, ...this.batchTimes };
  }

  /** Names of the docs in memory. */
  namesLoaded(): string[] {
    return [...this.rooms.keys(), ...this.loading.keys()];
  }

  /** The loaded room, without taking a hold. */
  peek(name: string): Room | undefined {
    return this.rooms.get(name);
  }

  /** Gets or loads a doc and holds it in memory until `release`. */
  async acquire(name: string, docName: DocName): Promise<Room> {
    let room = this.rooms.get(name);
    if (room && this.warm.has(room) && !this.rewarm(room)) room = undefined;
    if (!room) {
      let loading = this.loading.get(name);
      if (!loading) {
        loading = this.load(name, docName);
        this.loading.set(name, loading);
        loading.finally(() => this.loading.delete(name)).catch(() => {});
      }
      room = await loading;
    }
    room.refs++;
    return room;
  }

  release(room: Room): void {
    room.refs--;
    if (room.refs > 0) return;
    const done = this.unload(room);
    this.unloading.add(done);
    done.finally(() => this.unloading.delete(done)).catch(() => {});
  }

  /** Runs `fn` with the doc loaded and waits until its writes are stored. */
  async withRoom<T>(name: string, docName: DocName, fn: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(name, docName);
    try {
      const result = await fn(room);
      await room.whenStored();
      return result;
    } finally {
      this.release(room);
    }
  }

  /** Runs `fn` on the document, loaded for the call, and waits until its writes are stored. */
  withDoc<T>(docName: DocName, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    return this.withRoom(formatDocName(docName), docName, (room) => fn(room.doc));
  }

  private async load(name: string, docName: DocName): Promise<Room> {
    // the meeting is this instance's before anything of it is read (throws NotOwnerError)
    const lease = this.gate ? await this.gate.hold(docName.meetingId) : null;
    let doc: Y.Doc;
    this.loads++;
    try {
      doc = await this.storage.loadDoc(name);
    } catch (err) {
      if (lease) this.gate!.drop(lease);
      throw err;
    }
    if (lease && !this.gate!.isHeld(lease)) {
      // lost while loading
      doc.destroy();
      throw new NotOwnerError(docName.meetingId);
    }
    doc.gc = true;
    const room = new Room(name, docName, doc, this.storage, this.tickMs, this.log, this.batchTimes, this.loopLoad);
    room.lease = lease;
    room.onDamaged = () => this.quarantine(room);
    let shared = this.budgets.get(docName.meetingId);
    if (!shared) this.budgets.set(docName.meetingId, (shared = { budget: { bytes: 0 }, rooms: 0 }));
    shared.rooms++;
    room.output = shared.budget;
    this.rooms.set(name, room);
    try {
      this.hooks.onLoad?.(room);
    } catch (err) {
      this.log.error('room load hook failed', { doc: docName.kind, err: String(err) });
    }
    return room;
  }

  /**
   * Yjs threw inside this doc: what it stored before is sound (every update was checked), so store
   * what is pending, drop the copy in memory and close its sockets; they reconnect to a fresh load.
   */
  private dropBudget(room: Room): void {
    const shared = this.budgets.get(room.docName.meetingId);
    if (shared && --shared.rooms <= 0) this.budgets.delete(room.docName.meetingId);
  }

  private quarantine(room: Room): void {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.dropBudget(room);
    const done = room.whenStored().then(() => {
      for (const conn of [...room.conns]) conn.close(1012, 'document reloading');
      room.destroy();
      if (room.lease) this.gate?.drop(room.lease);
      try {
        this.hooks.onUnload?.(room);
      } catch (err) {
        this.log.error('room unload hook failed', { doc: room.docName.kind, err: String(err) });
      }
    });
    this.unloading.add(done);
    done.finally(() => this.unloading.delete(done)).catch(() => {});
  }

  private async unload(room: Room): Promise<void> {
    await room.whenStored();
    // someone took it again while its writes finished (or another release made it warm already)
    const idle = () => room.refs === 0 && this.rooms.get(room.name) === room && !this.warm.has(room);
    if (!idle()) return;
    if (this.graceMs > 0 && room.docName.kind === 'private') {
      // compacted now, while the room still holds its meeting: a warm room writes nothing more
      if (room.storedSinceLoad > 50) {
        room.storedSinceLoad = 0;
        await this.storage.compact(room.name).catch(() => {});
        if (!idle()) return;
      }
      this.keepWarm(room);
      return;
    }
    this.rooms.delete(room.name);
    this.forget(room);
    if (room.storedSinceLoad > 50) {
      await this.storage.compact(room.name).catch(() => {});
    }
    // after the compaction: it is a write, and writes need the meeting
    if (room.lease) this.gate?.drop(room.lease);
  }

  /**
   * Keeps an idle private doc loaded for the grace period. With several instances it lets go of
   * its meeting now, as an unloaded room would: the meeting's lock goes when it always went, and
   * the warm room leaves memory with it (coolMeeting), so it is never served after another
   * instance could have written its doc.
   */
  private keepWarm(room: Room): void {
    const heldOn = !(this.gate?.shared && room.lease);
    const timer = setTimeout(() => this.cool(room), this.graceMs);
    timer.unref();
    this.warm.set(room, { timer, heldOn });
    if (!heldOn) this.gate!.drop(room.lease!);
  }

  /** A warm room is taken again: true when it may be served (its meeting held here all along). */
  private rewarm(room: Room): boolean {
    const warm = this.warm.get(room)!;
    if (!warm.heldOn && !this.gate!.rehold(room.lease!)) {
      this.cool(room);
      return false;
    }
    clearTimeout(warm.timer);
    this.warm.delete(room);
    return true;
  }

  /** A room leaves memory: its budget, its document, and whoever hooked its unload. */
  private forget(room: Room): void {
    this.dropBudget(room);
    room.destroy();
    try {
      this.hooks.onUnload?.(room);
    } catch (err) {
      this.log.error('room unload hook failed', { doc: room.docName.kind, err: String(err) });
    }
  }

  /** A warm room leaves memory (its grace is over, or its meeting is let go). */
  private cool(room: Room): void {
    const warm = this.warm.get(room);
    if (!warm) return;
    clearTimeout(warm.timer);
    this.warm.delete(room);
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    this.forget(room);
    if (warm.heldOn && room.lease) this.gate?.drop(room.lease);
  }

  /** Every warm room of the meeting leaves memory now (the meeting is let go or deleted). */
  coolMeeting(meetingId: string): void {
    for (const room of [...this.warm.keys()]) if (room.docName.meetingId === meetingId) this.cool(room);
  }

  /**
   * This instance no longer serves these meetings (its lock connection is gone): every room of
   * theirs leaves memory now, nothing more stored or sent, sockets told to reconnect elsewhere.
   */
  dropMeetings(meetingIds: string[], code: number, reason: string): void {
    const ids = new Set(meetingIds);
    for (const room of [...this.rooms.values()]) {
      if (!ids.has(room.docName.meetingId)) continue;
      const warm = this.warm.get(room);
      if (warm) clearTimeout(warm.timer);
      this.warm.delete(room);
      this.rooms.delete(room.name);
      this.dropBudget(room);
      room.fence(code, reason);
      room.destroy();
      try {
        this.hooks.onUnload?.(room);
      } catch (err) {
        this.log.error('room unload hook failed', { doc: room.docName.kind, err: String(err) });
      }
    }
  }

  /** Stores everything pending in every room and waits for unloads in progress. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((r) => r.whenStored()));
    await Promise.all([...this.unloading]);
  }

  destroyAll(): void {
    for (const { timer } of this.warm.values()) clearTimeout(timer);
    this.warm.clear();
    for (const room of this.rooms.values()) room.destroy();
    this.rooms.clear();
  }
}
