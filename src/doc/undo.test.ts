import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClusterFromNotes, moveNoteToCluster, renameCluster } from './facilitator/clusters';
import { transact } from './core';
import { meetingNotes } from './notes';
import { deleteNote } from './facilitator/notes';
import { picture, revealNotes, twoDocsWithRelay } from './notesFixture';
import { parkNote } from './facilitator/parking';
import { clusteringUndo } from './facilitator/undo';

describe('undo and redo of clustering moves', () => {
  it('undoes and redoes the facilitator’s moves one drop at a time', () => {
    const meeting = new Y.Doc();
    const [a, b, c] = revealNotes(meeting, ['A', 'B', 'C']);
    const history = clusteringUndo(meeting);
    expect(history.canUndo()).toBe(false);
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    moveNoteToCluster(meeting, c, k);
    renameCluster(meeting, k, 'Remisser');
    history.undo();
    expect(picture(meeting).clusters).toEqual({ K: ['A', 'B', 'C'] });
    history.undo();
    expect(picture(meeting)).toEqual({ clusters: { K: ['A', 'B'] }, loose: ['C'], parked: [] });
    history.undo();
    expect(picture(meeting)).toEqual({ clusters: {}, loose: ['A', 'B', 'C'], parked: [] });
    expect(history.canRedo()).toBe(true);
    history.redo();
    expect(picture(meeting).clusters).toEqual({ K: ['A', 'B'] });
  });

  it('brings back a deleted or parked note', () => {
    const meeting = new Y.Doc();
    const [a, b] = revealNotes(meeting, ['A', 'B']);
    const history = clusteringUndo(meeting);
    deleteNote(meeting, a);
    parkNote(meeting, b);
    history.undo();
    history.undo();
    expect(picture(meeting)).toEqual({ clusters: {}, loose: ['A', 'B'], parked: [] });
  });

  it('never undoes someone else’s work or a change made outside clustering', () => {
    const { a, b } = twoDocsWithRelay();
    const [n1, n2, n3, n4] = revealNotes(a, ['1', '2', '3', '4']);
    const history = clusteringUndo(a);
    createClusterFromNotes(a, n1, n2, 'Mitt');
    createClusterFromNotes(b, n3, n4, 'Någon annans');
    transact(a, () => meetingNotes(a).get(n1)!.set('text', 'ändrad lokalt'));
    history.undo();
    expect(picture(b)).toEqual({ clusters: { 'Någon annans': ['3', '4'] }, loose: ['2', 'ändrad lokalt'], parked: [] });
    expect(history.canUndo()).toBe(false);
  });
});
