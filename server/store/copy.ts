// Moves an installation from one store to another (LevelDB ⇄ PostgreSQL) and checks the result:
// every document's state and the whole registry must read back the same from the target.
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { loadUpdates } from './loadUpdates';
import { openStoreAt } from './open';
import { meetingOfDoc } from '../relay/docStore';
import type { RegistryDump, Store } from './types';

export interface CopyResult {
  meetings: number;
  docs: number;
}

/** The registry in one order, optional fields spelled out, so two stores' dumps compare. */
function normalised(dump: RegistryDump): RegistryDump {
  return {
    meetings: dump.meetings
      .map((m) => ({
        id: m.id,
        facilitatorKeyHash: m.facilitatorKeyHash,
        boardKeyHash: m.boardKeyHash ?? undefined,
        joinCode: m.joinCode,
        createdAt: m.createdAt,
        closed: m.closed,
        touchedAt: m.touchedAt,
        participants: [...m.participants].map((p) => ({ id: p.id, keyHash: p.keyHash, createdAt: p.createdAt })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1)),
    series: [...dump.series].map((s) => ({ meetingId: s.meetingId, series: s.series, n: s.n })).sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1)),
    plans: [...(dump.plans ?? [])]
      .map(({ meetingId, plan: p }) => ({
        meetingId,
        plan: { title: p.title, date: p.date, start: p.start, end: p.end, place: p.place, link: p.link, sequence: p.sequence, createdAt: p.createdAt, updatedAt: p.updatedAt, ...(p.forumName ? { forumName: p.forumName } : {}) },
      }))
      .sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1)),
    feeds: [...(dump.feeds ?? [])].map((f) => ({ series: f.series, hash: f.hash })).sort((a, b) => (a.series < b.series ? -1 : 1)),
    carried: [...(dump.carried ?? [])].map((c) => ({ meetingId: c.meetingId, to: c.to })).sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1)),
  };
}

/** A document's whole state as one update, read the way the relay loads it. */
async function stateOf(store: Store, name: string): Promise<Uint8Array> {
  const { doc } = loadUpdates(await store.docs.readUpdates(name));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** Copies `from` into the empty store `to` (each a DATA_DIR path or a postgres:// URL), then verifies. */
export async function copyStore(from: string, to: string, say: (line: string) => void = () => {}): Promise<CopyResult> {
  const source = await openStoreAt(from);
  let target: Store | null = null;
  try {
    target = await openStoreAt(to);
    const dump = await source.registry.dump();
    const names = await source.docs.docNames();
    if ((await target.registry.dump()).meetings.length > 0 || (await target.docs.docNames()).length > 0) {
      throw new Error('the target store is not empty');
    }
    await target.registry.restore(dump);
    say(`registry: ${dump.meetings.length} meetings, ${dump.series.length} series entries, ${dump.plans.length} planned, ${dump.feeds.length} feed keys`);
    // one meeting at a time: on PostgreSQL the copy holds the meeting's lock while writing it,
    // so it refuses a meeting a running instance serves
    const byMeeting = new Map<string, string[]>();
    for (const name of names) byMeeting.set(meetingOfDoc(name), [...(byMeeting.get(meetingOfDoc(name)) ?? []), name]);
    for (const [meetingId, docs] of byMeeting) {
      if (!(await target.locks.tryLock(meetingId))) throw new Error(`a running instance serves meeting ${meetingId.slice(0, 4)}…: stop every instance first`);
      try {
        for (const name of docs) await target.docs.storeUpdate(name, await stateOf(source, name));
      } finally {
        await target.locks.unlock(meetingId);
      }
    }
    say(`documents: ${names.length} copied`);

    // verify: read everything back from the target and compare
    if (!isDeepStrictEqual(normalised(await target.registry.dump()), normalised(dump))) throw new Error('verification failed: the registry differs');
    const copied = await target.docs.docNames();
    if (!isDeepStrictEqual([...copied].sort(), [...names].sort())) throw new Error('verification failed: the document lists differ');
    for (const name of names) {
      const [a, b] = [await stateOf(source, name), await stateOf(target, name)];
      if (Buffer.compare(Buffer.from(a), Buffer.from(b)) !== 0) throw new Error(`verification failed: a document differs (${name.slice(0, 4)}…)`);
    }
    say(`verified: registry and ${names.length} documents read back the same`);
    return { meetings: dump.meetings.length, docs: names.length };
  } finally {
    await target?.close();
    await source.close();
  }
}
