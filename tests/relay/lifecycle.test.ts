// A meeting's life cycle over real sockets: close/reopen, delete, key replacement, retention,
// archive import and a backup taken while the relay runs.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, controlDocName, groupDocName, meetingDocName } from '../../common/docNames';
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, createArchive } from '../../common/archive';
import type { JsonRoots } from '../../common/json';
import { buildSummary } from '../../common/summary';
import pg from 'pg';
import { addParticipant, api, createMeeting, makeTempDir, openRaw, relayForEachTest, removeDir, roundTrip, sleep, startRelay, TEST_STORE, waitFor, type TestRelay } from './helpers';

const ctx = relayForEachTest();
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/**
 * Everything the relay's store holds, as latin1 text: every byte of the LevelDB data files (tables
 * and logs) under DATA_DIR, or every row of the PostgreSQL tables.
 */
async function storedText(relay: TestRelay): Promise<string> {
  if (relay.databaseUrl) {
    const db = new pg.Client({ connectionString: relay.databaseUrl });
    await db.connect();
    try {
      let out = '';
      for (const row of (await db.query<{ data: Buffer }>('SELECT data FROM doc_updates')).rows) out += row.data.toString('latin1');
      for (const table of ['meetings', 'participants', 'series_members']) {
        for (const row of (await db.query(`SELECT * FROM ${table}`)).rows) out += JSON.stringify(row);
      }
      return out;
    } finally {
      await db.end();
    }
  }
  return diskText(relay.dataDir);
}

/** Every byte of the LevelDB data files (tables and logs) under a directory, as latin1 text. */
async function diskText(dir: string): Promise<string> {
  let out = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    // MANIFEST files keep key ranges of tables that once existed, never values
    if (entry.isFile() && /\.(ldb|log|sst)$/.test(entry.name)) out += (await readFile(path.join(entry.parentPath, entry.name))).toString('latin1');
  }
  return out;
}

const rootsOf = (doc: Y.Doc): JsonRoots =>
  Object.fromEntries([...doc.share.keys()].map((name) => [name, doc.getMap(name).toJSON()])) as JsonRoots;

describe('closing a meeting', () => {
  it('makes it read-only for everyone, the facilitator included, until reopened', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url);
    const p = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
    const facilitator = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const watcher = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), p.participantKey);
    const reader = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), p.participantKey);
    await Promise.all([facilitator.synced, watcher.synced, reader.synced]);

    const closed = await api(relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(closed).toEqual({ status: 200, body: { closed: true } });
    // every screen learns it from the control doc, written by the relay
    await waitFor(() => watcher.doc.getMap('lifecycle').get('closed') === true);

    facilitator.doc.getMap('notes').set('late', new Y.Map());
    await sleep(300);
    expect(reader.doc.getMap('notes').has('late')).toBe(false);
    const join = await api(relay.url, `/api/meetings/${m.meetingId}/participants`, { method: 'POST', body: { name: 'Bo', organisation: 'Kommun' } });
    expect(join.status).toBe(423);

    const reopened = await api(relay.url, `/api/meetings/${m.meetingId}/reopen`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(reopened.body).toEqual({ closed: false });
    await waitFor(() => watcher.doc.getMap('lifecycle').get('closed') === false);
    facilitator.doc.getMap('notes').set('after', new Y.Map());
    await waitFor(() => reader.doc.getMap('notes').has('after'));
  });

  it('stays closed after a restart', async () => {
    const m = await createMeeting(ctx.relay.url);
    await api(ctx.relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    const again = await ctx.relay.restart();
    try {
      expect(again.server.lifecycle.isClosed(m.meetingId)).toBe(true);
    } finally {
      await again.stop();
    }
  });

  it('is for the facilitator only', async () => {
    const m = await createMeeting(ctx.relay.url);
    const p = await addParticipant(ctx.relay.url, m.meetingId);
    const res = await api(ctx.relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST', headers: bearer(p.participantKey) });
    expect(res.status).toBe(403);
    expect((await api(ctx.relay.url, `/api/meetings/${m.meetingId}/close`, { method: 'POST' })).status).toBe(401);
  });
});

