// The facilitator's timer controls; every device reads the timer through timerView (../timer.ts).
import type * as Y from 'yjs';
import type { TimerState } from '@common/schema';
import { setFields, transact } from '../core';
import { normaliseTimer, remainingMs, timerMap } from '../timer';

const MINUTE = 60_000;

export function readTimer(control: Y.Doc): TimerState {
  return normaliseTimer(timerMap(control).toJSON());
}

function write(control: Y.Doc, state: TimerState): void {
  const all = { endsAt: undefined, remainingMs: undefined, ...state };
  setFields<Record<string, unknown>>(timerMap(control), all);
}

export function startTimer(control: Y.Doc, durationMs: number, serverNow: number): void {
  const duration = Math.max(1000, Math.round(durationMs));
  transact(control, () => write(control, { status: 'running', durationMs: duration, endsAt: serverNow + duration }));
}

export function pauseTimer(control: Y.Doc, serverNow: number): void {
  transact(control, () => {
    const timer = readTimer(control);
    if (timer.status !== 'running') return;
    write(control, { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, serverNow) });
  });
}

export function resumeTimer(control: Y.Doc, serverNow: number): void {
  transact(control, () => {
    const timer = readTimer(control);
    if (timer.status !== 'paused') return;
    write(control, { status: 'running', durationMs: timer.durationMs, endsAt: serverNow + timer.remainingMs });
  });
}

/** +1 minute; a timer that already ran out starts counting again from one minute. */
export function addMinute(control: Y.Doc, serverNow: number): void {
  transact(control, () => {
    const timer = readTimer(control);
    const durationMs = timer.durationMs + MINUTE;
    if (timer.status === 'running') {
      write(control, { status: 'running', durationMs, endsAt: Math.max(timer.endsAt, serverNow) + MINUTE });
    } else if (timer.status === 'paused') {
      write(control, { status: 'paused', durationMs, remainingMs: timer.remainingMs + MINUTE });
    } else {
      write(control, { status: 'idle', durationMs });
    }
  });
}

export function resetTimer(control: Y.Doc): void {
  transact(control, () => write(control, { status: 'idle', durationMs: readTimer(control).durationMs }));
}
