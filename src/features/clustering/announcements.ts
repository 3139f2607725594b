// Screen-reader announcements and instructions for drag and drop, in the current language.
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { Translate } from '@/i18n/translate';

/** Spoken name of a draggable or droppable id ('note:…', 'cluster:…', 'loose', 'parking'). */
export type Describe = (id: UniqueIdentifier) => string;

/** Announcements start a sentence, item names are mid-sentence ('lappen …'): capitalise the first letter. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/**
 * landing: what a drop now would land on (a note, else the container the drag is in). dnd-kit's
 * "over" is the container (collision.ts), so moving from note to note is announced from the drag's
 * moves, once per new target.
 */
export function makeAccessibility(
  t: Translate,
  describe: Describe,
  landing: () => UniqueIdentifier | null,
): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  // the target last announced in this drag (undefined: none yet)
  let said: UniqueIdentifier | null | undefined;
  const overTarget = ({ active }: { active: { id: UniqueIdentifier } }) => {
    const target = landing();
    if (target === said) return undefined;
    said = target;
    return sentence(target !== null
      ? t('clustering.a11y.over', { item: describe(active.id), target: describe(target) })
      : t('clustering.a11y.notOver', { item: describe(active.id) }));
  };
  return {
    screenReaderInstructions: { draggable: t('clustering.a11y.instructions') },
    announcements: {
      onDragStart: ({ active }) => {
        said = undefined;
        return sentence(t('clustering.a11y.pickedUp', { item: describe(active.id) }));
      },
      onDragMove: overTarget,
      onDragOver: overTarget,
      onDragEnd: ({ active }) => {
        const target = landing();
        return sentence(target !== null
          ? t('clustering.a11y.dropped', { item: describe(active.id), target: describe(target) })
          : t('clustering.a11y.droppedNowhere', { item: describe(active.id) }));
      },
      onDragCancel: ({ active }) => sentence(t('clustering.a11y.cancelled', { item: describe(active.id) })),
    },
  };
}
