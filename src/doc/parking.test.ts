import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createClusterFromNotes } from './facilitator/clusters';
import { stackNote } from './facilitator/notes';
import { boardOf, picture, revealNotes } from './notesFixture';
import { onParkedHere, setHandOverTo, unpark, type ParkedRef } from './parking';
import { parkCluster, parkNote } from './facilitator/parking';

describe('parking lot', () => {
  it('a parked note leaves its cluster and carries its hand-over', () => {
    const meeting = new Y.Doc();
    const [a, b] = revealNotes(meeting, ['A', 'B', 'C']);
    createClusterFromNotes(meeting, a, b, 'K');
    parkNote(meeting, a, 'Styrgruppen');
    expect(picture(meeting)).toEqual({ clusters: { K: ['B'] }, loose: ['C'], parked: ['A'] });
    expect(boardOf(meeting).parkedNotes[0].top.handOverTo).toBe('Styrgruppen');
    setHandOverTo(meeting, { kind: 'note', id: a }, ' Regionens ledningsgrupp ');
    expect(boardOf(meeting).parkedNotes[0].top.handOverTo).toBe('Regionens ledningsgrupp');
    unpark(meeting, { kind: 'note', id: a });
    expect(picture(meeting)).toEqual({ clusters: { K: ['B'] }, loose: ['A', 'C'], parked: [] });
  });

  it('a parked cluster keeps its notes and comes back with them', () => {
    const meeting = new Y.Doc();
    const [a, b, c] = revealNotes(meeting, ['A', 'B', 'C']);
    stackNote(meeting, c, a);
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    parkCluster(meeting, k, 'Kommunens äldreomsorg');
    expect(picture(meeting)).toEqual({ clusters: {}, loose: [], parked: ['[K]'] });
    expect(boardOf(meeting).parkedClusters[0].cluster.handOverTo).toBe('Kommunens äldreomsorg');
    unpark(meeting, { kind: 'cluster', id: k });
    expect(picture(meeting).clusters).toEqual({ K: ['A', 'B', 'C@A'] });
  });

  it('tells this window what it just parked, and only that (a missing item or another doc says nothing)', () => {
    const meeting = new Y.Doc();
    const other = new Y.Doc();
    const [a, b] = revealNotes(meeting, ['A', 'B']);
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    const [c] = revealNotes(meeting, ['C']);
    const heard: ParkedRef[] = [];
    const stop = onParkedHere(meeting, (ref) => heard.push(ref));
    onParkedHere(other, () => heard.push({ kind: 'note', id: 'wrong doc' }));
    parkNote(meeting, c);
    parkCluster(meeting, k);
    parkNote(meeting, 'no-such-note');
    stop();
    unpark(meeting, { kind: 'note', id: c });
    parkNote(meeting, c);
    expect(heard).toEqual([{ kind: 'note', id: c }, { kind: 'cluster', id: k }]);
  });
});
