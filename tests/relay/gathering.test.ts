import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, inboxDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, openRelayStore, sleep, startRelay, waitFor, type CreatedMeeting, type DocClient, type TestRelay, writeDraft } from './helpers';

let relay: TestRelay;
const clients: DocClient[] = [];
const connect = (...args: Parameters<typeof connectDoc>) => {
  const c = connectDoc(...args);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  relay = await startRelay();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await relay.dispose();
});

const contains = (doc: Y.Doc, text: string) => Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(text));
const notesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('notes');

interface Setup {
  m: CreatedMeeting;
  people: { participantId: string; participantKey: string; name: string; private: DocClient }[];
  control: DocClient;
  meeting: DocClient;
}

async function setup(names: string[]): Promise<Setup> {
  const m = await createMeeting(relay.url);
  const people = [];
  for (const name of names) {
    const p = await addParticipant(relay.url, m.meetingId, name, 'Kommun');
    const priv = connect(relay.wsUrl, privateDocName(m.meetingId, p.participantId), p.participantKey);
    people.push({ ...p, name, private: priv });
  }
  const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await Promise.all([control.synced, meeting.synced, ...people.map((p) => p.private.synced)]);
  return { m, people, control, meeting };
}

describe('gathering before the reveal', () => {
  it('another participant’s client receives counts but no note text in the meeting or control doc', async () => {
    const { m, people, control } = await setup(['Anna', 'Bo']);
    const [anna, bo] = people;
    writeDraft(anna.private.doc, 'hemlig lapp ett');
    writeDraft(anna.private.doc, 'hemlig lapp två');
    const spyMeeting = connect(relay.wsUrl, meetingDocName(m.meetingId), bo.participantKey);
    const spyControl = connect(relay.wsUrl, controlDocName(m.meetingId), bo.participantKey);
    await Promise.all([spyMeeting.synced, spyControl.synced]);
    await waitFor(() => spyControl.doc.getMap('noteCounts').get(anna.participantId) === 2, { message: 'count 2' });
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await inbox.synced;
    await waitFor(() => notesOf(inbox.doc).size === 2, { message: 'inbox has the drafts' });
    expect(contains(spyMeeting.doc, 'hemlig')).toBe(false);
    expect(contains(spyControl.doc, 'hemlig')).toBe(false);
    expect(contains(control.doc, 'hemlig')).toBe(false);
    expect(spyMeeting.doc.getMap('notes').size).toBe(0);
    expect(control.doc.getMap('noteCounts').get(bo.participantId) ?? 0).toBe(0);
  });

  it('the facilitator’s inbox mirrors drafts with their author and follows edits and deletions', async () => {
    const { m, people } = await setup(['Anna']);
    const [anna] = people;
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await inbox.synced;
    const id = writeDraft(anna.private.doc, 'första', { color: 'pink', tag: 'Region', group: 2 });
    await waitFor(() => notesOf(inbox.doc).get(id)?.get('text') === 'första');
    expect(notesOf(inbox.doc).get(id)!.toJSON()).toMatchObject({ id, text: 'första', color: 'pink', tag: 'Region', group: 2, authorId: anna.participantId });
    notesOf(anna.private.doc).get(id)!.set('text', 'ändrad');
    await waitFor(() => notesOf(inbox.doc).get(id)?.get('text') === 'ändrad');
    notesOf(anna.private.doc).delete(id);
    await waitFor(() => !notesOf(inbox.doc).has(id), { message: 'deleted from inbox' });
  });

  it('removing a note through removedNotes clears it in the private doc and the inbox and lowers the count', async () => {
    const { m, people, control } = await setup(['Anna']);
    const [anna] = people;
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await inbox.synced;
    const keep = writeDraft(anna.private.doc, 'behåll');
    const drop = writeDraft(anna.private.doc, 'olämplig');
    await waitFor(() => notesOf(inbox.doc).size === 2 && control.doc.getMap('noteCounts').get(anna.participantId) === 2);
    control.doc.getMap('removedNotes').set(drop, anna.participantId);
    await waitFor(() => notesOf(anna.private.doc).get(drop)?.get('state') === 'removed', { message: 'removed in private doc' });
    expect(notesOf(anna.private.doc).get(drop)!.get('text')).toBe('');
    await waitFor(() => !notesOf(inbox.doc).has(drop) && control.doc.getMap('noteCounts').get(anna.participantId) === 1);
    await waitFor(() => control.doc.getMap('removedNotes').size === 0, { message: 'queue cleared' });
    expect(notesOf(inbox.doc).has(keep)).toBe(true);
  });

  it('a removal needs only the note id: the author comes from the inbox, so the control doc (which every phone reads) need not name them', async () => {
    const { m, people, control } = await setup(['Anna', 'Bo']);
    const [anna, bo] = people;
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await inbox.synced;
    const drop = writeDraft(anna.private.doc, 'olämplig');
    await waitFor(() => notesOf(inbox.doc).size === 1, { message: 'mirrored' });
    control.doc.getMap('removedNotes').set(drop, true);
    await waitFor(() => notesOf(anna.private.doc).get(drop)?.get('state') === 'removed', { message: 'removed in private doc' });
    await waitFor(() => !notesOf(inbox.doc).has(drop) && control.doc.getMap('removedNotes').size === 0);
    // a wrong participant id in the value cannot point the removal at someone else's private doc
    const keep = writeDraft(bo.private.doc, 'Bos lapp');
    const annas = writeDraft(anna.private.doc, 'Annas lapp');
    await waitFor(() => notesOf(inbox.doc).size === 2, { message: 'mirrored again' });
    control.doc.getMap('removedNotes').set(annas, bo.participantId);
    await waitFor(() => notesOf(anna.private.doc).get(annas)?.get('state') === 'removed', { message: 'removed from its real author' });
    expect(notesOf(bo.private.doc).get(keep)!.get('state')).toBe('draft');
  });
});

