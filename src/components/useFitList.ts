import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Hides the items of a list that do not fit in its box (the list has a fixed height on the stage)
 * and returns how many are hidden, so the view can say "+N more". Items are hidden whole, never cut:
 * one that is wider than its own box (a nowrap line longer than the strip) counts as not fitting.
 * `deps` is what changes the items (their count, the language…). `bounds`, when given, is the box
 * the items must fit in instead of the list's own (a table's body grows with its rows: its
 * height-limited wrapper is the box).
 */
export function useFitList(
  ref: RefObject<HTMLElement | null>,
  deps: unknown[],
  bounds?: RefObject<HTMLElement | null>,
  /** keepFirst: the first item stays even when its text is wider than its box (it is being edited) */
  options?: { keepFirst?: boolean },
): number {
  const keepFirst = options?.keepFirst === true;
  const [hidden, setHidden] = useState(0);
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const frame = bounds?.current ?? list;
    const fit = () => {
      const items = [...list.children] as HTMLElement[];
      for (const item of items) item.hidden = false;
      const box = frame.getBoundingClientRect();
      let count = 0;
      for (const [index, item] of items.entries()) {
        const r = item.getBoundingClientRect();
        // an item whose own text runs past its box (a one-line item longer than the strip) is cut too
        const cut = !(keepFirst && index === 0) && item.clientWidth > 0 && item.scrollWidth > item.clientWidth + 1;
        if (count > 0 || cut || r.bottom > box.bottom + 0.5 || r.right > box.right + 0.5) {
          item.hidden = true;
          count++;
        }
      }
      setHidden(count);
    };
    fit();
    // jsdom and old browsers have no ResizeObserver: the first pass is all they get
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(list);
    if (frame !== list) observer.observe(frame);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, keepFirst]);
  return hidden;
}
