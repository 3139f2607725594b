// The meeting as the relay had it when this phone joined (the join answer carries it), kept in
// memory until the phone opens the meeting: it shows at once, the sockets sync only what changed.
import { fromBase64 } from 'lib0/buffer';
import type { JoinState } from '@common/api';

export type { JoinState };

export interface JoinSnapshot {
  meeting: Uint8Array;
  control: Uint8Array;
}

const kept = new Map<string, JoinSnapshot>();

export function keepJoinSnapshot(meetingId: string, state: JoinState | undefined): void {
  if (!state || typeof state.meeting !== 'string' || typeof state.control !== 'string') return;
  try {
    kept.set(meetingId, { meeting: fromBase64(state.meeting), control: fromBase64(state.control) });
  } catch {
    // not base64: the sockets load the meeting as usual
  }
}

/** Once: a second opening of the meeting has its own copy on the device and the relay. */
export function takeJoinSnapshot(meetingId: string): JoinSnapshot | null {
  const snapshot = kept.get(meetingId) ?? null;
  kept.delete(meetingId);
  return snapshot;
}
