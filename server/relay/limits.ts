// Rate and connection limits. Pure and clock-injectable so they are unit-testable.

export type Clock = () => number;

/** Per-socket message budget: refills `ratePerSecond`, holds at most `burst`. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: Clock = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSecond);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts events per key in fixed windows; used for failed join-code lookups and meeting creation. */
export class WindowCounter {
  private readonly counts = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly windowMs: number,
    private readonly now: Clock = Date.now,
  ) {}

  count(key: string): number {
    const entry = this.counts.get(key);
    if (!entry) return 0;
    if (this.now() - entry.start >= this.windowMs) {
      this.counts.delete(key);
      return 0;
    }
    return entry.count;
  }

  add(key: string): number {
    const t = this.now();
    const entry = this.counts.get(key);
    if (!entry || t - entry.start >= this.windowMs) {
      this.counts.set(key, { start: t, count: 1 });
      this.prune(t);
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  // keeps the map from growing without bound under a spray of addresses
  private prune(t: number): void {
    if (this.counts.size < 10_000) return;
    for (const [key, entry] of this.counts) {
      if (t - entry.start >= this.windowMs) this.counts.delete(key);
    }
  }
}

/** Open sockets per key (address, meeting). */
export class ConnectionCounter {
  private readonly counts = new Map<string, number>();
  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  increment(key: string): void {
    this.counts.set(key, this.get(key) + 1);
  }
  decrement(key: string): void {
    const n = this.get(key) - 1;
    if (n <= 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}
