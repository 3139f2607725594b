// A room's updates on their way out: stored first, then sent, one batch at a time. What arrives
// while a batch is being stored joins the next one (group commit). While the event loop has
// headroom a batch starts at once; only when the loop is busy does a batch wait for the tick after
// the last one, so that each socket gets fewer, larger frames when frames are what the loop lacks.
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import { loopLoad, type LoopLoad } from './loopLoad';

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
  /** batches that waited for the tick because the event loop was busy */
  heldBatches: number;
}

export const newBatchTimes = (): BatchTimes => ({
  batches: 0,
  batchedUpdates: 0,
  batchWaitMs: 0,
  batchStoreMs: 0,
  batchFanOutMs: 0,
  heldBatches: 0,
});

/**
 * How long the next batch waits, in ms (0: at once, in this turn of the event loop). It waits only
 * when the loop is busy and the last batch started less than a tick ago: then it goes at that tick.
 */
export function batchDelay(sinceLastBatchMs: number, tickMs: number, busy: boolean): number {
  if (!busy) return 0;
  return Math.max(0, tickMs - sinceLastBatchMs);
}

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
    private readonly load: LoopLoad = loopLoad,
  ) {}

  push(update: Uint8Array): void {
    if (this.pending.length === 0) this.firstPendingAt = performance.now();
    this.pending.push(update);
    if (!this.storing) this.queue();
  }

  /**
   * An idle loop stores at once (what arrives in this turn of the event loop joins the batch). A
   * busy one waits for the tick after the last batch, so a batch carries more updates and each
   * socket gets fewer frames; someone waiting for the updates (whenStored) ends the wait.
   */
  private queue(): void {
    if (this.queued) return;
    this.queued = true;
    const run = () => {
      this.queued = false;
      this.timer = null;
      void this.storeBatch();
    };
    const wait = batchDelay(performance.now() - this.lastBatchAt, this.tickMs, this.load.busy());
    if (wait > 0) {
      this.times.heldBatches++;
      this.timer = setTimeout(run, wait);
    } else setImmediate(run);
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
