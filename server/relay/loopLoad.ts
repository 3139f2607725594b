// Is this process's event loop busy? The share of the recent past it spent running rather than
// waiting for I/O (performance.eventLoopUtilization), which is what a batch's wait can give back:
// the update rate alone says nothing about whether the core has room to send each update at once.
import { performance, type EventLoopUtilization } from 'node:perf_hooks';

export interface LoopLoad {
  busy(): boolean;
}

/** The loop counts as busy once it ran more than this share of the last window… */
export const BUSY_ABOVE = 0.75;
/** …and stays busy until it runs less than this share (so a batch's wait does not flap on and off). */
export const IDLE_BELOW = 0.5;
/** Utilization is measured over at least this long (one sample per window, on demand). */
export const LOAD_WINDOW_MS = 50;

/** The next state from the last one and the utilization of the window just ended. */
export function nextBusy(wasBusy: boolean, utilization: number): boolean {
  return wasBusy ? utilization >= IDLE_BELOW : utilization > BUSY_ABOVE;
}

export class EventLoopLoad implements LoopLoad {
  private last: EventLoopUtilization;
  private isBusy = false;

  /** `measure` is performance.eventLoopUtilization, injectable for tests */
  constructor(
    private readonly measure: (now?: EventLoopUtilization, before?: EventLoopUtilization) => EventLoopUtilization = (
      now,
      before,
    ) => performance.eventLoopUtilization(now, before),
    private readonly windowMs = LOAD_WINDOW_MS,
  ) {
    this.last = measure();
  }

  /** Busy or not, from the utilization since the last sample once a window has passed. */
  busy(): boolean {
    const now = this.measure();
    const window = this.measure(now, this.last);
    if (window.idle + window.active >= this.windowMs) {
      this.isBusy = nextBusy(this.isBusy, window.utilization);
      this.last = now;
    }
    return this.isBusy;
  }
}

/** The process's one event loop, shared by every room. */
export const loopLoad: LoopLoad = new EventLoopLoad();
