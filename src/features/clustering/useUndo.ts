// Undo/redo state of the facilitator's clustering history, and the Ctrl/Cmd+Z shortcuts.
import { useEffect, useSyncExternalStore } from 'react';
import { clusteringUndo, type UndoHistory } from '@/doc/facilitator/undo';
import { useMeeting } from '@/store/meeting';
import { sharedUndo } from './sharedUndo';

export function useUndo(): { history: UndoHistory; canUndo: boolean; canRedo: boolean } {
  const { docs } = useMeeting();
  // shared with this facilitator's other windows (console and board), keyed by the meeting in the address
  const meetingId = typeof location === 'undefined' ? '' : (location.pathname.split('/')[2] ?? '');
  const history = sharedUndo(clusteringUndo(docs.meeting), meetingId);
  const state = useSyncExternalStore(history.subscribe, () => `${history.canUndo()}|${history.canRedo()}`);
  const [canUndo, canRedo] = state.split('|').map((v) => v === 'true');
  return { history, canUndo, canRedo };
}

const isTextField = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes, except while typing in a field. */
export function useUndoShortcuts(history: UndoHistory, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) history.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') history.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [history, enabled]);
}
