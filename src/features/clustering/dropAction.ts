// What a drop means, as a pure function of what was dragged, where it landed and the Shift key,
// then one domain command per drop. No dnd-kit here: the board maps its events to these types.
import { createClusterFromNotes, mergeClusters, moveCluster, moveNoteToCluster, removeNoteFromCluster } from '@/doc/facilitator/clusters';
import { stackNote } from '@/doc/facilitator/notes';
import { parkCluster, parkNote } from '@/doc/facilitator/parking';
import type { MeetingDocs } from '@/doc/core';

export type DragData = { kind: 'note'; id: string } | { kind: 'cluster'; id: string };
export type DropData =
  | { kind: 'note'; id: string; clusterId: string | null }
  | { kind: 'cluster'; id: string }
  | { kind: 'loose' }
  /** above: it floats over the page while a pointer drags (the console), so it wins over what lies under it */
  | { kind: 'parking'; above?: boolean };

export type BoardAction =
  | { type: 'none' }
  | { type: 'createCluster'; noteId: string; ontoId: string }
  | { type: 'moveToCluster'; noteId: string; clusterId: string }
  | { type: 'toLoose'; noteId: string }
  | { type: 'stack'; noteId: string; ontoId: string }
  | { type: 'parkNote'; noteId: string }
  | { type: 'parkCluster'; clusterId: string }
  | { type: 'merge'; sourceId: string; targetId: string }
  | { type: 'moveCluster'; clusterId: string; beforeId: string | null; afterId: string | null };

export interface DropContext {
  shift: boolean;
  /** unparked cluster ids in board order */
  clusterOrder: readonly string[];
  /** the cluster a note is shown in now (null = loose) */
  clusterOf(noteId: string): string | null;
}

const NONE: BoardAction = { type: 'none' };

export function resolveDrop(drag: DragData, drop: DropData | null, ctx: DropContext): BoardAction {
  if (!drop) return NONE;
  if (drop.kind === 'parking') {
    return drag.kind === 'note' ? { type: 'parkNote', noteId: drag.id } : { type: 'parkCluster', clusterId: drag.id };
  }
  if (drag.kind === 'note') return resolveNoteDrop(drag.id, drop, ctx);
  const targetId = drop.kind === 'cluster' ? drop.id : drop.kind === 'note' ? drop.clusterId : null;
  if (!targetId || targetId === drag.id) return NONE;
  if (ctx.shift) return { type: 'merge', sourceId: drag.id, targetId };
  const order = ctx.clusterOrder;
  const from = order.indexOf(drag.id);
  const rest = order.filter((id) => id !== drag.id);
  const at = rest.indexOf(targetId);
  if (at < 0) return NONE;
  // moving forward lands after the target, moving back lands before it
  return from >= 0 && from < order.indexOf(targetId)
    ? { type: 'moveCluster', clusterId: drag.id, beforeId: rest[at], afterId: rest[at + 1] ?? null }
    : { type: 'moveCluster', clusterId: drag.id, beforeId: rest[at - 1] ?? null, afterId: rest[at] };
}

function resolveNoteDrop(noteId: string, drop: Exclude<DropData, { kind: 'parking' }>, ctx: DropContext): BoardAction {
  const current = ctx.clusterOf(noteId);
  switch (drop.kind) {
    case 'loose':
      return current === null ? NONE : { type: 'toLoose', noteId };
    case 'cluster':
      return current === drop.id ? NONE : { type: 'moveToCluster', noteId, clusterId: drop.id };
    case 'note': {
      if (drop.id === noteId) return NONE;
      if (ctx.shift) return { type: 'stack', noteId, ontoId: drop.id };
      const target = ctx.clusterOf(drop.id);
      if (target === null) return { type: 'createCluster', noteId, ontoId: drop.id };
      return current === target ? NONE : { type: 'moveToCluster', noteId, clusterId: target };
    }
  }
}

/** Runs the action as one write; returns a newly created cluster's id so it can be named. */
export function applyAction(meeting: MeetingDocs['meeting'], action: BoardAction, newClusterName: string): string | null {
  switch (action.type) {
    case 'createCluster':
      return createClusterFromNotes(meeting, action.noteId, action.ontoId, newClusterName);
    case 'moveToCluster':
      moveNoteToCluster(meeting, action.noteId, action.clusterId);
      break;
    case 'toLoose':
      removeNoteFromCluster(meeting, action.noteId);
      break;
    case 'stack':
      stackNote(meeting, action.noteId, action.ontoId);
      break;
    case 'parkNote':
      parkNote(meeting, action.noteId);
      break;
    case 'parkCluster':
      parkCluster(meeting, action.clusterId);
      break;
    case 'merge':
      mergeClusters(meeting, action.sourceId, action.targetId);
      break;
    case 'moveCluster':
      moveCluster(meeting, action.clusterId, action.beforeId, action.afterId);
      break;
    case 'none':
      break;
  }
  return null;
}
