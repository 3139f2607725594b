// The shape of a relay action: one rule the relay applies on people's behalf. An action is pure:
// plain data read from the documents in, a list of writes out. No Yjs, no clock, no I/O: the
// runner (runner.ts) loads the documents, builds the snapshot, queues per meeting, applies the
// writes as the relay, stores before anyone sees them, and re-runs actions after a crash.
//
// Actions are level-triggered: `decide` compares what the documents say now with what they
// should say, and returns only the difference. Running one twice, or after a crash halfway
// through, converges on the same documents; that is how the runner recovers.

import type { JsonObject } from '../../common/json';
import type { DocWrite } from '../../common/writes';

/** Which document a write goes to (always of the meeting the action runs for). */
export type DocRef =
  | { kind: 'meeting' }
  | { kind: 'control' }
  | { kind: 'inbox' }
  | { kind: 'private'; participantId: string }
  | { kind: 'group'; groupId: string }
  /** the relay's own document of the meeting, which no socket can open: e.g. who wrote which anonymous note */
  | { kind: 'relay' };

/** A write to one document of the meeting (common/writes.ts), applied by server/docWrites.ts. */
export type Write = DocWrite & { doc: DocRef };

/** What woke an action. */
export interface Trigger {
  /** participants whose private doc changed (or whose socket opened); empty for a meeting-wide wake */
  participantIds: string[];
  /** groups whose doc changed */
  groupIds: string[];
}

/** The documents an action asked for, as plain data: root name → JSON of that top-level map. */
export interface Snapshot {
  meetingId: string;
  meeting: Record<string, JsonObject>;
  control: Record<string, JsonObject>;
  inbox: Record<string, JsonObject>;
  relay: Record<string, JsonObject>;
  /** participantId → root → JSON, for the participants in scope (see `reads.private`) */
  private: Record<string, Record<string, JsonObject>>;
  /** groupId → root → JSON */
  group: Record<string, Record<string, JsonObject>>;
  /** every participant the registry knows for this meeting */
  participantIds: string[];
  trigger: Trigger;
}

/** What the runner passes besides the documents: the clock and randomness, injected. */
export interface Env {
  now: number;
  /** a uniformly random integer in [0, n) */
  randomInt(n: number): number;
}

/** A doc change that wakes an action: a non-relay change to `root` of a doc of this kind. */
export interface Wake {
  kind: 'meeting' | 'control' | 'private' | 'group';
  root: string;
}

export type Scope = 'trigger' | 'all' | ((snapshot: Snapshot) => string[]);

export interface RelayAction {
  name: string;
  wakesOn: Wake[];
  /**
   * The roots to load. Private and group docs: 'trigger' loads only the woken ones, 'all' every
   * one, or a pure function of the snapshot's other docs names them (e.g. the authors in the inbox).
   */
  reads: {
    meeting?: string[];
    control?: string[];
    inbox?: string[];
    relay?: string[];
    private?: { roots: string[]; scope: Scope };
    group?: { roots: string[]; scope: Scope };
  };
  /**
   * Optional cheap pre-check on a snapshot without private and group docs: when it says false,
   * those are not loaded at all (a reveal loads 300 private docs only when it really reveals).
   */
  when?(snapshot: Snapshot): boolean;
  decide(snapshot: Snapshot, env: Env): Write[];
}
