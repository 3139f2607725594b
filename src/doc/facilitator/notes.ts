// The facilitator's commands on revealed notes: stacking duplicates and removing a note.
import type * as Y from 'yjs';
import type { Note } from '@common/schema';
import { getItem, setFields, transact, type ItemsMap } from '../core';
import { CLUSTERING_ORIGIN } from '../undo';
import { meetingNotes, stackedOn } from '../notes';

/** The note a stack hangs on (itself when not stacked or when its top is gone). */
export function stackTop(notes: ItemsMap, noteId: string): string {
  let id = noteId;
  for (let depth = 0; depth < 20; depth++) {
    const next = getItem(notes, id)?.get('stackedOn');
    if (typeof next !== 'string' || !getItem(notes, next)) return id;
    if (next === noteId) return noteId;
    id = next;
  }
  return noteId;
}

/** Facilitator: removes a revealed note; its stacked duplicates become loose cards of their own. */
export function deleteNote(meeting: Y.Doc, noteId: string): void {
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      for (const childId of stackedOn(notes, noteId)) getItem(notes, childId)?.set('stackedOn', null);
      notes.delete(noteId);
    },
    CLUSTERING_ORIGIN,
  );
}

/** Stacks a duplicate onto another note; the duplicate then follows it (and so do its own duplicates). */
export function stackNote(meeting: Y.Doc, noteId: string, ontoId: string): void {
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const topId = stackTop(notes, ontoId);
      const item = getItem(notes, noteId);
      const top = getItem(notes, topId);
      if (!item || !top || topId === noteId) return;
      const placement = {
        clusterId: (top.get('clusterId') as string | null) ?? null,
        parked: top.get('parked') === true,
        stackedOn: topId,
      };
      for (const childId of stackedOn(notes, noteId)) {
        const child = getItem(notes, childId);
        if (child) setFields<Note>(child, placement);
      }
      setFields<Note>(item, placement);
    },
    CLUSTERING_ORIGIN,
  );
}

/** Takes a duplicate off its stack; it stays where the stack is. */
export function unstackNote(meeting: Y.Doc, noteId: string): void {
  transact(meeting, () => getItem(meetingNotes(meeting), noteId)?.set('stackedOn', null), CLUSTERING_ORIGIN);
}
