// The one place that runs relay actions: it watches documents as they load, wakes the actions
// whose roots changed (never for the relay's own writes), queues their runs per meeting (one at a
// time, coalescing wakes that arrive meanwhile), loads what an action reads as plain JSON, and
// applies the writes it returns as the relay: doc by doc in the order the action listed them,
// each doc stored before the next is written and before any client sees it. Actions are
// level-triggered, so re-running them after a crash (on load) finishes what was cut short.
import { randomInt } from 'node:crypto';
import * as Y from 'yjs';
import { formatDocName, type DocName } from '../../common/docNames';
import { SERVER_ORIGIN, type Room, type Rooms } from '../relay/rooms';
import type { MeetingRegistry } from '../meetings';
import type { Logger } from '../log';
import type { DocRef, Env, Json, JsonObject, RelayAction, Snapshot, Trigger, Write } from './types';

interface Pending {
  meetingWide: boolean;
  participantIds: Set<string>;
  groupIds: Set<string>;
}

interface MeetingQueue {
  chain: Promise<void>;
  pending: Map<RelayAction, Pending>;
  scheduled: boolean;
}

type WakeKind = 'meeting' | 'control' | 'private' | 'group';

function docNameOf(meetingId: string, ref: DocRef): DocName {
  switch (ref.kind) {
    case 'private':
      return { kind: 'private', meetingId, participantId: ref.participantId };
    case 'group':
      return { kind: 'group', meetingId, groupId: ref.groupId };
    default:
      return { kind: ref.kind, meetingId };
  }
}

const refKey = (ref: DocRef) =>
  ref.kind === 'private' ? `p/${ref.participantId}` : ref.kind === 'group' ? `g/${ref.groupId}` : ref.kind;

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** JSON of a value read from a doc: nested Yjs types become plain data. */
function plain(value: unknown): Json {
  if (value instanceof Y.AbstractType) return value.toJSON() as Json;
  return (value ?? null) as Json;
}

/** Writes one list of ops to one doc, skipping values that are already there. */
function applyWrites(doc: Y.Doc, writes: Write[]): void {
  doc.transact(() => {
    for (const w of writes) {
      const root = doc.getMap<unknown>(w.root);
      if (w.op === 'set') {
        if (!sameJson(plain(root.get(w.key)), w.value)) root.set(w.key, w.value);
      } else if (w.op === 'delete') {
        if (!root.has(w.key)) continue;
        // a conditional delete leaves a newer value alone (the phone asked again meanwhile)
        if (w.ifValue !== undefined && !sameJson(plain(root.get(w.key)), w.ifValue)) continue;
        root.delete(w.key);
      } else if (w.op === 'update') {
        const item = root.get(w.id);
        if (!(item instanceof Y.Map)) continue;
        for (const [k, v] of Object.entries(w.fields)) {
          if (!sameJson(plain(item.get(k)), v)) item.set(k, v);
        }
      } else {
        let item = root.get(w.id);
        if (!(item instanceof Y.Map)) {
          item = new Y.Map<unknown>();
          for (const [k, v] of Object.entries(w.fields)) (item as Y.Map<unknown>).set(k, v);
          root.set(w.id, item);
          continue;
        }
        const map = item as Y.Map<unknown>;
        for (const [k, v] of Object.entries(w.fields)) {
          if (!sameJson(plain(map.get(k)), v)) map.set(k, v);
        }
      }
    }
  }, SERVER_ORIGIN);
}

async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface RunnerStats {
  runs: number;
  writes: number;
}

export class ActionRunner {
  private readonly queues = new Map<string, MeetingQueue>();
  /** rooms the runner is loading itself: a private or group doc's load then wakes nothing */
  private readonly ownLoads = new Set<string>();
  /** control and meeting docs whose actions have run once since this process started */
  private readonly recovered = new Set<string>();
  readonly stats: RunnerStats = { runs: 0, writes: 0 };

  constructor(
    private readonly rooms: Rooms,
    private readonly registry: MeetingRegistry,
    private readonly actions: readonly RelayAction[],
    private readonly log: Logger,
    private readonly concurrency = 32,
    private readonly env: () => Env = () => ({ now: Date.now(), randomInt: (n) => randomInt(n) }),
  ) {}

