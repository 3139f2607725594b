// Dragging people between groups on the console: what is dragged and where it lands, which group
// is "over" (never the person's own), arrow keys jumping from group to group, and the spoken
// announcements in the current language.
import type { Announcements, ClientRect, CollisionDetection, KeyboardCoordinateGetter, ScreenReaderInstructions } from '@dnd-kit/core';
import type { Translate } from '@/i18n/translate';

/** A person being dragged; groupId '' when they are in no group yet (a latecomer). */
export interface PersonDrag {
  participantId: string;
  groupId: string;
  name: string;
}

/** A drop target: a group, or '' for "no group". */
export interface GroupDrop {
  groupId: string;
  label: string;
}

export const personDragId = (participantId: string) => `person:${participantId}`;
export const groupDropId = (groupId: string) => `group:${groupId}`;

const contains = (r: ClientRect, p: { x: number; y: number }) => p.x >= r.left && p.x <= r.right && p.y >= r.top && p.y <= r.bottom;

/** The group a drop would move the person to; null when it would change nothing. */
export function dropTarget(drag: PersonDrag | undefined, drop: GroupDrop | undefined): string | null {
  if (!drag || !drop || drop.groupId === drag.groupId) return null;
  return drop.groupId;
}

/** The smallest group under the pointer (or the dragged row's centre) that is not the person's own. */
export const groupCollision: CollisionDetection = ({ active, collisionRect, droppableRects, droppableContainers, pointerCoordinates }) => {
  const point = pointerCoordinates ?? { x: collisionRect.left + collisionRect.width / 2, y: collisionRect.top + collisionRect.height / 2 };
  const drag = active.data.current as PersonDrag | undefined;
  const hits = [];
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect || !contains(rect, point) || dropTarget(drag, container.data.current as GroupDrop | undefined) === null) continue;
    hits.push({ id: container.id, data: { droppableContainer: container, value: rect.width * rect.height } });
  }
  return hits.sort((a, b) => a.data.value - b.data.value);
};

/** Arrow keys jump to the next or previous other group in reading order instead of moving 25 px. */
export const jumpBetweenGroups: KeyboardCoordinateGetter = (event, { context }) => {
  const forward = event.code === 'ArrowRight' || event.code === 'ArrowDown';
  const backward = event.code === 'ArrowLeft' || event.code === 'ArrowUp';
  const { active, collisionRect, droppableRects, droppableContainers, over } = context;
  if ((!forward && !backward) || !active || !collisionRect) return undefined;
  event.preventDefault();
  const drag = active.data.current as PersonDrag | undefined;
  const targets = droppableContainers
    .getEnabled()
    .filter((c) => dropTarget(drag, c.data.current as GroupDrop | undefined) !== null)
    .map((c) => ({ id: c.id, rect: droppableRects.get(c.id) }))
    .filter((c): c is { id: typeof c.id; rect: ClientRect } => Boolean(c.rect))
    .sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);
  if (targets.length === 0) return undefined;
  const current = over ? targets.findIndex((c) => c.id === over.id) : -1;
  const n = targets.length;
  const next = current < 0 ? targets[forward ? 0 : n - 1] : targets[(current + (forward ? 1 : n - 1)) % n];
  // aim at the group's heading corner, so the group (not a neighbour) is hit
  const aim = { x: next.rect.left + Math.min(24, next.rect.width / 2), y: next.rect.top + Math.min(12, next.rect.height / 2) };
  return { x: aim.x - collisionRect.width / 2, y: aim.y - collisionRect.height / 2 };
};

export function groupDragAccessibility(t: Translate): { announcements: Announcements; screenReaderInstructions: ScreenReaderInstructions } {
  const name = (data: unknown) => (data as PersonDrag | undefined)?.name ?? '';
  const label = (data: unknown) => (data as GroupDrop | undefined)?.label ?? '';
  return {
    screenReaderInstructions: { draggable: t('deepdive.a11y.instructions') },
    announcements: {
      onDragStart: ({ active }) => t('deepdive.a11y.pickedUp', { name: name(active.data.current) }),
      onDragOver: ({ active, over }) =>
        over
          ? t('deepdive.a11y.over', { name: name(active.data.current), group: label(over.data.current) })
          : t('deepdive.a11y.notOver', { name: name(active.data.current) }),
      onDragEnd: ({ active, over }) =>
        over
          ? t('deepdive.a11y.dropped', { name: name(active.data.current), group: label(over.data.current) })
          : t('deepdive.a11y.droppedNowhere', { name: name(active.data.current) }),
      onDragCancel: ({ active }) => t('deepdive.a11y.cancelled', { name: name(active.data.current) }),
    },
  };
}
