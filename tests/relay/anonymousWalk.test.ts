// What a phone can read about who wrote an anonymous note: the walk-through "person by person"
// must not hand out one group per author, and the per-person counts every phone saw before the
// reveal must not stay (or move) afterwards, or matching group sizes and count changes to names
// tells whose each note is.
import { afterEach, beforeEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, connectDoc, createMeeting, sleep, startRelay, waitFor, writeDraft, type DocClient, type TestRelay } from './helpers';

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

async function room(showAuthors: boolean) {
  const m = await createMeeting(relay.url);
  const anna = await addParticipant(relay.url, m.meetingId, 'Anna', 'Region');
  const bo = await addParticipant(relay.url, m.meetingId, 'Bo', 'Kommun');
  const control = connect(relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const meeting = connect(relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  const annaPrivate = connect(relay.wsUrl, privateDocName(m.meetingId, anna.participantId), anna.participantKey);
  const boPrivate = connect(relay.wsUrl, privateDocName(m.meetingId, bo.participantId), bo.participantKey);
  // Bo's phone as a hand-made reader of the control doc, the way any phone reads it
  const phone = connect(relay.wsUrl, controlDocName(m.meetingId), bo.participantKey);
  await Promise.all([control.synced, meeting.synced, annaPrivate.synced, boPrivate.synced, phone.synced]);
  for (const text of ['a1', 'a2', 'a3']) writeDraft(annaPrivate.doc, text);
  writeDraft(boPrivate.doc, 'b1');
  await waitFor(() => phone.doc.getMap('noteCounts').get(anna.participantId) === 3 && phone.doc.getMap('noteCounts').get(bo.participantId) === 1, {
    message: 'counts before the reveal',
  });
  control.doc.transact(() => {
    control.doc.getMap('gathering').set('showAuthors', showAuthors);
    control.doc.getMap('gathering').set('revealed', true);
  });
  await waitFor(() => meeting.doc.getMap('notes').size === 4, { message: 'revealed' });
  return { m, anna, bo, control, meeting, annaPrivate, phone };
}

const settle = async () => {
  await sleep(100);
  await relay.server.settle();
  await sleep(100);
  await relay.server.settle();
};

const sectionsOf = (doc: Y.Doc) => (doc.getMap('walkSections').get('sections') ?? []) as string[][];

it('an anonymous reveal walked "person by person" gives phones no group per author, and no per-person counts', async () => {
  const { control, phone, annaPrivate, meeting } = await room(false);
  control.doc.transact(() => {
    const walk = control.doc.getMap('walkthrough');
    walk.set('active', true);
    walk.set('byAuthor', true);
    walk.set('page', 0);
  });
  await settle();
  // at most one group holding every note: its size says nothing about anyone
  const sections = sectionsOf(phone.doc);
  expect(sections.length).toBeLessThanOrEqual(1);
  expect(phone.doc.getMap('noteCounts').toJSON()).toEqual({});
  // a late note appears on the board without anyone's count moving with it
  writeDraft(annaPrivate.doc, 'a4');
  await waitFor(() => meeting.doc.getMap('notes').size === 5, { message: 'late note revealed' });
  await settle();
  expect(phone.doc.getMap('noteCounts').toJSON()).toEqual({});
  expect(sectionsOf(phone.doc).length).toBeLessThanOrEqual(1);
});

it('with authors shown, "person by person" groups the notes per author (their names are on the notes anyway)', async () => {
  const { control, phone, meeting, anna } = await room(true);
  control.doc.transact(() => {
    const walk = control.doc.getMap('walkthrough');
    walk.set('active', true);
    walk.set('byAuthor', true);
    walk.set('page', 0);
  });
  await waitFor(() => sectionsOf(phone.doc).length === 2, { message: 'two author groups' });
  const notes = meeting.doc.getMap<Y.Map<unknown>>('notes');
  const sizes = sectionsOf(phone.doc).map((s) => s.length).sort();
  expect(sizes).toEqual([1, 3]);
  const annas = sectionsOf(phone.doc).find((s) => s.length === 3)!;
  for (const id of annas) expect(notes.get(id)!.get('authorId')).toBe(anna.participantId);
});