describe('deleting a meeting', () => {
  it('closes its sockets and removes its documents, keys and join code from disk and memory', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Raderas-Unik-Titel');
    const p = await addParticipant(relay.url, m.meetingId, 'Annabella Unikasson', 'Region');
    const marker = 'HEMLIG-ANTECKNING-' + 'x'.repeat(12);
    const facilitator = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await facilitator.synced;
    const note = new Y.Map<unknown>();
    facilitator.doc.getMap('notes').set('n1', note);
    note.set('text', marker);
    const raw = openRaw(relay.wsUrl, controlDocName(m.meetingId), p.participantKey);
    await raw.opened;
    await relay.server.settle();
    expect(await storedText(relay)).toContain(marker);
    expect(await storedText(relay)).toContain('Annabella Unikasson');
    expect(await storedText(relay)).toContain('Raderas-Unik-Titel');

    const res = await api(relay.url, `/api/meetings/${m.meetingId}`, { method: 'DELETE', headers: bearer(m.facilitatorKey) });
    expect(res.status).toBe(204);
    expect((await raw.closed).code).toBe(CloseCode.revoked);
    expect((await api(relay.url, `/api/join/${m.joinCode}`)).status).toBe(404);
    const again = openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    expect((await again.closed).code).toBe(CloseCode.unknownMeeting);
    facilitator.destroy();
    await relay.server.settle();
    await waitFor(() => relay.server.stats().docsInMemory === 0);

    const disk = await storedText(relay);
    expect(disk).not.toContain(marker);
    expect(disk).not.toContain('Raderas-Unik-Titel');
    // ids and the join code may stay in LevelDB's deletion markers (keys, no content) until it compacts them
    expect(disk).not.toContain('Annabella Unikasson');
  });
});

describe('replacing the facilitator key', () => {
  it('stops the old key at once and closes its sockets; the new one works', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url);
    const old = openRaw(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await old.opened;
    const res = await api<{ facilitatorKey: string }>(relay.url, `/api/meetings/${m.meetingId}/facilitator-key`, {
      method: 'POST',
      headers: bearer(m.facilitatorKey),
    });
    expect(res.status).toBe(200);
    expect(res.body.facilitatorKey).not.toBe(m.facilitatorKey);
    expect((await old.closed).code).toBe(CloseCode.revoked);
    expect((await openRaw(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey).closed).code).toBe(CloseCode.badKey);
    const fresh = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), res.body.facilitatorKey);
    await fresh.synced;
    expect(fresh.doc.getMap('meeting').get('joinCode')).toBe(m.joinCode);
  });
});

describe('retention', () => {
  it('deletes meetings untouched for RETENTION_DAYS and keeps the rest', async () => {
    const { relay } = ctx;
    const stale = await createMeeting(relay.url);
    const now = Date.now();
    expect(await relay.server.lifecycle.sweep(30, now)).toBe(0);
    expect(await relay.server.lifecycle.sweep(30, now + 31 * 24 * 3600 * 1000)).toBe(1);
    expect((await api(relay.url, `/api/join/${stale.joinCode}`)).status).toBe(404);
  });

  it('is off by default', async () => {
    expect(ctx.relay.config.retentionDays ?? 0).toBe(0);
  });
});

