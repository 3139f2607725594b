// The write model, tried with hand-made clients (raw y-protocols frames over ws, not the app's
// code): a participant key and the board key write nothing shared; contributions go through the
// private doc and the relay's actions; a group doc takes writes from its members only.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode, controlDocName, groupDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import {
  addParticipant,
  api,
  connectDoc,
  createMeeting,
  openRaw,
  rawDocClient,
  sleep,
  startRelay,
  waitFor,
  writeDraft,
  type DocClient,
  type RawDocClient,
  type TestRelay,
} from './helpers';

let relay: TestRelay | null = null;
const clients: DocClient[] = [];
const raws: RawDocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};
const rawClient = (...args: Parameters<typeof rawDocClient>) => {
  const c = rawDocClient(...args);
  raws.push(c);
  return c;
};
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  for (const r of raws.splice(0)) r.raw.ws.terminate();
  await relay?.dispose();
  relay = null;
});

const json = (doc: Y.Doc, ...roots: string[]) => JSON.stringify(roots.map((r) => doc.getMap(r).toJSON()));
const MEETING_ROOTS = ['notes', 'clusters', 'checkin', 'agendaProposals'];
const CONTROL_ROOTS = ['phase', 'gathering', 'participants', 'meeting', 'groupMembers', 'noteCounts'];

/** A meeting after the reveal: Bo's and Anna's notes on the board, a cluster, Bo's check-in answer and proposal. */
async function revealedMeeting(r: TestRelay) {
  const m = await createMeeting(r.url);
  const anna = await addParticipant(r.url, m.meetingId, 'Anna', 'Region');
  const bo = await addParticipant(r.url, m.meetingId, 'Bo', 'Kommun');
  const control = connect(r.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = connect(r.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  const boPrivate = connect(r.wsUrl, privateDocName(m.meetingId, bo.participantId), bo.participantKey);
  const annaPrivate = connect(r.wsUrl, privateDocName(m.meetingId, anna.participantId), anna.participantKey);
  await Promise.all([control.synced, meeting.synced, boPrivate.synced, annaPrivate.synced]);
  const bosNote = writeDraft(boPrivate.doc, 'Bos lapp');
  const annasNote = writeDraft(annaPrivate.doc, 'Annas lapp');
  boPrivate.doc.transact(() => {
    const checkin = boPrivate.doc.getMap('checkin');
    checkin.set('text', 'Bo är pigg');
    checkin.set('passed', false);
    checkin.set('updatedAt', 1);
    const proposal = new Y.Map<unknown>();
    proposal.set('id', 'prop-bo');
    proposal.set('text', 'Bos punkt');
    proposal.set('createdAt', 1);
    boPrivate.doc.getMap('proposals').set('prop-bo', proposal);
  });
  annaPrivate.doc.transact(() => {
    const proposal = new Y.Map<unknown>();
    proposal.set('id', 'prop-anna');
    proposal.set('text', 'Annas punkt');
    proposal.set('createdAt', 1);
    annaPrivate.doc.getMap('proposals').set('prop-anna', proposal);
  });
  await waitFor(() => control.doc.getMap('noteCounts').get(bo.participantId) === 1 && control.doc.getMap('noteCounts').get(anna.participantId) === 1);
  control.doc.getMap('gathering').set('revealed', true);
  await waitFor(() => meeting.doc.getMap('notes').size === 2, { message: 'notes revealed' });
  meeting.doc.transact(() => {
    const cluster = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'c1', name: 'Vårdövergångar', order: 'a0', parked: false, handOverTo: '', createdAt: 1 })) cluster.set(k, v);
    meeting.doc.getMap('clusters').set('c1', cluster);
    (meeting.doc.getMap('notes').get(bosNote) as Y.Map<unknown>).set('clusterId', 'c1');
  });
  await waitFor(
    () =>
      (meeting.doc.getMap('checkin').get(bo.participantId) as Y.Map<unknown> | undefined)?.get('text') === 'Bo är pigg' &&
      meeting.doc.getMap('agendaProposals').size === 2,
    { message: 'check-in answer and proposals through the relay' },
  );
  await r.server.settle();
  return { m, anna, bo, control, meeting, bosNote, annasNote };
}

