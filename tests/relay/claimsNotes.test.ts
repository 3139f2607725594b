// An id a phone sends is a claim, never proof (issue 17): the notes. A hostile participant reads a
// note's id off the board and writes a draft with that id into their own private doc, asks to move
// it, edits it: the note stays its author's, on every client and after a restart.
import { describe, expect, it } from 'vitest';
import { meetingDocName } from '../../common/docNames';
import { createMeeting } from './helpers';
import { claimsRoomForEachTest, expectNoTrace, putItem, quiet, setFields, waitFor, type ClaimsRoom } from './claimsKit';
import type * as Y from 'yjs';

const kit = claimsRoomForEachTest();

let seq = 0;
const draft = (text: string, extra: Record<string, unknown> = {}) => ({
  text,
  color: 'yellow',
  tag: '',
  group: 0,
  createdAt: 1000 + ++seq,
  updatedAt: 1000 + seq,
  state: 'draft',
  ...extra,
});
const noteId = (name: string) => `${name}${'N'.repeat(21 - name.length)}`;
const boardNote = (doc: Y.Doc, id: string) => (doc.getMap('notes').get(id) as Y.Map<unknown> | undefined)?.toJSON();

/** Anna's note revealed, anonymous, and a cluster on the board. */
async function revealed(room: ClaimsRoom, { attackerNote = false } = {}) {
  const annas = noteId('annas');
  putItem(room.phone.private.doc, 'notes', annas, { id: annas, ...draft('Epikrisen kommer för sent') });
  const own = noteId('mallorys');
  if (attackerNote) room.evil.write((d) => putItem(d, 'notes', own, { id: own, ...draft('Min egen lapp') }));
  await waitFor(() => room.facilitator.inbox.doc.getMap('notes').size === (attackerNote ? 2 : 1), { message: 'drafts mirrored' });
  room.facilitator.control.doc.getMap('gathering').set('revealed', true);
  putItem(room.facilitator.meeting.doc, 'clusters', 'c1', { id: 'c1', name: 'Information', order: 'a0', parked: false, handOverTo: '', createdAt: 1 });
  await waitFor(() => boardNote(room.phone.meeting.doc, annas)?.text === 'Epikrisen kommer för sent', { message: 'revealed' });
  await waitFor(() => (room.phone.private.doc.getMap('notes').get(annas) as Y.Map<unknown>).get('state') === 'revealed');
  return { annas, own };
}

describe('a note id read off the board', () => {
  it('a draft with someone else’s revealed note id neither takes the note over nor edits it (revealLateDrafts)', async () => {
    const { annas } = await revealed(kit.room);
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => putItem(d, 'notes', annas, { id: annas, ...draft('Mallory skriver över') }));
      await quiet(kit.room);
      // the phone's own 'revealed' is a claim too: then an edit, as if the note were theirs
      evil.write((d) => setFields(d, 'notes', annas, { text: 'Mallory skriver över igen', state: 'revealed', updatedAt: 5000 }));
      await quiet(kit.room);
      evil.write((d) => setFields(d, 'notes', annas, { text: 'Och en gång till', state: 'draft', updatedAt: 6000 }));
    });
    expect(boardNote(kit.room.board.meeting.doc, annas)?.text).toBe('Epikrisen kommer för sent');
    // Anna still edits her own note
    setFields(kit.room.phone.private.doc, 'notes', annas, { text: 'Epikrisen kommer en vecka för sent' });
    await waitFor(() => boardNote(kit.room.board.meeting.doc, annas)?.text === 'Epikrisen kommer en vecka för sent', { message: 'the author’s own edit' });
  });

  it('someone else’s note cannot be moved, not by claiming it with a draft either; one’s own not into another meeting’s cluster (moveOwnNote)', async () => {
    const { annas, own } = await revealed(kit.room, { attackerNote: true });
    kit.room.facilitator.control.doc.getMap('clustering').set('participantsMayMove', true);
    const other = await createMeeting(kit.room.relay.url);
    const otherBoard = kit.connect(kit.room.relay.wsUrl, meetingDocName(other.meetingId), other.facilitatorKey);
    await otherBoard.synced;
    putItem(otherBoard.doc, 'clusters', 'elsewhere', { id: 'elsewhere', name: 'Annat möte', order: 'a0', parked: false });
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => d.getMap('moves').set(annas, 'c1'));
      await quiet(kit.room);
      evil.write((d) => putItem(d, 'notes', annas, { id: annas, ...draft('Min nu') }));
      await quiet(kit.room);
      evil.write((d) => d.getMap('moves').set(annas, 'c1'));
      evil.write((d) => d.getMap('moves').set(own, 'elsewhere'));
      await quiet(kit.room);
      evil.write((d) => setFields(d, 'notes', annas, { state: 'revealed' }));
      evil.write((d) => d.getMap('moves').set(annas, ''));
    });
    expect(boardNote(kit.room.board.meeting.doc, annas)?.clusterId).toBeNull();
    // the attacker's own note still moves: the rule is ownership, not a blanket refusal
    kit.room.evil.write((d) => d.getMap('moves').set(own, 'c1'));
    await waitFor(() => boardNote(kit.room.board.meeting.doc, own)?.clusterId === 'c1', { message: 'own note moved' });
  });

  it('a draft with the id of a note the facilitator took off the board, or of someone’s unrevealed draft, is never revealed as theirs (gatherDrafts, revealNotes)', async () => {
    const room = kit.room;
    const annas = noteId('annas');
    putItem(room.phone.private.doc, 'notes', annas, { id: annas, ...draft('Annas hemliga lapp') });
    await waitFor(() => room.facilitator.inbox.doc.getMap('notes').size === 1, { message: 'mirrored' });
    // before the reveal: the same id from another phone (a leaked id) does not replace Anna's in the inbox
    await expectNoTrace(kit, (evil) => evil.write((d) => putItem(d, 'notes', annas, { id: annas, ...draft('Mallorys version', { createdAt: 1 }) })));
    kit.room.facilitator.control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => boardNote(kit.room.board.meeting.doc, annas)?.text === 'Annas hemliga lapp', { message: 'Anna’s text revealed' });
    await quiet(kit.room);
    expect(kit.room.facilitator.meeting.doc.getMap('notes').size).toBe(1);

    // the facilitator takes Anna's note off the board: the id stays Anna's
    kit.room.facilitator.meeting.doc.getMap('notes').delete(annas);
    await waitFor(() => kit.room.phone.meeting.doc.getMap('notes').size === 0);
    await expectNoTrace(kit, async (evil) => {
      evil.write((d) => setFields(d, 'notes', annas, { text: 'Tillbaka som min', state: 'draft', updatedAt: 9000 }));
    });
    expect(kit.room.board.meeting.doc.getMap('notes').size).toBe(0);
  });
});