describe('archive import', () => {
  async function exportedArchive() {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum <script>');
    await addParticipant(relay.url, m.meetingId, 'Åsa', '=HYPERLINK("http://x")');
    const control = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    const meeting = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([control.synced, meeting.synced]);
    const cluster = new Y.Map<unknown>();
    meeting.doc.getMap('clusters').set('c1', cluster);
    for (const [k, v] of Object.entries({ id: 'c1', name: '# Rubrik', order: 'a0', parked: false, handOverTo: '', createdAt: 1 })) cluster.set(k, v);
    const note = new Y.Map<unknown>();
    meeting.doc.getMap('notes').set('n1', note);
    for (const [k, v] of Object.entries({ id: 'n1', text: '-2+3 👍', clusterId: 'c1', parked: false, order: 'a0', createdAt: 2 })) note.set(k, v);
    control.doc.getMap('summary').set('conclusion', 'Vi kom fram till något');
    const group = new Y.Map<unknown>();
    control.doc.getMap('groups').set('g1', group);
    for (const [k, v] of Object.entries({ id: 'g1', name: 'Grupp <b>1</b>', order: 'a0', areaId: 'c1' })) group.set(k, v);
    const groupDoc = ctx.connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), m.facilitatorKey);
    await groupDoc.synced;
    const answer = new Y.Map<unknown>();
    groupDoc.doc.getMap('answers').set('a1', answer);
    for (const [k, v] of Object.entries({ id: 'a1', question: 'why', text: new Y.Text('=HYPERLINK("http://x","y") för att'), order: 'a0', createdAt: 3 })) answer.set(k, v);
    await relay.server.settle();
    const groups = { g1: rootsOf(groupDoc.doc), removed: { answers: { a9: { id: 'a9', question: 'why', text: 'gone', order: 'a0', createdAt: 1 } } } };
    return { m, archive: createArchive(rootsOf(meeting.doc), rootsOf(control.doc), '2026-11-28T12:00:00Z', groups) };
  }

  it('restores an archive as a new meeting with new ids and keys, equal in content', async () => {
    const { relay } = ctx;
    const { m, archive } = await exportedArchive();
    const res = await api(relay.url, '/api/import', { method: 'POST', body: archive });
    expect(res.status).toBe(201);
    expect(res.body.meetingId).not.toBe(m.meetingId);
    expect(res.body.facilitatorKey).not.toBe(m.facilitatorKey);
    expect(res.body.joinCode).not.toBe(m.joinCode);
    const control = ctx.connect(relay.wsUrl, controlDocName(res.body.meetingId), res.body.facilitatorKey);
    const meeting = ctx.connect(relay.wsUrl, meetingDocName(res.body.meetingId), res.body.facilitatorKey);
    const group = ctx.connect(relay.wsUrl, groupDocName(res.body.meetingId, 'g1'), res.body.facilitatorKey);
    await Promise.all([control.synced, meeting.synced, group.synced]);
    const src = (a: { meeting: JsonRoots; control: JsonRoots; groups?: Record<string, JsonRoots> }) =>
      buildSummary({ ...a, groupDocs: a.groups, date: '2026-11-28', language: 'sv' });
    const reimported = createArchive(rootsOf(meeting.doc), rootsOf(control.doc), archive.exportedAt, { g1: rootsOf(group.doc) });
    expect(src(reimported)).toEqual(src(archive));
    expect(src(reimported).clusters[0].notes[0].text).toBe('-2+3 👍');
    // each group's answers come back in the new meeting's group document, still co-editable text
    expect(archive.groups).not.toHaveProperty('removed');
    expect(src(reimported).groups).toEqual([{ name: 'Grupp <b>1</b>', area: '# Rubrik', why: '=HYPERLINK("http://x","y") för att', what: '', forWhom: '', solutions: '' }]);
    expect((group.doc.getMap('answers').get('a1') as Y.Map<unknown>).get('text')).toBeInstanceOf(Y.Text);
    expect(control.doc.getMap('meeting').get('joinCode')).toBe(res.body.joinCode);
    // the old participants' keys do not come along: nobody can speak for them in the copy
    expect((await openRaw(relay.wsUrl, meetingDocName(res.body.meetingId), m.facilitatorKey).closed).code).toBe(CloseCode.badKey);
  });

  it('refuses broken and hostile files with a clear message', async () => {
    const { relay } = ctx;
    const base = { format: ARCHIVE_FORMAT, version: ARCHIVE_VERSION, exportedAt: '2026-11-28', meeting: {}, control: {} };
    const cases: [string | object, RegExp][] = [
      ['{not json', /not valid JSON/],
      [{ ...base, format: 'other' }, /not a Samverkansverkstad meeting archive/],
      [{ ...base, version: 99 }, /version 99/],
      [{ ...base, meeting: { evil: {} } }, /unknown part "evil"/],
      ['{"format":"samverkansverkstad-meeting","version":1,"exportedAt":"x","meeting":{"notes":{"__proto__":{"x":1}}},"control":{}}', /key that is not allowed/],
      [{ ...base, meeting: { notes: { n1: { text: 'x'.repeat(20_001) } } } }, /longer than/],
      [{ ...base, control: { meeting: { a: { b: { c: { d: { e: { f: {} } } } } } } } }, /nested too deeply/],
      [{ ...base, groups: { g1: { answers: {} } } }, /group the meeting does not have/],
      [{ ...base, control: { groups: { g1: { id: 'g1' } } }, groups: { g1: { notes: {} } } }, /unknown part "notes"/],
      [{ ...base, version: 1, control: { groups: { g1: { id: 'g1' } } }, groups: { g1: { answers: {} } } }, /version 1 archive has no groups/],
    ];
    for (const [body, message] of cases) {
      const res = await api(relay.url, '/api/import', { method: 'POST', rawBody: typeof body === 'string' ? body : JSON.stringify(body) });
      expect(res.status, String(message)).toBe(400);
      expect(res.body.error).toMatch(message);
    }
  });
});

