// The read model of the clustering board, built from plain snapshots (no Yjs). THE one place that
// decides where a note shows: a stack follows its top note; a clusterId that points at a missing
// cluster (deleted or merged away concurrently) counts as loose; a parked note is in the parking lot.
import type { Cluster, Note } from '@common/schema';
import { byOrder } from '@common/order';

export interface NoteStack {
  top: Note;
  /** duplicates stacked on top, oldest first */
  stacked: Note[];
}

export interface ClusterGroup {
  cluster: Cluster;
  stacks: NoteStack[];
}

export interface BoardModel {
  clusters: ClusterGroup[];
  loose: NoteStack[];
  parkedClusters: ClusterGroup[];
  parkedNotes: NoteStack[];
  /** noteId → cluster the note is shown in (null when loose or parked) */
  clusterOfNote: ReadonlyMap<string, string | null>;
}

/** The top of the stack a note hangs on; itself when unstacked, when the top is gone or on a cycle. */
export function topOf(notes: ReadonlyMap<string, Note>, note: Note): Note {
  let current = note;
  const seen = new Set<string>([note.id]);
  while (current.stackedOn) {
    const next = notes.get(current.stackedOn);
    if (!next || seen.has(next.id)) return next && seen.has(next.id) ? note : current;
    seen.add(next.id);
    current = next;
  }
  return current;
}

/** The cluster a (top) note shows in, or null when loose. */
export function effectiveClusterId(note: Note, clusters: ReadonlyMap<string, Cluster>): string | null {
  return note.clusterId && clusters.has(note.clusterId) ? note.clusterId : null;
}

export function buildBoard(notes: ReadonlyMap<string, Note>, clusters: ReadonlyMap<string, Cluster>): BoardModel {
  const stacks = new Map<string, NoteStack>();
  for (const note of notes.values()) {
    const top = topOf(notes, note);
    let stack = stacks.get(top.id);
    if (!stack) {
      stack = { top, stacked: [] };
      stacks.set(top.id, stack);
    }
    if (top.id !== note.id) stack.stacked.push(note);
  }
  const groups = new Map<string, ClusterGroup>();
  for (const cluster of clusters.values()) groups.set(cluster.id, { cluster, stacks: [] });
  const loose: NoteStack[] = [];
  const parkedNotes: NoteStack[] = [];
  const clusterOfNote = new Map<string, string | null>();
  for (const stack of stacks.values()) {
    stack.stacked.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
    const clusterId = stack.top.parked ? null : effectiveClusterId(stack.top, clusters);
    if (stack.top.parked) parkedNotes.push(stack);
    else if (clusterId) groups.get(clusterId)!.stacks.push(stack);
    else loose.push(stack);
    for (const note of [stack.top, ...stack.stacked]) clusterOfNote.set(note.id, clusterId);
  }
  const byTop = (a: NoteStack, b: NoteStack) => byOrder(a.top, b.top);
  loose.sort(byTop);
  parkedNotes.sort(byTop);
  const all = [...groups.values()].sort((a, b) => byOrder(a.cluster, b.cluster));
  for (const group of all) group.stacks.sort(byTop);
  return {
    clusters: all.filter((g) => !g.cluster.parked),
    parkedClusters: all.filter((g) => g.cluster.parked),
    loose,
    parkedNotes,
    clusterOfNote,
  };
}
