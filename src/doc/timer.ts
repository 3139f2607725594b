// The shared timer: driven by an end time in server-clock ms, so every device shows the same value.
import type * as Y from 'yjs';
import { ControlRoots, type TimerState } from '@common/schema';
import { parseTimerState } from '@common/records';
import { rootFields, setFields, transact } from './core';
import { fieldsView, type View } from './views';

const MINUTE = 60_000;
const timerMap = (control: Y.Doc) => rootFields(control, ControlRoots.timer);

export function normaliseTimer(raw: Partial<Record<string, unknown>>): TimerState {
  return parseTimerState(raw);
}

/** Milliseconds left, never negative; pure so any device computes the same from server time. */
export function remainingMs(timer: TimerState, serverNow: number): number {
  switch (timer.status) {
    case 'idle':
      return timer.durationMs;
    case 'paused':
      return Math.max(0, timer.remainingMs);
    case 'running':
      return Math.max(0, Math.min(timer.durationMs, timer.endsAt - serverNow));
  }
}

export const isTimeUp = (timer: TimerState, serverNow: number) =>
  timer.status !== 'idle' && remainingMs(timer, serverNow) === 0;

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

export function timerView(control: Y.Doc): View<Partial<Record<string, unknown>>> {
  return fieldsView<Record<string, unknown>>(timerMap(control));
}
