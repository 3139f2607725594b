// Whether Shift is held right now (read on drop: Shift+drop stacks a note or merges clusters).
import { useEffect, useRef, type RefObject } from 'react';

export function useShiftKey(): RefObject<boolean> {
  const shift = useRef(false);
  useEffect(() => {
    const read = (event: KeyboardEvent | PointerEvent) => {
      shift.current = event.shiftKey;
    };
    const events = ['keydown', 'keyup', 'pointerdown', 'pointermove', 'pointerup'] as const;
    for (const name of events) window.addEventListener(name, read, true);
    return () => {
      for (const name of events) window.removeEventListener(name, read, true);
    };
  }, []);
  return shift;
}
