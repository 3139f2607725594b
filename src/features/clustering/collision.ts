// Where a drag is "over", for pointer and keyboard alike: the smallest droppable under the pointer
// (or under the dragged card's centre), so a note wins over the cluster around it.
import type { ClientRect, CollisionDetection, KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { DragData, DropData } from './dropAction';

type Point = { x: number; y: number };

const contains = (r: ClientRect, p: Point) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

/** Droppables a dragged item may land on (never itself, nor a cluster's own notes). */
function accepts(drag: DragData | undefined, drop: DropData | undefined): boolean {
  if (!drag || !drop) return false;
  if (drag.kind === 'cluster') {
    if (drop.kind === 'cluster') return drop.id !== drag.id;
    if (drop.kind === 'note') return drop.clusterId !== null && drop.clusterId !== drag.id;
    return drop.kind === 'parking';
  }
  return !(drop.kind === 'note' && drop.id === drag.id);
}

export const boardCollision: CollisionDetection = ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
  const point = pointerCoordinates ?? {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const drag = active.data.current as DragData | undefined;
  const hits = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || !contains(rect, point)) continue;
    if (!accepts(drag, container.data.current as DropData | undefined)) continue;
    hits.push({ id: container.id, data: { droppableContainer: container, value: rect.width * rect.height } });
  }
  return hits.sort((a, b) => a.data.value - b.data.value);
};

/** Arrow keys jump from target to target in reading order instead of moving 25 px at a time. */
export const jumpBetweenTargets: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = event.code === 'ArrowRight' || event.code === 'ArrowDown';
  const backward = event.code === 'ArrowLeft' || event.code === 'ArrowUp';
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if ((!forward && !backward) || !active || !collisionRect) return undefined;
  event.preventDefault();
  const drag = active.data.current as DragData | undefined;
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => accepts(drag, c.data.current as DropData | undefined))
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id), kind: (c.data.current as DropData).kind }))
    .filter((c): c is { id: typeof c.id; rect: ClientRect; kind: DropData['kind'] } => Boolean(c.rect))
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (targets.length === 0) return undefined;
  const current = over ? targets.findIndex((c) => c.id === over.id) : -1;
  const n = targets.length;
  const next = current < 0 ? targets[forward ? 0 : n - 1] : targets[(current + (forward ? 1 : n - 1)) % n];
  // aim notes at their centre, containers at their header, so the container itself is hit
  const aim =
    next.kind === 'note'
      ? { x: next.rect.left + next.rect.width / 2, y: next.rect.top + next.rect.height / 2 }
      : { x: next.rect.left + Math.min(24, next.rect.width / 2), y: next.rect.top + Math.min(12, next.rect.height / 2) };
  return { x: aim.x - collisionRect.width / 2, y: aim.y - collisionRect.height / 2 };
};
