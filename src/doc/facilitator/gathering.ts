// The facilitator's gathering settings and the reveal.
import type * as Y from 'yjs';
import { ControlRoots, Limits, type GatheringSettings } from '@common/schema';
import { rootFields, setFields, transact } from '../core';

function settingsMap(control: Y.Doc) {
  return rootFields(control, ControlRoots.gathering);
}

export function setMode(control: Y.Doc, mode: GatheringSettings['mode']): void {
  transact(control, () => setFields<GatheringSettings>(settingsMap(control), { mode }));
}

export function setGroupCount(control: Y.Doc, groupCount: number): void {
  const count = Math.max(1, Math.min(Limits.groupCountMax, Math.floor(groupCount) || 1));
  transact(control, () => setFields<GatheringSettings>(settingsMap(control), { groupCount: count }));
}

export function setShowAuthors(control: Y.Doc, showAuthors: boolean): void {
  transact(control, () => setFields<GatheringSettings>(settingsMap(control), { showAuthors }));
}

/** Asks the relay to move every draft into the meeting's notes. */
export function reveal(control: Y.Doc): void {
  transact(control, () => setFields<GatheringSettings>(settingsMap(control), { revealed: true }));
}

/** Moderation before the reveal: the relay marks the author's private note removed. */
/** Every phone reads the control doc: the request names the note only, never its author. */
export function requestRemoveNote(control: Y.Doc, noteId: string): void {
  transact(control, () => rootFields(control, ControlRoots.removedNotes).set(noteId, true));
}
