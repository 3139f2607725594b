import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isTimeUp, remainingMs } from './timer';
import { addMinute, pauseTimer, readTimer, resetTimer, resumeTimer, startTimer } from './facilitator/timer';
import { twoDocsWithRelay } from '@/test/twoDocs';

describe('timer', () => {
  it('counts down from server time and never below zero', () => {
    const doc = new Y.Doc();
    startTimer(doc, 5 * 60_000, 1_000_000);
    const timer = readTimer(doc);
    expect(remainingMs(timer, 1_000_000)).toBe(300_000);
    expect(remainingMs(timer, 1_060_000)).toBe(240_000);
    expect(remainingMs(timer, 2_000_000)).toBe(0);
    expect(isTimeUp(timer, 2_000_000)).toBe(true);
  });

  it('pausing keeps the time left and resuming continues from it', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, 0);
    pauseTimer(doc, 20_000);
    expect(readTimer(doc)).toEqual({ status: 'paused', durationMs: 60_000, remainingMs: 40_000 });
    expect(remainingMs(readTimer(doc), 999_999)).toBe(40_000);
    resumeTimer(doc, 100_000);
    expect(remainingMs(readTimer(doc), 110_000)).toBe(30_000);
  });

  it('+1 minute extends a running, paused or finished timer', () => {
    const doc = new Y.Doc();
    startTimer(doc, 60_000, 0);
    addMinute(doc, 10_000);
    expect(remainingMs(readTimer(doc), 10_000)).toBe(110_000);
    addMinute(doc, 500_000);
    expect(remainingMs(readTimer(doc), 500_000)).toBe(60_000);
    pauseTimer(doc, 500_000);
    addMinute(doc, 500_000);
    expect(remainingMs(readTimer(doc), 0)).toBe(120_000);
  });

  it('reset goes back to idle with the last duration', () => {
    const doc = new Y.Doc();
    startTimer(doc, 90_000, 0);
    resetTimer(doc);
    expect(readTimer(doc)).toEqual({ status: 'idle', durationMs: 90_000 });
    expect(isTimeUp(readTimer(doc), 10 ** 9)).toBe(false);
  });

  it('two devices with different clocks show the same time left', () => {
    const { a, b } = twoDocsWithRelay();
    const serverNow = 5_000_000;
    startTimer(a, 120_000, serverNow);
    // each device converts its own clock to server time with its own offset
    const deviceA = { now: serverNow + 30_000 - 7_000, offset: 7_000 };
    const deviceB = { now: serverNow + 30_000 + 42_000, offset: -42_000 };
    expect(remainingMs(readTimer(a), deviceA.now + deviceA.offset)).toBe(90_000);
    expect(remainingMs(readTimer(b), deviceB.now + deviceB.offset)).toBe(90_000);
  });
});
