// Screen-reader announcements and instructions for drag and drop, in the current language.
import type { Announcements, ScreenReaderInstructions, UniqueIdentifier } from '@dnd-kit/core';
import type { Translate } from '@/i18n/translate';

/** Spoken name of a draggable or droppable id ('note:…', 'cluster:…', 'loose', 'parking'). */
export type Describe = (id: UniqueIdentifier) => string;

/** Announcements start a sentence, item names are mid-sentence ('lappen …'): capitalise the first letter. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export function makeAccessibility(t: Translate, describe: Describe): {
  announcements: Announcements;
  screenReaderInstructions: ScreenReaderInstructions;
} {
  return {
    screenReaderInstructions: { draggable: t('clustering.a11y.instructions') },
    announcements: {
      onDragStart: ({ active }) => sentence(t('clustering.a11y.pickedUp', { item: describe(active.id) })),
      onDragOver: ({ active, over }) =>
        sentence(over
          ? t('clustering.a11y.over', { item: describe(active.id), target: describe(over.id) })
          : t('clustering.a11y.notOver', { item: describe(active.id) })),
      onDragEnd: ({ active, over }) =>
        sentence(over
          ? t('clustering.a11y.dropped', { item: describe(active.id), target: describe(over.id) })
          : t('clustering.a11y.droppedNowhere', { item: describe(active.id) })),
      onDragCancel: ({ active }) => sentence(t('clustering.a11y.cancelled', { item: describe(active.id) })),
    },
  };
}
