// store:copy moves an installation LevelDB → PostgreSQL → LevelDB and verifies every document and
// the registry; the result is served by a relay as the original was.
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { copyStore } from '../../server/store/copy';
import { openStoreAt } from '../../server/store/open';
import { addParticipant, api, connectDoc, createMeeting, freshDatabaseUrl, makeTempDir, removeDir, ROOT, startRelay, waitFor, writeDraft, type DocClient, type TestRelay } from '../relay/helpers';

const run = promisify(execFile);
const clients: DocClient[] = [];
const relays: TestRelay[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of relays.splice(0)) await r.stop();
  for (const d of dirs.splice(0)) await removeDir(d);
});

function connect(...args: Parameters<typeof connectDoc>): DocClient {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
}

/** Every doc's state and the registry, as a store holds them. */
async function contents(where: string) {
  const store = await openStoreAt(where);
  try {
    const docs: Record<string, string> = {};
    for (const name of (await store.docs.docNames()).sort()) {
      const doc = new Y.Doc();
      for (const u of await store.docs.readUpdates(name)) Y.applyUpdate(doc, u);
      docs[name] = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('base64');
    }
    const registry = await store.registry.dump();
    registry.meetings.sort((a, b) => (a.id < b.id ? -1 : 1));
    const byId = <T extends { meetingId: string }>(list: T[]) => [...list].sort((a, b) => (a.meetingId < b.meetingId ? -1 : 1));
    return {
      docs,
      meetings: registry.meetings.map((m) => ({ ...m, boardKeyHash: m.boardKeyHash ?? null })),
      series: byId(registry.series),
      plans: byId(registry.plans),
      feeds: registry.feeds,
      carried: byId(registry.carried),
    };
  } finally {
    await store.close();
  }
}

describe('store:copy', () => {
  it('moves an installation from LevelDB to PostgreSQL and back with every document and the registry the same', async () => {
    const source = await makeTempDir();
    dirs.push(source);
    // a real installation: meetings, a participant and their private doc, a series, a closed meeting
    const relay = await startRelay({}, source, 'level');
    relays.push(relay);
    const m = await createMeeting(relay.url, 'Kopieras');
    const p = await addParticipant(relay.url, m.meetingId, 'Åsa');
    const priv = connect(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([priv.synced, control.synced, meeting.synced]);
    writeDraft(priv.doc, 'en lapp som följer med');
    meeting.doc.getMap('clusters').set('c1', 'kluster');
    await waitFor(() => control.doc.getMap('noteCounts').get(p.participantId) === 1);
    const bearer = { authorization: `Bearer ${m.facilitatorKey}` };
    const next = await api(relay.url, `/api/meetings/${m.meetingId}/next`, { method: 'POST', headers: bearer, body: {} });
    expect(next.status).toBe(201);
    // the term: a planned meeting (its plan, the carried marker) and the series' calendar feed key hash
    const term = await api(relay.url, `/api/meetings/${m.meetingId}/term`, { method: 'POST', headers: bearer, body: { meetings: [{ title: 'Vårmötet', date: '2099-03-01', start: '09:00', place: 'Rådhuset' }] } });
    expect(term.status).toBe(201);
    const feed = await api(relay.url, `/api/meetings/${m.meetingId}/feed-key`, { method: 'POST', headers: bearer });
    expect(feed.status).toBe(200);
    const { feedPath } = feed.body as { feedPath: string };
    expect((await api(relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: bearer })).status).toBe(200);
    for (const c of clients.splice(0)) c.destroy();
    await relay.stop();

    const original = await contents(source);
    expect(original.meetings).toHaveLength(3);
    expect(original.plans).toEqual([expect.objectContaining({ plan: expect.objectContaining({ title: 'Vårmötet', date: '2099-03-01', place: 'Rådhuset', sequence: 0 }) })]);
    expect(original.feeds).toHaveLength(1);
    expect(Object.keys(original.docs).length).toBeGreaterThanOrEqual(5);

    // LevelDB → PostgreSQL through the npm script, as an operator runs it
    const database = await freshDatabaseUrl();
    const { stdout } = await run('npm', ['run', '--silent', 'store:copy', '--', source, database], { cwd: ROOT });
    expect(stdout).toMatch(/3 meetings and \d+ documents copied and verified/);
    expect(await contents(database)).toEqual(original);
    // a second copy into a store that has data is refused
    await expect(copyStore(source, database)).rejects.toThrow(/not empty/);

    // and back: PostgreSQL → a new DATA_DIR
    const back = path.join(await makeTempDir(), 'data');
    dirs.push(path.dirname(back));
    const result = await copyStore(database, back);
    expect(result).toEqual({ meetings: 3, docs: Object.keys(original.docs).length });
    expect(await contents(back)).toEqual(original);

    // the copy is served: the closed meeting, its notes, its join code
    const again = await startRelay({}, back, 'level');
    relays.push(again);
    const reopened = connect(again.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await reopened.synced;
    expect(reopened.doc.getMap('clusters').get('c1')).toBe('kluster');
    expect((await api(again.url, `/api/join/${m.joinCode}`)).status).toBe(200);
    // the feed address made before the copies still answers with the planned meeting
    const calendar = await fetch(`${again.url}${feedPath}`);
    expect(calendar.status).toBe(200);
    expect(await calendar.text()).toContain('SUMMARY:Vårmötet');
    const status = await api(again.url, `/api/meetings/${m.meetingId}/participants`, { method: 'POST', body: { name: 'Sen', organisation: 'Kommun' } });
    expect(status.status).toBe(423);
  }, 60_000);
});
