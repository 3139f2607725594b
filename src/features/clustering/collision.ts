// Where a drag would land on the board, for pointer and keyboard alike (components/dragTargets.ts):
// the note under it, else the container it is in (cluster, loose tray, parking lot), read from the
// collisions (stackTarget.ts).
import type { ClientRect, Collision, CollisionDetection, DroppableContainer, UniqueIdentifier } from '@dnd-kit/core';
import { aimAtCorner, containerFirst, jumpBetweenTargets as jumpBetween, smallestTargetUnder } from '@/components/dragTargets';
import type { DragData, DropData } from './dropAction';
import { dndIdOf, type DropTargetStore } from './stackTarget';

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

const isNote = (drop: unknown) => (drop as DropData | undefined)?.kind === 'note';
const smallest = smallestTargetUnder(accepts);

/**
 * The smallest target under the drag, looking only at the notes of the containers under it: a
 * cluster holds its notes (in the page, not only in the doc), so the other notes cannot be hit, and
 * reading a droppable's rect reads the page's scroll offsets (dnd-kit's Rect): 500 of them at every
 * move were most of a long drag's script time.
 */
const smallestInContainersHit: CollisionDetection = (args) => {
  const containers: DroppableContainer[] = [];
  const notes: DroppableContainer[] = [];
  for (const container of args.droppableContainers) (isNote(container.data.current) ? notes : containers).push(container);
  const hits = smallest({ ...args, droppableContainers: containers });
  // the clusters hit by id, the loose tray as null (a note's clusterId)
  const hit = new Set<string | null>();
  for (const h of hits) {
    const drop = h.data?.droppableContainer?.data?.current as DropData | undefined;
    if (drop?.kind === 'cluster') hit.add(drop.id);
    else if (drop?.kind === 'loose') hit.add(null);
  }
  if (hit.size === 0) return hits;
  const inside = notes.filter((note) => hit.has((note.data.current as DropData & { kind: 'note' }).clusterId));
  // value: the area, smallest first (a target floating above the page: -1), as smallestTargetUnder sorts
  return [...hits, ...smallest({ ...args, droppableContainers: inside })].sort((a, b) => a.data!.value - b.data!.value);
};

/** A collision with no droppable behind it: dnd-kit's "over" is nothing for the whole drag. */
const NOWHERE: Collision = { id: 'board:target-kept-apart' };
const collide = containerFirst(smallestInContainersHit, isNote);

/**
 * The collisions, container first, after one that holds dnd-kit's "over" at nothing: "over"
 * re-renders all 500 cards whenever it changes, so what a drag would land on is read from the
 * collisions instead (stackTarget.ts's landingOf) and only the pieces it concerns re-render.
 */
export const boardCollision: CollisionDetection = (args) => [NOWHERE, ...collide(args)];

/** Notes are aimed at their centre, containers at their header, so the container itself is hit. */
const aim = (rect: ClientRect, drop: unknown) =>
  (drop as DropData | undefined)?.kind === 'note' ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : aimAtCorner(rect);

/** Arrow keys from target to target, from the one the drag would land on now. */
export const jumpBetweenTargets = (dropTarget: DropTargetStore) =>
  jumpBetween(accepts, aim, (over: UniqueIdentifier | undefined) => {
    const target = dropTarget.get();
    return target ? dndIdOf(target) : over;
  });
