// Undo/redo for the facilitator's clustering moves. The UndoManager tracks only CLUSTERING_ORIGIN
// on the meeting doc's notes and clusters, so it never undoes a participant's or a remote change.
import * as Y from 'yjs';
import { MeetingRoots } from '@common/schema';
import { rootItems } from '../core';
import { CLUSTERING_ORIGIN } from '../undo';

export interface UndoHistory {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
  /** called whenever canUndo/canRedo may have changed; returns the unsubscribe */
  subscribe(listener: () => void): () => void;
}

const histories = new WeakMap<Y.Doc, UndoHistory>();

/** One history per meeting doc on this device, shared by the board and the console. */
export function clusteringUndo(meeting: Y.Doc): UndoHistory {
  const cached = histories.get(meeting);
  if (cached) return cached;
  const manager = new Y.UndoManager(
    [rootItems(meeting, MeetingRoots.notes), rootItems(meeting, MeetingRoots.clusters)],
    // every drop is its own step: no merging of quick successive moves
    { trackedOrigins: new Set([CLUSTERING_ORIGIN]), captureTimeout: 0 },
  );
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of [...listeners]) listener();
  };
  manager.on('stack-item-added', notify);
  manager.on('stack-item-popped', notify);
  manager.on('stack-cleared', notify);
  const history: UndoHistory = {
    undo: () => void manager.undo(),
    redo: () => void manager.redo(),
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  histories.set(meeting, history);
  return history;
}
