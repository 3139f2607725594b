import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingClusters } from './clusters';
import { createClusterFromNotes, createClusterWithNote, deleteCluster, mergeClusters, moveCluster, moveNoteToCluster, removeNoteFromCluster, renameCluster } from './facilitator/clusters';
import { boardOf, picture, revealNotes } from './notesFixture';

function setup() {
  const meeting = new Y.Doc();
  const [a, b, c, d] = revealNotes(meeting, ['A', 'B', 'C', 'D']);
  return { meeting, a, b, c, d };
}

describe('clustering commands', () => {
  it('dropping a note onto another starts a cluster holding both', () => {
    const { meeting, a, b } = setup();
    createClusterFromNotes(meeting, a, b, 'Kluster 1');
    expect(picture(meeting)).toEqual({ clusters: { 'Kluster 1': ['A', 'B'] }, loose: ['C', 'D'], parked: [] });
    expect(boardOf(meeting).clusters[0].stacks.map((s) => s.top.text)).toEqual(['B', 'A']);
  });

  it('a note moves into a cluster at its end and back out to the loose notes', () => {
    const { meeting, a, b, c } = setup();
    const id = createClusterFromNotes(meeting, a, b, 'K')!;
    moveNoteToCluster(meeting, c, id);
    expect(boardOf(meeting).clusters[0].stacks.map((s) => s.top.text)).toEqual(['B', 'A', 'C']);
    removeNoteFromCluster(meeting, a);
    expect(picture(meeting)).toEqual({ clusters: { K: ['B', 'C'] }, loose: ['A', 'D'], parked: [] });
  });

  it('clusters are arranged by fractional order', () => {
    const { meeting, a, b, c, d } = setup();
    const k1 = createClusterFromNotes(meeting, a, b, 'K1')!;
    const k2 = createClusterFromNotes(meeting, c, d, 'K2')!;
    expect(boardOf(meeting).clusters.map((g) => g.cluster.name)).toEqual(['K1', 'K2']);
    moveCluster(meeting, k2, null, k1);
    expect(boardOf(meeting).clusters.map((g) => g.cluster.name)).toEqual(['K2', 'K1']);
    moveCluster(meeting, k2, k1, null);
    expect(boardOf(meeting).clusters.map((g) => g.cluster.name)).toEqual(['K1', 'K2']);
  });

  it('renaming trims and caps the name', () => {
    const { meeting, a, b } = setup();
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    renameCluster(meeting, k, '  Remisser  ');
    expect(meetingClusters(meeting).get(k)?.get('name')).toBe('Remisser');
  });

  it('merging moves all notes into the target and deletes the emptied cluster', () => {
    const { meeting, a, b, c, d } = setup();
    const k1 = createClusterFromNotes(meeting, a, b, 'K1')!;
    const k2 = createClusterFromNotes(meeting, c, d, 'K2')!;
    mergeClusters(meeting, k2, k1);
    expect(picture(meeting)).toEqual({ clusters: { K1: ['A', 'B', 'C', 'D'] }, loose: [], parked: [] });
    expect(meetingClusters(meeting).has(k2)).toBe(false);
  });

  it('merging keeps the moved notes in their order when the order keys differ in case', () => {
    const { meeting, a, b, c, d } = setup();
    const k1 = createClusterFromNotes(meeting, a, b, 'K1')!;
    const k2 = createClusterFromNotes(meeting, c, d, 'K2')!;
    // fractional-index keys compare by code unit: 'aV' comes before 'ab' (a locale comparison says otherwise)
    const notes = meeting.getMap<Y.Map<unknown>>('notes');
    notes.get(c)!.set('order', 'aV');
    notes.get(d)!.set('order', 'ab');
    const shown = (name: string) => boardOf(meeting).clusters.find((g) => g.cluster.name === name)!.stacks.map((st) => st.top.text);
    expect(shown('K2')).toEqual(['C', 'D']);
    mergeClusters(meeting, k2, k1);
    expect(shown('K1').filter((t) => t === 'C' || t === 'D')).toEqual(['C', 'D']);
  });

  it('deleting a cluster leaves its notes loose', () => {
    const { meeting, a, b } = setup();
    const k = createClusterFromNotes(meeting, a, b, 'K')!;
    deleteCluster(meeting, k);
    expect(picture(meeting).loose).toEqual(['A', 'B', 'C', 'D']);
  });

  it('a cluster can start from a single note (and its stack)', () => {
    const { meeting, a } = setup();
    createClusterWithNote(meeting, a, 'Ensam');
    expect(picture(meeting).clusters).toEqual({ Ensam: ['A'] });
  });
});