describe('reveal', () => {
  it('moves every draft into the meeting doc, anonymous: no author id anywhere', async () => {
    const { m, people, control, meeting } = await setup(['Anna', 'Bo', 'Cilla']);
    const ids: string[] = [];
    people.forEach((p, i) => {
      for (let n = 0; n < 3; n++) ids.push(writeDraft(p.private.doc, `lapp ${i}-${n}`));
    });
    await waitFor(() => people.every((p) => control.doc.getMap('noteCounts').get(p.participantId) === 3));
    const spy = connect(relay.wsUrl, meetingDocName(m.meetingId), people[1].participantKey);
    await spy.synced;
    const revealStarted = Date.now();
    control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => notesOf(spy.doc).size === 9, { message: '9 notes revealed' });
    const notes = [...notesOf(spy.doc).values()].map((n) => n.toJSON());
    expect(new Set(notes.map((n) => n.id))).toEqual(new Set(ids));
    for (const n of notes) {
      expect(n).toMatchObject({ clusterId: null, stackedOn: null, parked: false, handOverTo: '', color: 'yellow' });
      expect(typeof n.order).toBe('string');
      expect(n).not.toHaveProperty('authorId');
      expect(n).not.toHaveProperty('authorName');
      // the write time would betray the author to anyone who watched the counts change
      expect(n.createdAt).toBeGreaterThanOrEqual(revealStarted);
      for (const p of people) expect(JSON.stringify(n)).not.toContain(p.participantId);
    }
    expect(new Set(notes.map((n) => n.order)).size).toBe(9);
    await waitFor(() => people.every((p) => [...notesOf(p.private.doc).values()].every((n) => n.get('state') === 'revealed')));
    const inbox = connect(relay.wsUrl, inboxDocName(m.meetingId), m.facilitatorKey);
    await inbox.synced;
    await waitFor(() => notesOf(inbox.doc).size === 0, { message: 'inbox emptied' });
    // the counts every phone saw go at the reveal: kept, they would tie anonymous notes to names
    await waitFor(() => control.doc.getMap('noteCounts').size === 0, { message: 'counts withdrawn' });
    expect(notesOf(meeting.doc).size).toBe(9);
  });

  it('with showAuthors the revealed notes carry author id and name', async () => {
    const { people, control, meeting } = await setup(['Anna', 'Bo']);
    const a = writeDraft(people[0].private.doc, 'från Anna');
    const b = writeDraft(people[1].private.doc, 'från Bo');
    await waitFor(() => control.doc.getMap('noteCounts').get(people[1].participantId) === 1);
    control.doc.transact(() => {
      control.doc.getMap('gathering').set('showAuthors', true);
      control.doc.getMap('gathering').set('revealed', true);
    });
    await waitFor(() => notesOf(meeting.doc).size === 2);
    expect(notesOf(meeting.doc).get(a)!.toJSON()).toMatchObject({ text: 'från Anna', authorId: people[0].participantId, authorName: 'Anna' });
    expect(notesOf(meeting.doc).get(b)!.toJSON()).toMatchObject({ text: 'från Bo', authorId: people[1].participantId, authorName: 'Bo' });
  });

  it('a note written after the reveal appears at once, after the earlier ones', async () => {
    const { people, control, meeting } = await setup(['Anna']);
    writeDraft(people[0].private.doc, 'före');
    await waitFor(() => control.doc.getMap('noteCounts').get(people[0].participantId) === 1);
    control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => notesOf(meeting.doc).size === 1);
    const late = writeDraft(people[0].private.doc, 'efter');
    await waitFor(() => notesOf(meeting.doc).get(late)?.get('text') === 'efter', { message: 'late note revealed' });
    const [first] = [...notesOf(meeting.doc).values()].filter((n) => n.get('id') !== late);
    expect(String(notesOf(meeting.doc).get(late)!.get('order')) > String(first.get('order'))).toBe(true);
    await waitFor(() => notesOf(people[0].private.doc).get(late)?.get('state') === 'revealed');
    // the late note moves nobody's count: that would name its author
    await relay.server.settle();
    expect(control.doc.getMap('noteCounts').toJSON()).toEqual({});
  });

  it('notes typed offline reach the board when the phone reconnects after the reveal, and late edits follow', async () => {
    const { m, people, control, meeting } = await setup(['Anna', 'Bo']);
    const [, bo] = people;
    const boDoc = new Y.Doc();
    bo.private.destroy();
    control.doc.getMap('gathering').set('revealed', true);
    await sleep(50);
    const offline = writeDraft(boDoc, 'skrivet offline');
    const phone = connect(relay.wsUrl, privateDocName(m.meetingId, bo.participantId), bo.participantKey, boDoc);
    await phone.synced;
    await waitFor(() => notesOf(meeting.doc).get(offline)?.get('text') === 'skrivet offline', { message: 'offline note revealed' });
    await waitFor(() => notesOf(boDoc).get(offline)?.get('state') === 'revealed');
    // an edit typed before the phone learned of the reveal still reaches the board
    notesOf(boDoc).get(offline)!.set('text', 'skrivet offline, rättat');
    await waitFor(() => notesOf(meeting.doc).get(offline)?.get('text') === 'skrivet offline, rättat', { message: 'late edit copied' });
  });

  it('a reveal survives a relay restart: the revealed notes and states are stored', async () => {
    const { m, people, control, meeting } = await setup(['Anna']);
    const id = writeDraft(people[0].private.doc, 'beständig');
    await waitFor(() => control.doc.getMap('noteCounts').get(people[0].participantId) === 1);
    control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => notesOf(meeting.doc).size === 1);
    await waitFor(() => notesOf(people[0].private.doc).get(id)?.get('state') === 'revealed');
    for (const c of clients.splice(0)) c.destroy();
    relay = await relay.restart();
    const back = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const priv = connect(relay.wsUrl, privateDocName(m.meetingId, people[0].participantId), people[0].participantKey);
    await Promise.all([back.synced, priv.synced]);
    expect(notesOf(back.doc).get(id)?.get('text')).toBe('beständig');
    expect(notesOf(priv.doc).get(id)?.get('state')).toBe('revealed');
  });
});

describe('recovery', () => {
  it('a reveal that was stored but not carried out (crash) is finished when the meeting is opened again', async () => {
    const { m, people, control } = await setup(['Anna']);
    const id = writeDraft(people[0].private.doc, 'överlevde kraschen');
    await waitFor(() => control.doc.getMap('noteCounts').get(people[0].participantId) === 1);
    for (const c of clients.splice(0)) c.destroy();
    await relay.stop();
    // write revealed=true straight into the store, as if the relay died right after storing it
    const store = await openRelayStore(relay);
    const doc = await store.docs.loadDoc(controlDocName(m.meetingId));
    const before = Y.encodeStateVector(doc);
    doc.getMap('gathering').set('revealed', true);
    await store.docs.storeUpdate(controlDocName(m.meetingId), Y.encodeStateAsUpdate(doc, before));
    await store.close();

    relay = await startRelay({}, relay.dataDir);
    const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
    const fac = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
    await Promise.all([meeting.synced, fac.synced]);
    await waitFor(() => notesOf(meeting.doc).get(id)?.get('text') === 'överlevde kraschen', { message: 'reveal finished' });
  });
});
