import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, sleep, startRelay, waitFor, type DocClient, type TestRelay } from './helpers';
import { Defaults } from '../../common/records';

let relay: TestRelay;
const clients: DocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const client = connectDoc(...args);
  clients.push(client);
  return client;
};

beforeEach(async () => {
  relay = await startRelay();
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

describe('meeting doc', () => {
  it('the facilitator’s edits in the meeting doc reach every participant; a participant’s own writes there reach no one', async () => {
    const m = await createMeeting(relay.url);
    const a = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
    const b = await addParticipant(relay.url, m.meetingId, 'Bo', 'Kommun');
    const cf = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const ca = connect(relay.wsUrl, meetingDocName(m.meetingId), a.participantKey);
    const cb = connect(relay.wsUrl, meetingDocName(m.meetingId), b.participantKey);
    await Promise.all([cf.synced, ca.synced, cb.synced]);
    ca.doc.getMap('clusters').set('c1', 'from Anna');
    cf.doc.getMap('clusters').set('c2', 'from the facilitator');
    await waitFor(() => ca.doc.getMap('clusters').get('c2') === 'from the facilitator' && cb.doc.getMap('clusters').get('c2') === 'from the facilitator');
    await sleep(100);
    expect(cb.doc.getMap('clusters').has('c1')).toBe(false);
    expect(cf.doc.getMap('clusters').has('c1')).toBe(false);
  });

  it('awareness of one client reaches the others and is removed when it leaves', async () => {
    const m = await createMeeting(relay.url);
    const a = await addParticipant(relay.url, m.meetingId);
    const ca = connect(relay.wsUrl, meetingDocName(m.meetingId), a.participantKey);
    const cf = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([ca.synced, cf.synced]);
    ca.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const annaId = ca.doc.clientID;
    await waitFor(() => (cf.provider.awareness.getStates().get(annaId) as any)?.user?.name === 'Anna');
    ca.provider.disconnect();
    await waitFor(() => !cf.provider.awareness.getStates().has(annaId), { message: 'awareness removed' });
  });
});

describe('control doc', () => {
  it('a participant’s write to the control doc is dropped while the facilitator’s reaches everyone', async () => {
    const m = await createMeeting(relay.url, 'Samverkan');
    const a = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
    const b = await addParticipant(relay.url, m.meetingId, 'Bo', 'Kommun');
    const name = controlDocName(m.meetingId);
    const fac = connect(relay.wsUrl, name, m.facilitatorKey);
    const pa = connect(relay.wsUrl, name, a.participantKey);
    const pb = connect(relay.wsUrl, name, b.participantKey);
    await Promise.all([fac.synced, pa.synced, pb.synced]);
    expect(pa.doc.getMap('meeting').get('title')).toBe('Samverkan');
    expect(pa.doc.getMap('phase').get('current')).toBe('setup');

    pa.doc.getMap('phase').set('current', 'summary');
    pa.doc.getMap('meeting').set('title', 'hijacked');
    // the facilitator's write is the marker: once it arrived, the earlier participant write would have too
    fac.doc.getMap('phase').set('current', 'checkin');
    // (the writer's own copy may keep its local write: the relay drops it, Yjs does not undo it)
    await waitFor(() => pb.doc.getMap('phase').get('current') === 'checkin', { message: 'facilitator write everywhere' });
    await sleep(50);
    expect(fac.doc.getMap('meeting').get('title')).toBe('Samverkan');
    expect(pb.doc.getMap('meeting').get('title')).toBe('Samverkan');
    expect(fac.doc.getMap('phase').get('current')).toBe('checkin');

    for (const c of clients.splice(0)) c.destroy();
    relay = await relay.restart();
    const again = connect(relay.wsUrl, name, m.facilitatorKey);
    await again.synced;
    expect(again.doc.getMap('meeting').get('title')).toBe('Samverkan');
    expect(again.doc.getMap('phase').get('current')).toBe('checkin');
  });

  it('the control doc starts with the meeting defaults', async () => {
    const m = await createMeeting(relay.url, '  Vårmöte  ');
    const c = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await c.synced;
    const get = (root: string) => c.doc.getMap(root).toJSON();
    expect(get('meeting')).toEqual({ title: 'Vårmöte', purpose: '', forumName: '', joinCode: m.joinCode });
    expect(get('phase').current).toBe('setup');
    expect(get('phase').phases[0]).toBe('setup');
    // the same defaults the client reads a missing field as (common/records.ts)
    expect(get('gathering')).toEqual(Defaults.gathering);
    expect(get('gathering').groupCount).toBe(3);
    expect(get('clustering')).toEqual({ participantsMayMove: false });
    expect(get('board')).toEqual({ prompt: null, showRules: false, joinHidden: false });
    expect(get('timer')).toEqual({ status: 'idle', durationMs: 300000 });
    expect(get('checkin')).toEqual({ question: '', order: [], current: null, spoken: [], speakerSeconds: 0, speakerStartedAt: null });
  });

  it('joining through the API adds the participant to the control doc of connected clients', async () => {
    const m = await createMeeting(relay.url);
    const fac = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await fac.synced;
    const p = await addParticipant(relay.url, m.meetingId, ' Karin ', 'Primärvården');
    await waitFor(() => fac.doc.getMap<Y.Map<unknown>>('participants').get(p.participantId)?.get('name') === 'Karin');
    const entry = fac.doc.getMap<Y.Map<unknown>>('participants').get(p.participantId)!;
    expect(entry.get('id')).toBe(p.participantId);
    expect(entry.get('organisation')).toBe('Primärvården');
    expect(typeof entry.get('joinedAt')).toBe('number');
  });
});

describe('private docs and inbox', () => {
  it('a participant cannot open another participant’s private doc or the inbox; the facilitator opens the inbox but no private doc', async () => {
    const m = await createMeeting(relay.url);
    const a = await addParticipant(relay.url, m.meetingId);
    const b = await addParticipant(relay.url, m.meetingId);
    const stolen = connect(relay.wsUrl, privateDocName(m.meetingId, b.participantId), a.participantKey);
    expect(await stolen.closed).toBe(4403);
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), a.participantKey);
    expect(await inbox.closed).toBe(4403);

    const own = connect(relay.wsUrl, privateDocName(m.meetingId, b.participantId), b.participantKey);
    await own.synced;
    own.doc.getMap('scratch').set('x', 1);
    const facPrivate = connect(relay.wsUrl, privateDocName(m.meetingId, b.participantId), m.facilitatorKey);
    expect(await facPrivate.closed).toBe(4403);
    const facInbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await facInbox.synced;
    // the participant's second device (a reload) gets what it wrote
    const again = connect(relay.wsUrl, privateDocName(m.meetingId, b.participantId), b.participantKey);
    await waitFor(() => again.doc.getMap('scratch').get('x') === 1);
  });

  it('writes to the inbox are dropped, even the facilitator’s', async () => {
    const m = await createMeeting(relay.url);
    const f1 = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await f1.synced;
    f1.doc.getMap('notes').set('fake', 'x');
    await sleep(100);
    const f2 = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await f2.synced;
    await sleep(50);
    expect(f2.doc.getMap('notes').has('fake')).toBe(false);
  });
});
