// The shared timer: driven by an end time in server-clock ms, so every device shows the same value.
import type * as Y from 'yjs';
import { ControlRoots, type TimerState } from '@common/schema';
import { parseTimerState } from '@common/records';
import { rootFields } from './core';
import { fieldsView, type View } from './views';

export const timerMap = (control: Y.Doc) => rootFields(control, ControlRoots.timer);

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

export function timerView(control: Y.Doc): View<Partial<Record<string, unknown>>> {
  return fieldsView<Record<string, unknown>>(timerMap(control));
}
