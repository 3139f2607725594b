import { useEffect, useRef } from 'react';

const TYPING = 'input, textarea, select, [contenteditable="true"]';

/** N (or Space outside buttons and links) calls action, unless focus is in a text field. */
export function useNextKey(action: () => void, enabled: boolean): void {
  const ref = useRef(action);
  useEffect(() => {
    ref.current = action;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
      const target = event.target as Element | null;
      if (target?.closest?.(TYPING)) return;
      const isSpace = event.key === ' ' || event.code === 'Space';
      // Space on a focused button already presses that button
      if (isSpace && target?.closest?.('button, a, summary, [role="button"]')) return;
      if (event.key === 'n' || event.key === 'N' || isSpace) {
        event.preventDefault();
        ref.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
