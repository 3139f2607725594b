import { describe, expect, it } from 'vitest';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { BUSY_ABOVE, EventLoopLoad, IDLE_BELOW, nextBusy } from './loopLoad';
import { batchDelay } from './batcher';

/**
 * A hand-driven event loop: `run(ms)` and `wait(ms)` add active and idle time, and the measure
 * answers as performance.eventLoopUtilization does (a delta when given two readings).
 */
function fakeLoop() {
  let idle = 0;
  let active = 0;
  const reading = (i: number, a: number): EventLoopUtilization => ({ idle: i, active: a, utilization: a / (i + a || 1) });
  const measure = (now?: EventLoopUtilization, before?: EventLoopUtilization) =>
    now && before ? reading(now.idle - before.idle, now.active - before.active) : reading(idle, active);
  return {
    measure,
    run: (ms: number) => void (active += ms),
    wait: (ms: number) => void (idle += ms),
  };
}

describe('when the relay holds updates back: the event loop’s load, not the update rate', () => {
  it('a loop that ran most of the last window is busy; one that waited for I/O most of it is not', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.measure, 50);
    loop.run(20);
    loop.wait(80);
    expect(load.busy()).toBe(false);
    loop.run(90);
    loop.wait(10);
    expect(load.busy()).toBe(true);
  });

  it('stays busy until the loop has clearly room again (no flapping around one threshold)', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.measure, 50);
    loop.run(100);
    expect(load.busy()).toBe(true);
    // the batching itself lowers the load: between the thresholds it stays busy
    const between = (BUSY_ABOVE + IDLE_BELOW) / 2;
    loop.run(100 * between);
    loop.wait(100 * (1 - between));
    expect(load.busy()).toBe(true);
    loop.run(30);
    loop.wait(70);
    expect(load.busy()).toBe(false);
    // and from idle, the same share between the thresholds does not make it busy
    loop.run(100 * between);
    loop.wait(100 * (1 - between));
    expect(load.busy()).toBe(false);
  });

  it('judges a window only once it is long enough: a short burst inside it changes nothing yet', () => {
    const loop = fakeLoop();
    const load = new EventLoopLoad(loop.measure, 50);
    loop.wait(100);
    expect(load.busy()).toBe(false);
    loop.run(10);
    // 10 ms of 10 ms is all active, but the window is not over
    expect(load.busy()).toBe(false);
    loop.run(45);
    expect(load.busy()).toBe(true);
  });

  it('the thresholds are ordered and the transitions follow them', () => {
    expect(IDLE_BELOW).toBeLessThan(BUSY_ABOVE);
    expect(nextBusy(false, BUSY_ABOVE)).toBe(false);
    expect(nextBusy(false, BUSY_ABOVE + 0.01)).toBe(true);
    expect(nextBusy(true, IDLE_BELOW)).toBe(true);
    expect(nextBusy(true, IDLE_BELOW - 0.01)).toBe(false);
  });

  it('an idle loop sends a batch at once; a busy one waits out the tick after the last batch, and no longer', () => {
    expect(batchDelay(1, 10, false)).toBe(0);
    expect(batchDelay(0, 10, true)).toBe(10);
    expect(batchDelay(4, 10, true)).toBe(6);
    expect(batchDelay(25, 10, true)).toBe(0);
    // no tick configured: never a wait
    expect(batchDelay(0, 0, true)).toBe(0);
  });
});
