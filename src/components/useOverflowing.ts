import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * True once the box's content no longer fits (it would scroll): the view then switches to its
 * compact form. Tries the full form again when `resetKey` (item count, screen size…) changes.
 */
export function useOverflowing(ref: RefObject<HTMLElement | null>, resetKey: string): boolean {
  const [state, setState] = useState({ key: resetKey, over: false });
  const over = state.key === resetKey && state.over;
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || over) return;
    const check = () => {
      if (box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1) setState({ key: resetKey, over: true });
    };
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(box);
    for (const child of box.children) observer.observe(child);
    return () => observer.disconnect();
  });
  return over;
}

/** The window's size as a string, for resetKey: a larger screen may fit the full form again. */
export function useViewportKey(): string {
  const [key, setKey] = useState(() => (typeof window === 'undefined' ? '' : `${window.innerWidth}x${window.innerHeight}`));
  useLayoutEffect(() => {
    const on = () => setKey(`${window.innerWidth}x${window.innerHeight}`);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return key;
}
