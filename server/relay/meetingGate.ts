// Which meetings this instance serves. A room is loaded only while its meeting is held, and a
// meeting is held from the first room loaded until a short while after the last one left memory.
// Holding takes the store's lock for the meeting (PostgreSQL: an advisory lock, see
// server/store/pgSession.ts); when another instance has it, we wait briefly and then refuse, and
// when the lock connection is lost, every meeting is let go at once.
import { NotOwnerError, type MeetingLocks } from './docStore';

export interface GateOptions {
  /** how long to keep retrying a lock another instance holds before refusing */
  waitMs: number;
  /** pause between tries */
  retryMs: number;
  /** how long a meeting with no room in memory keeps its lock (a phone reconnecting finds it here) */
  releaseMs: number;
}

export interface GateHooks {
  /** runs once a meeting was taken, before anything of it loads (refresh what another instance may have changed) */
  onAcquire?(meetingId: string): Promise<void> | void;
  /** the lock connection is gone: these meetings must stop being served now */
  onLost?(meetingIds: string[]): void;
}

/** A meeting this instance holds; stale once the meeting was let go. */
export interface Lease {
  readonly meetingId: string;
}

interface Held extends Lease {
  rooms: number;
  release: NodeJS.Timeout | null;
}

export const defaultGateOptions: GateOptions = { waitMs: 500, retryMs: 50, releaseMs: 1000 };

export class MeetingGate {
  private readonly held = new Map<string, Held>();
  private readonly acquiring = new Map<string, Promise<void>>();
  /** meetings to let go as soon as no room needs them (created here, served wherever the balancer sends them) */
  private readonly passing = new Map<string, (() => void)[]>();
  /** told, before the lock goes, that a meeting is let go (the rooms kept warm without a hold leave with it) */
  private readonly releaseListeners: ((meetingId: string) => void)[] = [];
  hooks: GateHooks = {};

  constructor(
    private readonly locks: MeetingLocks,
    private readonly options: GateOptions = defaultGateOptions,
  ) {
    locks.onLost(() => this.loseAll());
  }

  /** false with LevelDB: one process, nothing to hold */
  get shared(): boolean {
    return this.locks.shared;
  }

  /** Ids of the meetings held now. */
  meetings(): string[] {
    return [...this.held.keys()];
  }

  isHeld(lease: Lease): boolean {
    return this.held.get(lease.meetingId) === lease;
  }

  /**
   * Holds the meeting again through a lease still current (no await): true while this instance has
   * held the meeting without a break since the lease was given, so nothing of it was written elsewhere.
   */
  rehold(lease: Lease): boolean {
    const held = this.held.get(lease.meetingId);
    if (held !== lease) return false;
    held.rooms++;
    if (held.release) {
      clearTimeout(held.release);
      held.release = null;
    }
    return true;
  }

  /** `fn(meetingId)` runs when a meeting is let go here, before its lock is unlocked. */
  onRelease(fn: (meetingId: string) => void): void {
    this.releaseListeners.push(fn);
  }

  /** Holds the meeting for one more room; throws NotOwnerError when another instance serves it. */
  async hold(meetingId: string): Promise<Lease> {
    let held = this.held.get(meetingId);
    if (!held) {
      let pending = this.acquiring.get(meetingId);
      if (!pending) {
        pending = this.acquire(meetingId);
        this.acquiring.set(meetingId, pending);
        pending.finally(() => this.acquiring.delete(meetingId)).catch(() => {});
      }
      await pending;
      held = this.held.get(meetingId);
      if (!held) throw new NotOwnerError(meetingId);
    }
    held.rooms++;
    if (held.release) {
      clearTimeout(held.release);
      held.release = null;
    }
    return held;
  }

  /**
   * The meeting is let go the moment its last room leaves memory, not `releaseMs` later: a meeting
   * created here (any instance) is served by the one its id hashes to, which must not wait for us.
   */
  passOn(meetingId: string, timeoutMs = 2000): Promise<void> {
    if (!this.locks.shared) return Promise.resolve();
    const held = this.held.get(meetingId);
    if (!held && !this.acquiring.has(meetingId)) return Promise.resolve();
    const passed = new Promise<void>((resolve) => {
      const waiting = this.passing.get(meetingId) ?? [];
      waiting.push(resolve);
      this.passing.set(meetingId, waiting);
      setTimeout(resolve, timeoutMs).unref();
    });
    // no room holds it any more and it waits out releaseMs: let it go now
    if (held && held.rooms === 0 && held.release) {
      clearTimeout(held.release);
      this.releaseAfter(held, 0);
    }
    return passed;
  }

  /** the meeting is no longer held here: whoever waits for it to pass on hears so */
  private passed(meetingId: string): void {
    for (const resolve of this.passing.get(meetingId) ?? []) resolve();
    this.passing.delete(meetingId);
  }

  /** One room of the meeting left memory (its writes stored); the last one starts the release timer. */
  drop(lease: Lease): void {
    const held = this.held.get(lease.meetingId);
    if (held !== lease || --held.rooms > 0) return;
    // kept until the lock goes: the actions a load wakes may hold the meeting again for a moment
    this.releaseAfter(held, this.passing.has(held.meetingId) ? 0 : this.options.releaseMs);
  }

  private releaseAfter(held: Held, delay: number): void {
    held.release = setTimeout(() => {
      if (this.held.get(held.meetingId) !== held || held.rooms > 0) return;
      this.held.delete(held.meetingId);
      for (const fn of this.releaseListeners) fn(held.meetingId);
      void this.locks
        .unlock(held.meetingId)
        .catch(() => {})
        .finally(() => this.passed(held.meetingId));
    }, delay);
    held.release.unref();
  }

  private async acquire(meetingId: string): Promise<void> {
    if (!this.locks.shared) {
      this.held.set(meetingId, { meetingId, rooms: 0, release: null });
      return;
    }
    const deadline = Date.now() + this.options.waitMs;
    for (;;) {
      let ok: boolean;
      try {
        ok = await this.locks.tryLock(meetingId);
      } catch {
        // no connection to the database: serve nothing rather than something unstored
        throw new NotOwnerError(meetingId);
      }
      if (ok) break;
      if (Date.now() + this.options.retryMs > deadline) throw new NotOwnerError(meetingId);
      await new Promise((r) => setTimeout(r, this.options.retryMs));
    }
    const held: Held = { meetingId, rooms: 0, release: null };
    this.held.set(meetingId, held);
    try {
      await this.hooks.onAcquire?.(meetingId);
    } catch (err) {
      if (this.held.get(meetingId) === held) {
        this.held.delete(meetingId);
        await this.locks.unlock(meetingId).catch(() => {});
      }
      throw err;
    }
  }

  private loseAll(): void {
    const ids = [...this.held.keys()];
    for (const held of this.held.values()) if (held.release) clearTimeout(held.release);
    this.held.clear();
    for (const id of ids) for (const fn of this.releaseListeners) fn(id);
    for (const id of ids) this.passed(id);
    if (ids.length) this.hooks.onLost?.(ids);
  }

  /** Lets every meeting go (shutdown). */
  async releaseAll(): Promise<void> {
    const ids = [...this.held.keys()];
    for (const held of this.held.values()) if (held.release) clearTimeout(held.release);
    this.held.clear();
    await Promise.all(ids.map((id) => this.locks.unlock(id).catch(() => {})));
  }
}
