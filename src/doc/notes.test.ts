import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ControlRoots, PrivateRoots } from '@common/schema';
import { createClusterFromNotes, moveNoteToCluster } from './facilitator/clusters';
import { createItem } from './core';
import { meetingNotes, MoveNotAllowedError, moveOwnNote } from './notes';
import { deleteNote, stackNote, unstackNote } from './facilitator/notes';
import { picture, revealNotes } from './notesFixture';

describe('stacking and deleting notes', () => {
  it('a stacked duplicate follows its top note into a cluster', () => {
    const meeting = new Y.Doc();
    const [a, b, c, d] = revealNotes(meeting, ['A', 'B', 'C', 'D']);
    stackNote(meeting, d, a);
    expect(picture(meeting).loose).toEqual(['A', 'B', 'C', 'D@A']);
    createClusterFromNotes(meeting, a, b, 'K');
    expect(picture(meeting).clusters).toEqual({ K: ['A', 'B', 'D@A'] });
    const k = meetingNotes(meeting).get(b)!.get('clusterId') as string;
    unstackNote(meeting, d);
    expect(picture(meeting).clusters).toEqual({ K: ['A', 'B', 'D'] });
    moveNoteToCluster(meeting, c, k);
    expect(picture(meeting).clusters.K).toEqual(['A', 'B', 'C', 'D']);
  });

  it('stacking onto a duplicate stacks onto its top, and a stack stacked elsewhere moves along', () => {
    const meeting = new Y.Doc();
    const [a, b, c] = revealNotes(meeting, ['A', 'B', 'C']);
    stackNote(meeting, b, a);
    stackNote(meeting, c, b);
    expect(picture(meeting).loose).toEqual(['A', 'B@A', 'C@A']);
    const meeting2 = new Y.Doc();
    const [x, y, z] = revealNotes(meeting2, ['X', 'Y', 'Z']);
    stackNote(meeting2, y, x);
    stackNote(meeting2, x, z);
    expect(picture(meeting2).loose).toEqual(['X@Z', 'Y@Z', 'Z']);
  });

  it('deleting a note removes it and unstacks its duplicates', () => {
    const meeting = new Y.Doc();
    const [a, b] = revealNotes(meeting, ['A', 'B']);
    stackNote(meeting, b, a);
    deleteNote(meeting, a);
    expect(picture(meeting).loose).toEqual(['B']);
    expect(meetingNotes(meeting).has(a)).toBe(false);
  });
});

describe('a participant moving their own note', () => {
  function setup(mayMove: boolean) {
    const meeting = new Y.Doc();
    const control = new Y.Doc();
    const priv = new Y.Doc();
    const [mine, other, third] = revealNotes(meeting, ['Min', 'Annan', 'Tredje']);
    control.getMap(ControlRoots.clustering).set('participantsMayMove', mayMove);
    createItem(priv.getMap(PrivateRoots.notes) as never, mine, { id: mine, text: 'Min', state: 'revealed' });
    const k = createClusterFromNotes(meeting, other, third, 'K')!;
    return { docs: { meeting, control, private: priv }, mine, other, k };
  }

  it('asks the relay to move their own revealed note, through the private doc and never the meeting doc', () => {
    const { docs, mine, k } = setup(true);
    const before = Y.encodeStateVector(docs.meeting);
    moveOwnNote(docs, mine, k);
    expect(docs.private.getMap(PrivateRoots.moves).toJSON()).toEqual({ [mine]: k });
    expect(Y.encodeStateVector(docs.meeting)).toEqual(before);
  });

  it('is refused when moving is closed or the note is someone else’s', () => {
    const closed = setup(false);
    expect(() => moveOwnNote(closed.docs, closed.mine, closed.k)).toThrow(MoveNotAllowedError);
    const open = setup(true);
    expect(() => moveOwnNote(open.docs, open.other, null)).toThrow(/notYours/);
  });
});
