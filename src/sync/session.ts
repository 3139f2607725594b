// What one open meeting is on this device: the docs, who it is, and its connection state.
// Lives in sync/ (which opens it) so sync/ needs nothing from store/; the store only provides it to React.
import type { StoreApi } from 'zustand';
import type { MeetingDocs } from '@/doc/core';

/**
 * What this window is. 'stage': the facilitator's own board window (facilitator key; it edits,
 * e.g. clustering); 'viewer': a board opened with the view-only board key, which the relay knows
 * as its 'board' role (server/meetings.ts) and which says 'board' in presence. 'board' alone
 * always means that key, never the facilitator's window.
 */
export type Role = 'facilitator' | 'stage' | 'viewer' | 'participant';

export type ConnectionState =
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'reconnecting'; since: number }
  | { status: 'offline'; since: number };

/** Local, per-meeting state that is not shared: connection, server clock offset, selection. */
export interface SessionState {
  connection: ConnectionState;
  /** serverNow ≈ Date.now() + clockOffsetMs; timers use server time */
  clockOffsetMs: number;
  /** the relay refused this device for good (4401 bad key, 4403, 4404, 4400): stop and explain */
  closedCode: number | null;
  /** every doc has synced with the relay at least once, or was loaded from this device */
  loaded: boolean;
}

export interface MeetingSession {
  meetingId: string;
  role: Role;
  /** set for participants */
  participantId: string | null;
  /** facilitator key or participant key; never logged */
  key: string;
  docs: MeetingDocs;
  /** zustand store with local session state */
  local: StoreApi<SessionState>;
  /** awareness of the meeting document, for presence (typed loosely to keep y-protocols out of features) */
  awareness: PresenceSource;
  /** the short join code, when this device knows it (facilitator and board) */
  joinCode: string | null;
  /** destroys providers and local persistence handles */
  close(): void;
}

/** What features need from awareness: who is online. */
export interface PresenceSource {
  clientId: number;
  getStates(): Map<number, Record<string, unknown>>;
  on(event: 'change', cb: () => void): void;
  off(event: 'change', cb: () => void): void;
  setLocalStateField(field: string, value: unknown): void;
}