describe('participants write only through the relay', () => {
  it('a hand-made client with a participant key cannot delete, rewrite, rename, overwrite or accept anything shared; nothing changes anywhere, after a restart too, and its socket keeps receiving', async () => {
    relay = await startRelay();
    const { m, anna, bo, control, meeting, bosNote } = await revealedMeeting(relay);
    const observer = connect(relay.wsUrl, meetingDocName(m.meetingId), bo.participantKey);
    await observer.synced;
    const before = { meeting: json(meeting.doc, ...MEETING_ROOTS), control: json(control.doc, ...CONTROL_ROOTS) };

    const attacker = rawClient(relay.wsUrl, meetingDocName(m.meetingId), anna.participantKey);
    await attacker.synced;
    const attackerControl = rawClient(relay.wsUrl, controlDocName(m.meetingId), anna.participantKey);
    await attackerControl.synced;
    attacker.write((d) => d.getMap('notes').delete(bosNote));
    attacker.write((d) => (d.getMap('notes').get(bosNote) as Y.Map<unknown> | undefined)?.set('text', 'omskriven'));
    attacker.write((d) => {
      const note = new Y.Map<unknown>();
      note.set('text', 'falsk');
      d.getMap('notes').set(bosNote, note);
    });
    attacker.write((d) => (d.getMap('clusters').get('c1') as Y.Map<unknown>).set('name', 'Kapad'));
    attacker.write((d) => d.getMap('clusters').delete('c1'));
    attacker.write((d) => (d.getMap('checkin').get(bo.participantId) as Y.Map<unknown>).set('text', 'Bo är trött'));
    attacker.write((d) => (d.getMap('agendaProposals').get('prop-anna') as Y.Map<unknown>).set('status', 'accepted'));
    attackerControl.write((d) => d.getMap('phase').set('current', 'summary'));
    attackerControl.write((d) => d.getMap('gathering').set('showAuthors', true));
    attackerControl.write((d) => d.getMap('groupMembers').set(anna.participantId, 'g1'));
    await sleep(200);
    await relay.server.settle();

    expect(json(meeting.doc, ...MEETING_ROOTS)).toBe(before.meeting);
    expect(json(observer.doc, ...MEETING_ROOTS)).toBe(before.meeting);
    expect(json(control.doc, ...CONTROL_ROOTS)).toBe(before.control);
    // the attacker's socket was not closed: it still receives what the facilitator does
    meeting.doc.getMap('clusters').set('c2', 'från mötesledaren');
    await waitFor(() => attacker.doc.getMap('clusters').get('c2') === 'från mötesledaren', { message: 'the read-only socket keeps receiving' });
    await waitFor(() => observer.doc.getMap('clusters').get('c2') === 'från mötesledaren');
    const expected = json(meeting.doc, ...MEETING_ROOTS);
    await relay.server.settle();

    for (const c of clients.splice(0)) c.destroy();
    for (const r of raws.splice(0)) r.raw.ws.terminate();
    relay = await relay.restart();
    const stored = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const storedControl = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([stored.synced, storedControl.synced]);
    expect(json(stored.doc, ...MEETING_ROOTS)).toBe(expected);
    expect(json(storedControl.doc, ...CONTROL_ROOTS)).toBe(before.control);
  });

  it('a participant cannot open another participant’s private doc or the inbox; nobody but the owner opens a private doc', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const anna = await addParticipant(relay.url, m.meetingId);
    const bo = await addParticipant(relay.url, m.meetingId);
    for (const [name, key] of [
      [privateDocName(m.meetingId, bo.participantId), anna.participantKey],
      [inboxDocName(m.meetingId), anna.participantKey],
      [privateDocName(m.meetingId, bo.participantId), m.facilitatorKey],
      [privateDocName(m.meetingId, bo.participantId), m.boardKey],
      [inboxDocName(m.meetingId), m.boardKey],
      [`${m.meetingId}/relay`, m.facilitatorKey],
    ] as const) {
      const raw = openRaw(relay.wsUrl, name, key);
      const { code } = await raw.closed;
      expect([CloseCode.forbidden, CloseCode.badDocName]).toContain(code);
      expect(raw.messages).toEqual([]);
    }
  });

  it('a check-in answer and an agenda proposal written while the relay was unreachable arrive once when the phone is back', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const bo = await addParticipant(relay.url, m.meetingId, 'Bo', 'Kommun');
    const phone = connect(relay.wsUrl, privateDocName(m.meetingId, bo.participantId), bo.participantKey);
    await phone.synced;
    phone.provider.disconnect();
    phone.doc.transact(() => {
      phone.doc.getMap('checkin').set('text', 'Skrivet offline');
      const proposal = new Y.Map<unknown>();
      proposal.set('id', 'offline-1');
      proposal.set('text', 'Punkt från tåget');
      proposal.set('createdAt', 1);
      phone.doc.getMap('proposals').set('offline-1', proposal);
    });
    const board = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    await board.synced;
    await sleep(100);
    expect(board.doc.getMap('checkin').size).toBe(0);
    phone.provider.connect();
    await waitFor(() => (board.doc.getMap('checkin').get(bo.participantId) as Y.Map<unknown> | undefined)?.get('text') === 'Skrivet offline');
    await waitFor(() => board.doc.getMap('agendaProposals').size === 1);
    // reconnecting again re-sends nothing new: still one proposal, one answer
    phone.provider.disconnect();
    phone.provider.connect();
    await phone.synced;
    await sleep(150);
    await relay.server.settle();
    expect(board.doc.getMap('agendaProposals').size).toBe(1);
    expect(board.doc.getMap('checkin').size).toBe(1);
  });
});

