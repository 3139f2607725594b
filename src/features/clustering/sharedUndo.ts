// One undo history across the facilitator's windows of one browser (console and board): each
// window undoes only its own moves (its Y.UndoManager), and a BroadcastChannel keeps the order of
// moves over all windows, so Ctrl+Z in either window takes back the latest move wherever it was
// made. Window to window only: the relay is never involved.
import type { UndoHistory } from '@/doc/facilitator/undo';

type Message =
  | { t: 'push'; from: string }
  | { t: 'undo'; target: string }
  | { t: 'redo'; target: string }
  | { t: 'undone'; from: string }
  | { t: 'redone'; from: string };

const shared = new WeakMap<UndoHistory, UndoHistory>();

export function sharedUndo(local: UndoHistory, meetingId: string): UndoHistory {
  const cached = shared.get(local);
  if (cached) return cached;
  if (typeof BroadcastChannel === 'undefined') return local;
  const self = Math.random().toString(36).slice(2);
  const channel = new BroadcastChannel(`svv-undo-${meetingId}`);
  // who made each step, oldest first; the last entry is what undo/redo takes back
  const undoStack: string[] = [];
  const redoStack: string[] = [];
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());
  let replaying = false;
  let lastCanUndo = local.canUndo();

  const apply = (m: Message) => {
    if (m.t === 'push') {
      undoStack.push(m.from);
      redoStack.length = 0;
    } else if (m.t === 'undone') {
      const i = undoStack.lastIndexOf(m.from);
      if (i >= 0) redoStack.push(...undoStack.splice(i, 1));
    } else if (m.t === 'redone') {
      const i = redoStack.lastIndexOf(m.from);
      if (i >= 0) undoStack.push(...redoStack.splice(i, 1));
    } else {
      if (m.target === self) perform(m.t);
      return;
    }
    notify();
  };
  const send = (m: Message) => {
    channel.postMessage(m);
    apply(m);
  };
  const perform = (op: 'undo' | 'redo') => {
    replaying = true;
    try {
      local[op]();
    } finally {
      replaying = false;
    }
    send({ t: op === 'undo' ? 'undone' : 'redone', from: self });
  };
  channel.onmessage = (event: MessageEvent<Message>) => apply(event.data);
  // a new local move (not an undo or redo of one) is a new step in the shared order
  local.subscribe(() => {
    const can = local.canUndo();
    if (!replaying && can && (!lastCanUndo || !local.canRedo())) send({ t: 'push', from: self });
    lastCanUndo = can;
    notify();
  });

  const step = (op: 'undo' | 'redo') => {
    const stack = op === 'undo' ? undoStack : redoStack;
    const owner = stack[stack.length - 1];
    if (owner === undefined) {
      if (op === 'undo' ? local.canUndo() : local.canRedo()) perform(op);
    } else if (owner === self) perform(op);
    else channel.postMessage((op === 'undo' ? { t: 'undo', target: owner } : { t: 'redo', target: owner }) satisfies Message);
  };
  const history: UndoHistory = {
    undo: () => step('undo'),
    redo: () => step('redo'),
    canUndo: () => undoStack.length > 0 || local.canUndo(),
    canRedo: () => redoStack.length > 0 || local.canRedo(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  shared.set(local, history);
  return history;
}
