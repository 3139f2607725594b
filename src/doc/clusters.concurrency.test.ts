import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingClusters } from './clusters';
import { createClusterFromNotes, mergeClusters, moveNoteToCluster, renameCluster } from './facilitator/clusters';
import { meetingNotes } from './notes';
import { deleteNote } from './facilitator/notes';
import { picture, revealNotes, twoDocsWithRelay } from './notesFixture';

const state = (doc: Y.Doc) => ({ notes: meetingNotes(doc).toJSON(), clusters: meetingClusters(doc).toJSON() });

describe('clustering on two devices at once', () => {
  it('two people clustering the same note at once converge to one cluster membership', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const [n1, n2, n3, n4, n5] = revealNotes(a, ['1', '2', '3', '4', '5']);
    const k1 = createClusterFromNotes(a, n2, n3, 'K1')!;
    const k2 = createClusterFromNotes(a, n4, n5, 'K2')!;
    pause();
    moveNoteToCluster(a, n1, k1);
    moveNoteToCluster(b, n1, k2);
    resume();
    expect(state(a)).toEqual(state(b));
    const pic = picture(a);
    const holding = Object.values(pic.clusters).filter((texts) => texts.includes('1'));
    expect(holding).toHaveLength(1);
    expect(pic.loose).toEqual([]);
  });

  it('two people starting a cluster with the same note converge, the note shown exactly once', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const [n1, n2, n3] = revealNotes(a, ['1', '2', '3']);
    pause();
    createClusterFromNotes(a, n1, n2, 'Från A');
    createClusterFromNotes(b, n1, n3, 'Från B');
    resume();
    expect(state(a)).toEqual(state(b));
    const shown = Object.values(picture(a).clusters).flat().concat(picture(a).loose);
    expect(shown.sort()).toEqual(['1', '2', '3']);
  });

  it('a note deleted while being moved ends deleted everywhere with no orphan', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const [n1, n2, n3] = revealNotes(a, ['1', '2', '3']);
    const k = createClusterFromNotes(a, n2, n3, 'K')!;
    pause();
    deleteNote(a, n1);
    moveNoteToCluster(b, n1, k);
    resume();
    expect(state(a)).toEqual(state(b));
    expect(meetingNotes(a).has(n1)).toBe(false);
    expect(picture(b)).toEqual({ clusters: { K: ['2', '3'] }, loose: [], parked: [] });
  });

  it('merging while someone adds to the source cluster leaves no note in a deleted cluster', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const [n1, n2, n3, n4, n5] = revealNotes(a, ['1', '2', '3', '4', '5']);
    const source = createClusterFromNotes(a, n1, n2, 'Källa')!;
    const target = createClusterFromNotes(a, n3, n4, 'Mål')!;
    pause();
    mergeClusters(a, source, target);
    moveNoteToCluster(b, n5, source);
    resume();
    expect(state(a)).toEqual(state(b));
    // the read model's rule: a clusterId pointing at a missing cluster counts as loose
    expect(picture(b)).toEqual({ clusters: { Mål: ['1', '2', '3', '4'] }, loose: ['5'], parked: [] });
  });

  it('renaming a cluster at the same time converges to one name', () => {
    const { a, b, pause, resume } = twoDocsWithRelay();
    const [n1, n2] = revealNotes(a, ['1', '2']);
    const k = createClusterFromNotes(a, n1, n2, 'K')!;
    pause();
    renameCluster(a, k, 'Remisser');
    renameCluster(b, k, 'Informationsöverföring');
    resume();
    const name = meetingClusters(a).get(k)!.get('name');
    expect(meetingClusters(b).get(k)!.get('name')).toBe(name);
    expect(['Remisser', 'Informationsöverföring']).toContain(name);
  });
});