  /** Attaches observers to a doc as it loads, and re-runs what it wakes (recovery after a crash). */
  onLoad(room: Room): void {
    const name = room.docName;
    if (name.kind === 'inbox' || name.kind === 'relay') return;
    const kind: WakeKind = name.kind;
    const roots = new Map<string, RelayAction[]>();
    for (const action of this.actions) {
      for (const wake of action.wakesOn) {
        if (wake.kind !== kind) continue;
        const list = roots.get(wake.root) ?? [];
        if (!list.includes(action)) list.push(action);
        roots.set(wake.root, list);
      }
    }
    if (roots.size === 0) return;
    for (const [root, woken] of roots) {
      room.doc.getMap(root).observeDeep((_events, transaction) => {
        if (transaction.origin === SERVER_ORIGIN) return;
        for (const action of woken) this.wake(name, action);
      });
    }
    // a private doc the runner loads itself (300 of them in a reveal) is being worked on already;
    // a control or meeting doc wakes its actions the first time this process loads it: that
    // finishes work a crash cut short (later loads are the runner's own, and would loop)
    if (kind === 'private' || kind === 'group') {
      if (this.ownLoads.has(room.name)) return;
    } else {
      if (this.recovered.has(room.name)) return;
      this.recovered.add(room.name);
    }
    const onLoad = new Set<RelayAction>();
    for (const [root, woken] of roots) {
      if (room.doc.share.has(root) && room.doc.getMap(root).size > 0) for (const a of woken) onLoad.add(a);
    }
    // private/group docs: only what they hold; control and meeting docs: every action that watches them
    if (kind === 'control' || kind === 'meeting') for (const list of roots.values()) for (const a of list) onLoad.add(a);
    for (const action of onLoad) this.wake(name, action);
  }

  /**
   * The meeting comes (back) to this instance from another: its control and meeting docs wake
   * their actions again when they load, to finish what the other instance left undone.
   */
  forgetMeeting(meetingId: string): void {
    for (const name of [...this.recovered]) if (name === meetingId || name.startsWith(`${meetingId}/`)) this.recovered.delete(name);
  }

  /** Wakes every action that watches a participant's private doc (their socket opened). */
  touchParticipant(meetingId: string, participantId: string): void {
    for (const action of this.actions) {
      if (action.wakesOn.some((w) => w.kind === 'private')) this.wake({ kind: 'private', meetingId, participantId }, action);
    }
  }

  /** Resolves when no action run is queued or running (tests, benchmarks and shutdown). */
  async settle(): Promise<void> {
    while (this.queues.size > 0) {
      await Promise.all([...this.queues.values()].map((q) => q.chain));
      await new Promise((r) => setImmediate(r));
    }
  }

  private wake(name: DocName, action: RelayAction): void {
    let queue = this.queues.get(name.meetingId);
    if (!queue) {
      queue = { chain: Promise.resolve(), pending: new Map(), scheduled: false };
      this.queues.set(name.meetingId, queue);
    }
    let pending = queue.pending.get(action);
    if (!pending) {
      pending = { meetingWide: false, participantIds: new Set(), groupIds: new Set() };
      queue.pending.set(action, pending);
    }
    if (name.kind === 'private') pending.participantIds.add(name.participantId);
    else if (name.kind === 'group') pending.groupIds.add(name.groupId);
    else pending.meetingWide = true;
    if (queue.scheduled) return;
    queue.scheduled = true;
    const meetingId = name.meetingId;
    const q = queue;
    const run = q.chain
      .then(async () => {
        q.scheduled = false;
        const batch = [...q.pending];
        q.pending.clear();
        // registry order: a wake for an earlier action queued meanwhile waits for the next drain
        for (const [a, p] of batch) {
          await this.run(meetingId, a, {
            participantIds: [...p.participantIds],
            groupIds: [...p.groupIds],
          }).catch((err) => {
            this.log.error('relay action failed', { action: a.name, err: String(err instanceof Error ? err.stack : err) });
          });
        }
      });
    q.chain = run;
    run.then(() => {
      if (q.chain === run && !q.scheduled && q.pending.size === 0) this.queues.delete(meetingId);
    });
  }

