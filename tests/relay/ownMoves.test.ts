import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { addParticipant, createMeeting, waitFor, relayForEachTest, writeDraft } from './helpers';

const t = relayForEachTest();
const connect = t.connect;

/** The Yjs client that last wrote `key` of a map: what an observer of the doc can see. */
const writerOf = (map: Y.Map<unknown>, key: string) =>
  (map as unknown as { _map: Map<string, { id: { client: number } }> })._map.get(key)!.id.client;

async function revealedMeeting() {
  const m = await createMeeting(t.relay.url);
  const anna = await addParticipant(t.relay.url, m.meetingId, 'Anna', 'Primärvård');
  const omar = await addParticipant(t.relay.url, m.meetingId, 'Omar', 'Kommun');
  const annaPrivate = connect(t.relay.wsUrl, privateDocName(m.meetingId, anna.participantId), anna.participantKey);
  const omarPrivate = connect(t.relay.wsUrl, privateDocName(m.meetingId, omar.participantId), omar.participantKey);
  const annaMeeting = connect(t.relay.wsUrl, meetingDocName(m.meetingId), anna.participantKey);
  const control = connect(t.relay.wsUrl, controlDocName(m.meetingId), m.facilitatorKey);
  const board = connect(t.relay.wsUrl, meetingDocName(m.meetingId), m.facilitatorKey);
  await Promise.all([annaPrivate, omarPrivate, annaMeeting, control, board].map((c) => c.synced));
  // Anna's phone has written in the meeting doc before (her check-in answer names her)
  annaMeeting.doc.transact(() => {
    const answer = new Y.Map<unknown>();
    answer.set('text', 'Nyfiken');
    annaMeeting.doc.getMap('checkin').set(anna.participantId, answer);
  });
  const annaNote = writeDraft(annaPrivate.doc, 'Epikrisen kommer för sent');
  const omarNote = writeDraft(omarPrivate.doc, 'Hemtjänsten får inte veta');
  const clusterId = `cluster${'c'.repeat(16)}`;
  board.doc.transact(() => {
    const cluster = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: clusterId, name: 'Information', order: 'a0', parked: false, handOverTo: '', createdAt: 1 })) cluster.set(k, v);
    board.doc.getMap('clusters').set(clusterId, cluster);
  });
  control.doc.getMap('gathering').set('revealed', true);
  const notes = board.doc.getMap<Y.Map<unknown>>('notes');
  await waitFor(() => notes.size === 2 && annaPrivate.doc.getMap<Y.Map<unknown>>('notes').get(annaNote)?.get('state') === 'revealed');
  return { annaPrivate, annaMeeting, control, notes, annaNote, omarNote, clusterId };
}

describe('participants moving their own notes', () => {
  it('the relay moves a participant’s own note when the facilitator allows it, as itself, so the move does not reveal the author', async () => {
    const s = await revealedMeeting();
    s.control.doc.getMap('clustering').set('participantsMayMove', true);
    await waitFor(() => s.annaMeeting.doc.getMap('notes').size === 2);
    s.annaPrivate.doc.getMap('moves').set(s.annaNote, s.clusterId);
    await waitFor(() => s.notes.get(s.annaNote)?.get('clusterId') === s.clusterId);
    const note = s.notes.get(s.annaNote)!;
    expect(writerOf(note, 'clusterId')).not.toBe(s.annaMeeting.doc.clientID);
    expect(writerOf(note, 'clusterId')).not.toBe(s.annaPrivate.doc.clientID);
    await waitFor(() => s.annaPrivate.doc.getMap('moves').size === 0);
  });

  it('a request is refused while the facilitator has not allowed moves, and always for someone else’s note', async () => {
    const s = await revealedMeeting();
    s.annaPrivate.doc.getMap('moves').set(s.annaNote, s.clusterId);
    await waitFor(() => s.annaPrivate.doc.getMap('moves').size === 0);
    await t.relay.server.settle();
    expect(s.notes.get(s.annaNote)?.get('clusterId')).toBeNull();

    s.control.doc.getMap('clustering').set('participantsMayMove', true);
    // once her own note moves, moves are on at the relay: the next refusal is about ownership
    s.annaPrivate.doc.getMap('moves').set(s.annaNote, s.clusterId);
    await waitFor(() => s.notes.get(s.annaNote)?.get('clusterId') === s.clusterId);
    s.annaPrivate.doc.getMap('moves').set(s.omarNote, s.clusterId);
    await waitFor(() => s.annaPrivate.doc.getMap('moves').size === 0);
    await t.relay.server.settle();
    expect(s.notes.get(s.omarNote)?.get('clusterId')).toBeNull();
  });
});
