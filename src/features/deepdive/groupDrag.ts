// Dragging people between groups on the console: what is dragged and where it lands, which group
// is "over" (never the person's own), arrow keys jumping from group to group, and the spoken
// announcements in the current language.
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core';
import { jumpBetweenTargets, smallestTargetUnder } from '@/components/dragTargets';
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

/** The group a drop would move the person to; null when it would change nothing. */
export function dropTarget(drag: PersonDrag | undefined, drop: GroupDrop | undefined): string | null {
  if (!drag || !drop || drop.groupId === drag.groupId) return null;
  return drop.groupId;
}

const accepts = (drag: unknown, drop: unknown) => dropTarget(drag as PersonDrag | undefined, drop as GroupDrop | undefined) !== null;

/** The group under the pointer (or the dragged row's centre) that is not the person's own. */
export const groupCollision = smallestTargetUnder(accepts);

/** Arrow keys jump to the next or previous other group in reading order. */
export const jumpBetweenGroups = jumpBetweenTargets(accepts);

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
