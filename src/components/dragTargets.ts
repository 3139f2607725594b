// Where a drag is "over" and where arrow keys take it, for any board or console that drags things
// onto targets: the caller says which targets accept what is dragged and where to aim in a target.
import type { ClientRect, CollisionDetection, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';

type Point = { x: number; y: number };

/** Whether a target (its droppable data) takes what is dragged (its draggable data). */
export type Accepts = (drag: unknown, drop: unknown) => boolean;

const contains = (r: ClientRect, p: Point) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

/**
 * The smallest accepting target under the pointer (or under the dragged item's centre), so an item
 * wins over the container around it. A target drawn above the others (its droppable data has
 * `above: true`, e.g. a drop zone floating over the page) wins over whatever lies under it.
 */
export function smallestTargetUnder(accepts: Accepts): CollisionDetection {
  return ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
    const point = pointerCoordinates ?? { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
    const hits = [];
    for (const container of droppableContainers) {
      const rect = droppableRects.get(container.id);
      if (!rect || !contains(rect, point) || !accepts(active.data.current, container.data.current)) continue;
      const above = (container.data.current as { above?: boolean } | undefined)?.above === true;
      hits.push({ id: container.id, data: { droppableContainer: container, value: above ? -1 : rect.width * rect.height } });
    }
    return hits.sort((a, b) => a.data.value - b.data.value);
  };
}

/**
 * The smallest accepting *container* first (what the drag is "over"), then the rest smallest
 * first, so the items under the pointer (or the keyboard's aim) are still among the collisions.
 * "Over" then changes only when the drag crosses a container, not at every item, and dnd-kit
 * re-renders its draggables and droppables (every card, which read its context) far less often;
 * the item the drag would land on is read from the collisions. `isItem` tells items (what may lie
 * inside a container) from containers.
 */
export function containerFirst(detect: CollisionDetection, isItem: (drop: unknown) => boolean): CollisionDetection {
  return (args) => {
    const hits = detect(args);
    const container = hits.findIndex((hit) => !isItem(hit.data?.droppableContainer?.data?.current));
    return container <= 0 ? hits : [hits[container], ...hits.slice(0, container), ...hits.slice(container + 1)];
  };
}

const plain = (r: ClientRect | undefined): ClientRect | undefined =>
  r && { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };

/** Aims at a container's heading corner, so the container itself (not what lies in it) is hit. */
export const aimAtCorner = (rect: ClientRect): Point => ({ x: rect.left + Math.min(24, rect.width / 2), y: rect.top + Math.min(12, rect.height / 2) });

/**
 * Arrow keys jump from accepting target to target in reading order instead of moving 25 px at a
 * time. `current` says which target the drag is at now when that is not dnd-kit's "over" (an item
 * inside the container it is over, see containerFirst).
 */
export function jumpBetweenTargets(
  accepts: Accepts,
  aim: (rect: ClientRect, drop: unknown) => Point = aimAtCorner,
  current: (over: UniqueIdentifier | undefined) => UniqueIdentifier | undefined = (over) => over,
): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const forward = event.code === 'ArrowRight' || event.code === 'ArrowDown';
    const backward = event.code === 'ArrowLeft' || event.code === 'ArrowUp';
    const { active, collisionRect, droppableRects, droppableContainers, over } = context;
    if ((!forward && !backward) || !active || !collisionRect) return undefined;
    event.preventDefault();
    const targets = droppableContainers
      .getEnabled()
      .filter((c) => accepts(active.data.current, c.data.current))
      // plain numbers: each read of a dnd-kit Rect's side reads the page's scroll offsets again,
      // and sorting 500 targets reads them thousands of times
      .map((c) => ({ id: c.id, rect: plain(droppableRects.get(c.id)), data: c.data.current }))
      .filter((c): c is { id: typeof c.id; rect: ClientRect; data: typeof c.data } => Boolean(c.rect))
      .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
    if (targets.length === 0) return undefined;
    const at = current(over?.id);
    const index = at === undefined ? -1 : targets.findIndex((c) => c.id === at);
    const n = targets.length;
    const next = index < 0 ? targets[forward ? 0 : n - 1] : targets[(index + (forward ? 1 : n - 1)) % n];
    const point = aim(next.rect, next.data);
    return { x: point.x - collisionRect.width / 2, y: point.y - collisionRect.height / 2 };
  };
}
