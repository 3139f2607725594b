// The facilitator's gathering settings and moderation, and what only the facilitator reads: the
// inbox of unrevealed notes, removed notes and note counts (the relay writes those).
import type * as Y from 'yjs';
import { ControlRoots, InboxRoots, Limits, type GatheringSettings, type InboxNote } from '@common/schema';
import { parseInboxNote } from '@common/records';
import { rootFields, rootItems, setFields, transact } from '../core';
import { fieldsView, itemsView, type View } from '../views';

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

/** participantId → notes written (numbers only; the relay writes them). */
export function noteCountsView(control: Y.Doc): View<Partial<Record<string, number>>> {
  return fieldsView<Record<string, number>>(rootFields(control, ControlRoots.noteCounts));
}

/** noteId → authorId of notes the facilitator removed before the reveal. */
export function removedNotesView(control: Y.Doc): View<Partial<Record<string, true>>> {
  return fieldsView<Record<string, true>>(rootFields(control, ControlRoots.removedNotes));
}

/** The facilitator's inbox: unrevealed notes mirrored by the relay. */
export function inboxView(inbox: Y.Doc): View<ReadonlyMap<string, InboxNote>> {
  return itemsView<InboxNote>(rootItems(inbox, InboxRoots.notes), parseInboxNote);
}
