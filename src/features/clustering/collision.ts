// Where a drag is "over" on the board, for pointer and keyboard alike (components/dragTargets.ts):
// the smallest accepting target, so a note wins over the cluster around it.
import type { ClientRect } from '@dnd-kit/core';
import { aimAtCorner, containerFirstForPointer, jumpBetweenTargets as jumpBetween, smallestTargetUnder } from '@/components/dragTargets';
import type { DragData, DropData } from './dropAction';

/** Droppables a dragged item may land on (never itself, nor a cluster's own notes). */
function accepts(dragData: unknown, dropData: unknown): boolean {
  const drag = dragData as DragData | undefined;
  const drop = dropData as DropData | undefined;
  if (!drag || !drop) return false;
  if (drag.kind === 'cluster') {
    if (drop.kind === 'cluster') return drop.id !== drag.id;
    if (drop.kind === 'note') return drop.clusterId !== null && drop.clusterId !== drag.id;
    return drop.kind === 'parking';
  }
  return !(drop.kind === 'note' && drop.id === drag.id);
}

/**
 * A keyboard drag is over the smallest target (a note wins over its cluster); a pointer drag is
 * over the container, and the note under the pointer (to stack onto) is read from the collisions
 * (stackTarget.ts): 500 cards re-render when "over" changes.
 */
export const boardCollision = containerFirstForPointer(smallestTargetUnder(accepts), (drop) => (drop as DropData | undefined)?.kind === 'note');

/** Notes are aimed at their centre, containers at their header, so the container itself is hit. */
const aim = (rect: ClientRect, drop: unknown) =>
  (drop as DropData).kind === 'note' ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : aimAtCorner(rect);

export const jumpBetweenTargets = jumpBetween(accepts, aim);
