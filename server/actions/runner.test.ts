// The action runner on its own (not through sockets): per-meeting queueing, coalescing of wakes
// that arrive while a run is under way, stored-before-seen writes, and recovery on load.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { formatDocName, type DocName } from '../../common/docNames';
import { openLevelStore } from '../store/level';
import type { Store } from '../store/types';
import { Rooms, SERVER_ORIGIN } from '../relay/rooms';
import type { MeetingRegistry } from '../meetings';
import { ActionRunner } from './runner';
import type { RelayAction, Snapshot } from './types';

const silent = { info() {}, debug() {}, error() {} };
const M = 'm'.repeat(21);
const P = ['p'.repeat(21), 'q'.repeat(21)];
let dir = '';
let storage: Store | null = null;
let rooms: Rooms | null = null;

afterEach(async () => {
  await rooms?.flushAll();
  rooms?.destroyAll();
  await storage?.close();
  rooms = null;
  storage = null;
  await rm(dir, { recursive: true, force: true });
});

/** The runner's only question to the registry: who takes part in this meeting. */
const registryOf = (ids: string[]) => ({ participantIds: async () => ids }) as unknown as MeetingRegistry;

async function setUp(actions: RelayAction[], reopen = false) {
  if (!reopen) dir = await mkdtemp(path.join(tmpdir(), 'runner-test-'));
  storage = await openLevelStore(dir);
  rooms = new Rooms(storage.docs, 5, silent);
  const runner = new ActionRunner(rooms, registryOf(P), actions, silent, 4, () => ({ now: 1, randomInt: () => 0 }));
  rooms.hooks = { onLoad: (room) => runner.onLoad(room) };
  return { runner, rooms, storage };
}

const open = async (r: Rooms, name: DocName) => r.acquire(formatDocName(name), name);

/** Copies every private `answers.text` into the meeting's `answers` map; counts and records each run. */
function copyAnswers(log: Snapshot[]): RelayAction {
  return {
    name: 'copyAnswers',
    wakesOn: [{ kind: 'private', root: 'answers' }],
    reads: { meeting: ['answers'], private: { roots: ['answers'], scope: 'trigger' } },
    decide(snapshot) {
      log.push(snapshot);
      return snapshot.trigger.participantIds.flatMap((id) => {
        const text = snapshot.private[id]?.answers?.text;
        return typeof text === 'string' ? [{ doc: { kind: 'meeting' as const }, root: 'answers', op: 'set' as const, key: id, value: text }] : [];
      });
    },
  };
}

