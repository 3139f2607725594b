// Input for drag and drop on the board and the console: mouse/pen through a PointerSensor that
// starts after a few pixels (clicks still click), touch through a TouchSensor that starts after a
// short still hold (so a swipe still scrolls), and the keyboard with the caller's arrow-key rule.
import { useMemo, type PointerEvent as ReactPointerEvent } from 'react';
import {
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type KeyboardCoordinateGetter,
  type PointerSensorOptions,
} from '@dnd-kit/core';

/** PointerSensor for mouse and pen only: touch is left to the TouchSensor's hold-to-drag. */
class MouseAndPenSensor extends PointerSensor {
  static activators = [
    {
      eventName: 'onPointerDown' as const,
      handler: ({ nativeEvent: event }: ReactPointerEvent, { onActivation }: PointerSensorOptions) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

const MOUSE_OPTIONS = { activationConstraint: { distance: 6 } };
const TOUCH_OPTIONS = { activationConstraint: { delay: 250, tolerance: 6 } };

/**
 * The same sensors for the board's whole life: dnd-kit memoises a sensor on its options object, and
 * new options at each render gave every draggable new listeners, so every card's memoised face
 * re-rendered whenever the board did (at a drag's start and end, on 500 cards).
 */
export function useDragSensors(coordinateGetter: KeyboardCoordinateGetter) {
  const keyboardOptions = useMemo(() => ({ coordinateGetter }), [coordinateGetter]);
  return useSensors(useSensor(MouseAndPenSensor, MOUSE_OPTIONS), useSensor(TouchSensor, TOUCH_OPTIONS), useSensor(KeyboardSensor, keyboardOptions));
}
