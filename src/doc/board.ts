// What the projected board overlays: one conversation prompt and/or the ground rules, and whether
// the join corner shows (control doc).
import type * as Y from 'yjs';
import { ControlRoots, type BoardDisplay, type ConversationPrompt } from '@common/schema';
import { parseBoardDisplay } from '@common/records';
import { rootFields, setFields, transact } from './core';
import { fieldsView, type View } from './views';

export function showPrompt(control: Y.Doc, prompt: ConversationPrompt | null): void {
  transact(control, () => setFields<BoardDisplay>(rootFields(control, ControlRoots.board), { prompt }));
}

export function setShowRules(control: Y.Doc, showRules: boolean): void {
  transact(control, () => setFields<BoardDisplay>(rootFields(control, ControlRoots.board), { showRules }));
}

/** Hides or shows the corner QR code and join code on every board window of the meeting. */
export function setJoinHidden(control: Y.Doc, joinHidden: boolean): void {
  transact(control, () => setFields<BoardDisplay>(rootFields(control, ControlRoots.board), { joinHidden }));
}

export function boardDisplayView(control: Y.Doc): View<Partial<BoardDisplay>> {
  return fieldsView<BoardDisplay>(rootFields(control, ControlRoots.board), parseBoardDisplay);
}