describe('group documents', () => {
  it('members and the facilitator write their group’s doc; others cannot; a member moved out loses write access on the open socket', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    const anna = await addParticipant(relay.url, m.meetingId, 'Anna');
    const bo = await addParticipant(relay.url, m.meetingId, 'Bo');
    const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await control.synced;
    control.doc.getMap('groupMembers').set(bo.participantId, 'g1');
    const facilitator = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), m.facilitatorKey);
    const boGroup = connect(relay.wsUrl, groupDocName(m.meetingId, 'g1'), bo.participantKey);
    const annaGroup = rawClient(relay.wsUrl, groupDocName(m.meetingId, 'g1'), anna.participantKey);
    const boardGroup = rawClient(relay.wsUrl, groupDocName(m.meetingId, 'g1'), m.boardKey);
    await Promise.all([facilitator.synced, boGroup.synced, annaGroup.synced, boardGroup.synced]);
    await relay.server.settle();

    boGroup.doc.getMap('answers').set('why', 'Bo skriver');
    facilitator.doc.getMap('answers').set('who', 'Mötesledaren');
    await waitFor(() => facilitator.doc.getMap('answers').get('why') === 'Bo skriver' && boGroup.doc.getMap('answers').get('who') === 'Mötesledaren', {
      message: 'a member’s and the facilitator’s writes',
    });
    annaGroup.write((d) => d.getMap('answers').set('why', 'Anna skriver över'));
    boardGroup.write((d) => d.getMap('answers').set('what', 'Tavlan skriver'));
    await sleep(150);
    expect(facilitator.doc.getMap('answers').toJSON()).toEqual({ why: 'Bo skriver', who: 'Mötesledaren' });
    // everyone in the meeting reads the group's doc
    // (their own refused writes stay in their local copies only: read a key they did not write)
    await waitFor(() => annaGroup.doc.getMap('answers').get('who') === 'Mötesledaren' && boardGroup.doc.getMap('answers').get('why') === 'Bo skriver', {
      message: 'non-members read the group doc',
    });

    control.doc.getMap('groupMembers').set(bo.participantId, 'g2');
    await waitFor(async () => {
      await relay!.server.settle();
      return true;
    });
    await sleep(100);
    boGroup.doc.getMap('answers').set('what', 'Efter flytten');
    await sleep(200);
    expect(facilitator.doc.getMap('answers').has('what')).toBe(false);
  });
});

describe('the view-only board key', () => {
  it('reads the meeting, control and group docs and writes nothing; a replaced key stops at once and its sockets close', async () => {
    relay = await startRelay();
    const m = await createMeeting(relay.url);
    expect(m.boardKey).toMatch(/^[\w-]{21}$/);
    const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([meeting.synced, control.synced]);
    meeting.doc.getMap('clusters').set('c1', 'Vårdövergångar');
    const boardMeeting = rawClient(relay.wsUrl, meetingDocName(m.meetingId), m.boardKey);
    const boardControl = rawClient(relay.wsUrl, controlDocName(m.meetingId), m.boardKey);
    await Promise.all([boardMeeting.synced, boardControl.synced]);
    await waitFor(() => boardMeeting.doc.getMap('clusters').get('c1') === 'Vårdövergångar');
    expect(boardControl.doc.getMap('meeting').get('joinCode')).toBe(m.joinCode);
    boardMeeting.write((d) => d.getMap('clusters').set('c1', 'Tavlan'));
    boardControl.write((d) => d.getMap('phase').set('current', 'summary'));
    await sleep(150);
    expect(meeting.doc.getMap('clusters').get('c1')).toBe('Vårdövergångar');
    expect(control.doc.getMap('phase').get('current')).toBe('setup');
    // a name change with the board key is refused too
    const anna = await addParticipant(relay.url, m.meetingId, 'Anna');
    const renamed = await api(relay.url, `/api/meetings/${m.meetingId}/participants/${anna.participantId}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${m.boardKey}` },
      body: { name: 'Hackad' },
    });
    expect(renamed.status).toBe(403);

    const refused = await api(relay.url, `/api/meetings/${m.meetingId}/board-key`, { method: 'POST', headers: { authorization: `Bearer ${m.boardKey}` } });
    expect(refused.status).toBe(403);
    const replaced = await api<{ boardKey: string }>(relay.url, `/api/meetings/${m.meetingId}/board-key`, {
      method: 'POST',
      headers: { authorization: `Bearer ${m.facilitatorKey}` },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.boardKey).not.toBe(m.boardKey);
    expect((await boardMeeting.raw.closed).code).toBe(CloseCode.revoked);
    expect((await openRaw(relay.wsUrl, meetingDocName(m.meetingId), m.boardKey).closed).code).toBe(CloseCode.badKey);
    const fresh = rawClient(relay.wsUrl, meetingDocName(m.meetingId), replaced.body.boardKey);
    await fresh.synced;
    expect(fresh.doc.getMap('clusters').get('c1')).toBe('Vårdövergångar');
    // the facilitator's own sockets stay open
    meeting.doc.getMap('clusters').set('c3', 'efteråt');
    await waitFor(() => fresh.doc.getMap('clusters').get('c3') === 'efteråt');
  });
});
