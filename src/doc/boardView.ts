// The clustering board's read model as a View over the meeting doc, shared by the board, the
// phones' cluster list and the parking lot. Rebuilt only when notes or clusters changed.
import type * as Y from 'yjs';
import type { Cluster, Note } from '@common/schema';
import { parseCluster, parseNote } from '@common/records';
import { buildBoard, type BoardModel } from './boardModel';
import { meetingClusters } from './clusters';
import { meetingNotes } from './notes';
import { itemsView, type View } from './views';

const boardViews = new WeakMap<Y.Doc, View<BoardModel>>();

export function notesView(meeting: Y.Doc): View<ReadonlyMap<string, Note>> {
  return itemsView<Note>(meetingNotes(meeting), parseNote);
}

export function clustersView(meeting: Y.Doc): View<ReadonlyMap<string, Cluster>> {
  return itemsView<Cluster>(meetingClusters(meeting), parseCluster);
}

export function boardView(meeting: Y.Doc): View<BoardModel> {
  const cached = boardViews.get(meeting);
  if (cached) return cached;
  const notes = notesView(meeting);
  const clusters = clustersView(meeting);
  let inputs: [ReadonlyMap<string, Note>, ReadonlyMap<string, Cluster>] | null = null;
  let model: BoardModel | null = null;
  const view: View<BoardModel> = {
    get() {
      const n = notes.get();
      const c = clusters.get();
      if (!model || !inputs || inputs[0] !== n || inputs[1] !== c) {
        inputs = [n, c];
        model = buildBoard(n, c);
      }
      return model;
    },
    subscribe(listener) {
      const offNotes = notes.subscribe(listener);
      const offClusters = clusters.subscribe(listener);
      return () => {
        offNotes();
        offClusters();
      };
    },
  };
  boardViews.set(meeting, view);
  return view;
}
