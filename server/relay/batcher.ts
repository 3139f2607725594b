// A room's updates on their way out: stored first, then sent, one batch at a time. What arrives
// while a batch is being stored joins the next one (group commit). An idle room's batch starts at
// once; under load a batch waits for the tick after the last one.
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';

const MESSAGE_SYNC = 0;

/**
 * Where a relay's update batches spend their time, summed since start (counts and milliseconds
 * only): waiting for the tick, storing, and writing to every socket. The benchmarks read it from the
 * SIGUSR2 stats line to show what an edit's time on the relay is made of.
 */
export interface BatchTimes {
  batches: number;
  batchedUpdates: number;
  /** from a batch's first update arriving to the batch starting */
  batchWaitMs: number;
  /** from the batch starting to its store resolving */
  batchStoreMs: number;
  /** writing the batch's frame to every socket of the room */
  batchFanOutMs: number;
}

export const newBatchTimes = (): BatchTimes => ({
  batches: 0,
  batchedUpdates: 0,
  batchWaitMs: 0,
  batchStoreMs: 0,
  batchFanOutMs: 0,
});

/**
 * A room's recent rate of updates is counted over this many ticks (each arrival decays with it):
 * more than this many recent arrivals means more than one update is expected per tick.
 */
export const ARRIVAL_WINDOW_TICKS = 20;

/** Where a batch goes: the room's storage, then its sockets. */
export interface BatchSink {
  /** stores one merged update; nothing is sent before it resolves */
  store(update: Uint8Array): Promise<void>;
  /** the stored batch, as one sync message, to every socket */
  send(message: Uint8Array): void;
  /** after a stored batch was sent (compaction may go here; the batch counts as done when it resolves) */
  sent(): Promise<void> | void;
  /** a store failed: true sends the batch anyway (a broken disk), false drops it (fenced) */
  storeFailed(err: unknown): boolean;
}

export class UpdateBatcher {
  /** updates not yet handed to storage */
  private pending: Uint8Array[] = [];
  /** a batch is being stored (then sent); updates arriving meanwhile wait in `pending` */
  private storing = false;
  private queued = false;
  private timer: NodeJS.Timeout | null = null;
  /** when the last batch started (performance.now()) */
  private lastBatchAt = -Infinity;
  /** when the oldest update in `pending` arrived */
  private firstPendingAt = 0;
  /** the batch in flight (or the last one): resolves once stored and sent */
  private writes: Promise<void> = Promise.resolve();
  /** for whenStored callers while a batch is in flight: resolves when the next one is done */
  private nextBatch: { promise: Promise<void>; resolve(done: Promise<void> | void): void } | null = null;
  /** store and send nothing more */
  private fenced = false;

  constructor(
    private readonly sink: BatchSink,
    private readonly tickMs: number,
    private readonly times: BatchTimes = newBatchTimes(),
  ) {}

  /** updates that arrived lately, each decaying over ARRIVAL_WINDOW_TICKS ticks: about the updates per window */
  private arrivals = 0;
  private lastArrivalAt = -Infinity;

  push(update: Uint8Array): void {
    const now = performance.now();
    const window = this.tickMs * ARRIVAL_WINDOW_TICKS;
    this.arrivals = window > 0 ? this.arrivals * Math.exp((this.lastArrivalAt - now) / window) + 1 : 1;
    this.lastArrivalAt = now;
    if (this.pending.length === 0) this.firstPendingAt = performance.now();
    this.pending.push(update);
    if (!this.storing) this.queue();
  }

  /**
   * An idle room stores at once (what arrives in this turn of the event loop joins it). A room that
   * started a batch less than a tick ago waits for the tick only when it is under load: when more
   * than one update is expected during a tick, so the wait buys a shared store and a shared frame
   * per socket. A lone edit in a quieter room (30 writers: one every ~17 ms) goes at once.
   */
  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    const run = () => {
      this.queued = false;
      this.timer = null;
      void this.storeBatch();
    };
    const wait = this.lastBatchAt + this.tickMs - performance.now();
    const underLoad = this.arrivals / ARRIVAL_WINDOW_TICKS > 1;
    if (wait > 0 && underLoad) this.timer = setTimeout(run, wait);
    else setImmediate(run);
  }

  /**
   * Stores the pending updates as one batch, then sends them: nothing reaches another client before
   * it is stored. Merged and encoded once per batch; every socket gets the same buffer.
   */
  private storeBatch(): Promise<void> {
    if (this.fenced) this.pending = [];
    if (this.storing || this.pending.length === 0) return this.writes;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.queued = false;
    }
    const updates = this.pending;
    this.pending = [];
    this.storing = true;
    const startedAt = performance.now();
    this.lastBatchAt = startedAt;
    const times = this.times;
    times.batches++;
    times.batchedUpdates += updates.length;
    times.batchWaitMs += startedAt - this.firstPendingAt;
    const merged = updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    syncProtocol.writeUpdate(encoder, merged);
    const message = encoding.toUint8Array(encoder);
    this.writes = this.sink.store(merged).then(
      () => {
        const storedAt = performance.now();
        times.batchStoreMs += storedAt - startedAt;
        this.sink.send(message);
        times.batchFanOutMs += performance.now() - storedAt;
        return this.sink.sent();
      },
      (err) => {
        if (this.fenced) return;
        if (this.sink.storeFailed(err)) this.sink.send(message);
      },
    );
    const next = () => {
      this.storing = false;
      const waiting = this.nextBatch;
      this.nextBatch = null;
      // the updates that arrived meanwhile go to disk together
      if (this.pending.length === 0) return waiting?.resolve();
      // someone waits for these updates (a sync answer, an unload): store them now, tick or not
      if (waiting) return waiting.resolve(this.storeBatch());
      this.queue();
    };
    return this.writes.then(next, next);
  }

  /** Resolves once every update pushed so far is stored (and sent). */
  whenStored(): Promise<void> {
    if (this.pending.length === 0) return this.writes;
    if (!this.storing) return this.storeBatch();
    // a batch is on its way to disk: the pending updates go in the one after it
    if (!this.nextBatch) {
      let resolve!: (done: Promise<void> | void) => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.nextBatch = { promise, resolve };
    }
    return this.nextBatch.promise;
  }

  /** Drops what is not stored (it was never sent) and stores nothing more. */
  fence(): void {
    this.fenced = true;
    this.pending = [];
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