  private async acquire(meetingId: string, ref: DocRef, held: Map<string, Room>): Promise<Room> {
    const key = refKey(ref);
    const existing = held.get(key);
    if (existing) return existing;
    const docName = docNameOf(meetingId, ref);
    const name = formatDocName(docName);
    const loaded = this.rooms.peek(name) !== undefined;
    if (!loaded) this.ownLoads.add(name);
    try {
      const room = await this.rooms.acquire(name, docName);
      held.set(key, room);
      return room;
    } finally {
      if (!loaded) this.ownLoads.delete(name);
    }
  }

  /** Runs one action for one meeting: read, decide, write. */
  async run(meetingId: string, action: RelayAction, trigger: Trigger): Promise<void> {
    const held = new Map<string, Room>();
    try {
      const known = new Set(await this.registry.participantIds(meetingId));
      const snapshot: Snapshot = {
        meetingId,
        meeting: {},
        control: {},
        inbox: {},
        relay: {},
        private: {},
        group: {},
        participantIds: [...known],
        trigger: {
          participantIds: trigger.participantIds.filter((id) => known.has(id)),
          groupIds: trigger.groupIds,
        },
      };
      const { reads } = action;
      for (const kind of ['control', 'meeting', 'inbox', 'relay'] as const) {
        const roots = reads[kind];
        if (!roots?.length) continue;
        const room = await this.acquire(meetingId, { kind }, held);
        for (const root of roots) snapshot[kind][root] = room.doc.getMap(root).toJSON() as JsonObject;
      }
      if (action.when && !action.when(snapshot)) return;
      if (reads.private) {
        const { roots, scope } = reads.private;
        const ids =
          scope === 'trigger' ? snapshot.trigger.participantIds : scope === 'all' ? snapshot.participantIds : scope(snapshot).filter((id) => known.has(id));
        const loaded = await mapBounded(ids, this.concurrency, (participantId) =>
          this.acquire(meetingId, { kind: 'private', participantId }, held).then((room) => ({ participantId, room })),
        );
        for (const { participantId, room } of loaded) {
          const data: Record<string, JsonObject> = {};
          for (const root of roots) data[root] = room.doc.getMap(root).toJSON() as JsonObject;
          snapshot.private[participantId] = data;
        }
      }
      if (reads.group) {
        const { roots, scope } = reads.group;
        const ids = scope === 'trigger' ? snapshot.trigger.groupIds : scope === 'all' ? groupIdsOf(snapshot) : scope(snapshot);
        for (const groupId of ids) {
          const room = await this.acquire(meetingId, { kind: 'group', groupId }, held);
          const data: Record<string, JsonObject> = {};
          for (const root of roots) data[root] = room.doc.getMap(root).toJSON() as JsonObject;
          snapshot.group[groupId] = data;
        }
      }
      const writes = action.decide(snapshot, this.env());
      this.stats.runs++;
      if (writes.length === 0) return;
      this.stats.writes += writes.length;
      // doc by doc, in the order the action listed them; each stored before the next is written
      const byDoc = new Map<string, { ref: DocRef; writes: Write[] }>();
      for (const write of writes) {
        const key = refKey(write.doc);
        const entry = byDoc.get(key) ?? { ref: write.doc, writes: [] };
        entry.writes.push(write);
        byDoc.set(key, entry);
      }
      for (const { ref, writes: list } of byDoc.values()) {
        const room = await this.acquire(meetingId, ref, held);
        applyWrites(room.doc, list);
        await room.whenStored();
      }
    } finally {
      for (const room of held.values()) this.rooms.release(room);
    }
  }
}

/** Groups known from the control doc's group list, when an action reads every group doc. */
function groupIdsOf(snapshot: Snapshot): string[] {
  const groups = snapshot.control.groups;
  return groups ? Object.keys(groups) : [];
}