describe('backup', () => {
  it('copies the data while the relay runs into a directory another relay opens', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Säkerhetskopia');
    const writer = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await writer.synced;
    writer.doc.getMap('clusters').set('c1', new Y.Map());
    await relay.server.settle();
    const token = (await readFile(path.join(relay.dataDir, 'admin-token'), 'utf8')).trim();
    const target = path.join(await makeTempDir('backup-test-'), 'copy');
    try {
      expect((await api(relay.url, '/api/admin/backup', { method: 'POST', body: { dir: target }, headers: bearer('wrong') })).status).toBe(401);
      const res = await api(relay.url, '/api/admin/backup', { method: 'POST', body: { dir: target }, headers: bearer(token) });
      if (TEST_STORE === 'postgres') {
        // PostgreSQL is backed up with its own tools; the relay says so instead of copying a DATA_DIR
        expect(res.status).toBe(409);
        expect(res.body.error).toContain('pg_dump');
        return;
      }
      expect(res.status).toBe(200);
      expect(res.body.docs).toBeGreaterThan(0);
      const restored = await startRelay({}, target);
      try {
        const reader = ctx.connect(restored.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
        await reader.synced;
        expect(reader.doc.getMap('clusters').has('c1')).toBe(true);
        expect((await api(restored.url, `/api/join/${m.joinCode}`)).body).toEqual({ meetingId: m.meetingId });
      } finally {
        await restored.stop();
      }
    } finally {
      await removeDir(path.dirname(target));
    }
  });
});

describe('planning the next meeting', () => {
  it('carries forum, expected organisations, agenda, parking lot and open next steps into a new meeting with a follow-up phase', async () => {
    const { relay } = ctx;
    const m = await createMeeting(relay.url, 'Forum Norr');
    const control = ctx.connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    const meeting = ctx.connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([control.synced, meeting.synced]);
    const put = (doc: Y.Doc, root: string, id: string, fields: Record<string, unknown>) => {
      const item = new Y.Map<unknown>();
      doc.getMap(root).set(id, item);
      for (const [k, v] of Object.entries(fields)) item.set(k, v);
    };
    control.doc.getMap('meeting').set('forumName', 'Samverkan Nord');
    put(control.doc, 'expectedOrgs', 'o1', { id: 'o1', name: 'Primärvården', order: 'a0' });
    put(control.doc, 'agenda', 'a1', { id: 'a1', text: 'Uppföljning', order: 'a0', proposalId: null });
    put(meeting.doc, 'notes', 'n1', { id: 'n1', text: 'Lokalfrågan', parked: true, handOverTo: 'Fastighet', clusterId: null, order: 'a0' });
    put(meeting.doc, 'nextSteps', 's1', { id: 's1', what: 'Kartlägg', ownerKind: 'text', ownerText: 'Åsa', due: '2027-03-01', mandate: 'decide', status: 'notStarted', order: 'a0' });
    put(meeting.doc, 'nextSteps', 's2', { id: 's2', what: 'Redan klart', ownerKind: 'text', ownerText: 'Bo', due: '', mandate: 'decide', status: 'done', order: 'a1' });
    // every field written has reached the relay (each was its own update on the wire), then its actions ran
    await Promise.all([roundTrip(control), roundTrip(meeting)]);
    await relay.server.settle();

    const res = await api(relay.url, `/api/meetings/${m.meetingId}/next`, { method: 'POST', headers: bearer(m.facilitatorKey) });
    expect(res.status).toBe(201);
    const next = res.body as { meetingId: string; facilitatorKey: string; joinCode: string };
    expect(next.meetingId).not.toBe(m.meetingId);
    const c2 = ctx.connect(relay.wsUrl, controlDocName(next.meetingId), next.facilitatorKey);
    const m2 = ctx.connect(relay.wsUrl, meetingDocName(next.meetingId), next.facilitatorKey);
    await Promise.all([c2.synced, m2.synced]);
    const info = c2.doc.getMap('meeting').toJSON();
    expect(info).toMatchObject({ forumName: 'Samverkan Nord', seriesId: m.meetingId, previousMeetingId: m.meetingId, joinCode: next.joinCode });
    expect(c2.doc.getMap('expectedOrgs').toJSON()).toEqual({ o1: { id: 'o1', name: 'Primärvården', order: 'a0' } });
    expect(Object.values(c2.doc.getMap('agenda').toJSON()).map((a) => (a as { text: string }).text)).toEqual(['Uppföljning']);
    const phases = c2.doc.getMap('phase').get('phases') as string[];
    expect(phases.slice(0, 3)).toEqual(['setup', 'checkin', 'followup']);
    const followup = c2.doc.getMap('followup').toJSON() as Record<string, { what: string; status: string; history: unknown[] }>;
    expect(Object.keys(followup)).toEqual(['s1']);
    expect(followup.s1).toMatchObject({ what: 'Kartlägg', status: 'carried' });
    expect(followup.s1.history).toHaveLength(1);
    const parked = Object.values(m2.doc.getMap('notes').toJSON()) as { text: string; parked: boolean; handOverTo: string }[];
    expect(parked).toEqual([expect.objectContaining({ text: 'Lokalfrågan', parked: true, handOverTo: 'Fastighet' })]);
  });
});