describe('the action runner', () => {
  it('wakes on a participant write, applies as the relay, and stores before it resolves', async () => {
    const runs: Snapshot[] = [];
    const { runner, rooms: r, storage: s } = await setUp([copyAnswers(runs)]);
    const meeting = await open(r, { kind: 'meeting', meetingId: M });
    const origins: unknown[] = [];
    meeting.doc.on('afterTransaction', (t: Y.Transaction) => origins.push(t.origin));
    const mine = await open(r, { kind: 'private', meetingId: M, participantId: P[0] });
    mine.doc.getMap('answers').set('text', 'Remisser');
    await runner.settle();
    expect(meeting.doc.getMap('answers').get(P[0])).toBe('Remisser');
    expect(origins).toEqual([SERVER_ORIGIN]);
    // on disk before settle() resolved: a fresh load from the store has it
    const stored = await s.docs.loadDoc(formatDocName({ kind: 'meeting', meetingId: M }));
    expect(stored.getMap('answers').get(P[0])).toBe('Remisser');
    expect(runs).toHaveLength(1);
  });

  it("never wakes on the relay's own writes (no loop)", async () => {
    const runs: Snapshot[] = [];
    const { runner, rooms: r } = await setUp([
      {
        name: 'echo',
        wakesOn: [{ kind: 'meeting', root: 'answers' }],
        reads: { meeting: ['answers'] },
        decide: (s) => {
          runs.push(s);
          return [{ doc: { kind: 'meeting' }, root: 'answers', op: 'set', key: 'echo', value: Object.keys(s.meeting.answers).length }];
        },
      },
    ]);
    const meeting = await open(r, { kind: 'meeting', meetingId: M });
    await runner.settle();
    const before = runs.length; // the first load runs it once (recovery)
    meeting.doc.getMap('answers').set('x', 1);
    await runner.settle();
    expect(runs.length).toBe(before + 1);
    expect(meeting.doc.getMap('answers').get('echo')).toBe(2);
  });

  it('coalesces wakes that arrive together into one run, each participant once', async () => {
    const runs: Snapshot[] = [];
    const { runner, rooms: r } = await setUp([copyAnswers(runs)]);
    const a = await open(r, { kind: 'private', meetingId: M, participantId: P[0] });
    const b = await open(r, { kind: 'private', meetingId: M, participantId: P[1] });
    a.doc.getMap('answers').set('text', 'one');
    a.doc.getMap('answers').set('text', 'two');
    b.doc.getMap('answers').set('text', 'three');
    await runner.settle();
    expect(runs.map((s) => [...s.trigger.participantIds].sort())).toEqual([[...P].sort()]);
    const meeting = await open(r, { kind: 'meeting', meetingId: M });
    expect(meeting.doc.getMap('answers').toJSON()).toEqual({ [P[0]]: 'two', [P[1]]: 'three' });
  });

  it('runs one at a time per meeting: a wake during a run waits for it and then runs once more', async () => {
    const runs: Snapshot[] = [];
    const { runner, rooms: r, storage: s } = await setUp([copyAnswers(runs)]);
    // hold the first run's store until the test lets it finish
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    const store = s.docs.storeUpdate.bind(s.docs);
    let holding = false;
    s.docs.storeUpdate = async (name, ...updates) => {
      if (holding) await held;
      return store(name, ...updates);
    };
    const a = await open(r, { kind: 'private', meetingId: M, participantId: P[0] });
    const b = await open(r, { kind: 'private', meetingId: M, participantId: P[1] });
    holding = true;
    a.doc.getMap('answers').set('text', 'first');
    // let the first run reach its store and wait there
    while (runs.length === 0) await new Promise((done) => setImmediate(done));
    b.doc.getMap('answers').set('text', 'during');
    a.doc.getMap('answers').set('text', 'again');
    // many turns of the event loop, no clock: a second run not chained behind the first would be here
    for (let i = 0; i < 50; i++) await new Promise((done) => setImmediate(done));
    expect(runs).toHaveLength(1);
    holding = false;
    release();
    await runner.settle();
    expect(runs.map((x) => [...x.trigger.participantIds].sort())).toEqual([[P[0]], [...P].sort()]);
    const meeting = await open(r, { kind: 'meeting', meetingId: M });
    expect(meeting.doc.getMap('answers').toJSON()).toEqual({ [P[0]]: 'again', [P[1]]: 'during' });
  });

  it('re-runs a meeting-wide action when its doc first loads, finishing what a crash cut short', async () => {
    const publish: RelayAction = {
      name: 'publish',
      wakesOn: [{ kind: 'control', root: 'settings' }],
      reads: { control: ['settings', 'published'] },
      decide: (s) =>
        s.control.settings.open === false && s.control.published.done !== true
          ? [{ doc: { kind: 'control' }, root: 'published', op: 'set', key: 'done', value: true }]
          : [],
    };
    // the facilitator's write is stored, and the process dies before the action ran
    {
      const { rooms: r } = await setUp([]);
      const control = await open(r, { kind: 'control', meetingId: M });
      control.doc.getMap('settings').set('open', false);
      await control.whenStored();
      await r.flushAll();
      r.destroyAll();
      await storage!.close();
      rooms = null;
      storage = null;
    }
    const { runner, rooms: r } = await setUp([publish], true);
    const control = await open(r, { kind: 'control', meetingId: M });
    await runner.settle();
    expect(control.doc.getMap('published').get('done')).toBe(true);
  });

  it('a wake from an id the registry does not know reaches decide() with no such participant', async () => {
    const runs: Snapshot[] = [];
    const { runner, rooms: r } = await setUp([copyAnswers(runs)]);
    const stranger = await open(r, { kind: 'private', meetingId: M, participantId: 'x'.repeat(21) });
    stranger.doc.getMap('answers').set('text', 'intruder');
    await runner.settle();
    expect(runs.every((s) => s.trigger.participantIds.length === 0)).toBe(true);
    const meeting = await open(r, { kind: 'meeting', meetingId: M });
    expect(meeting.doc.getMap('answers').size).toBe(0);
  });

  it('an action that throws is logged and does not stop the next one in the queue', async () => {
    const errors: string[] = [];
    dir = await mkdtemp(path.join(tmpdir(), 'runner-test-'));
    storage = await openLevelStore(dir);
    rooms = new Rooms(storage.docs, 5, silent);
    const runs: Snapshot[] = [];
    const boom: RelayAction = { name: 'boom', wakesOn: [{ kind: 'private', root: 'answers' }], reads: {}, decide: () => { throw new Error('boom'); } };
    const runner = new ActionRunner(rooms, registryOf(P), [boom, copyAnswers(runs)], { ...silent, error: (m: string, f?: Record<string, unknown>) => errors.push(`${m} ${String(f?.action)}`) }, 4);
    rooms.hooks = { onLoad: (room) => runner.onLoad(room) };
    const mine = await open(rooms, { kind: 'private', meetingId: M, participantId: P[1] });
    mine.doc.getMap('answers').set('text', 'still copied');
    await runner.settle();
    expect(errors).toEqual(['relay action failed boom']);
    const meeting = await open(rooms, { kind: 'meeting', meetingId: M });
    expect(meeting.doc.getMap('answers').get(P[1])).toBe('still copied');
  });
});
