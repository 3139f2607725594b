// Meeting notes after the reveal: placement helpers shared by the clustering, stacking and
// parking commands, plus deleting, stacking and a participant's move of their own note.
import type * as Y from 'yjs';
import { ControlRoots, MeetingRoots, PrivateRoots, type Note } from '@common/schema';
import { getItem, rootFields, rootItems, setFields, transact, type ItemMap, type ItemsMap } from './core';
import { orderAtEnd } from './ids';
import { CLUSTERING_ORIGIN } from './undo';

export const meetingNotes = (meeting: Y.Doc): ItemsMap => rootItems(meeting, MeetingRoots.notes);

export type Placement = Partial<Pick<Note, 'clusterId' | 'parked' | 'order' | 'stackedOn'>>;

/** Ids of notes stacked directly on noteId. */
export function stackedOn(notes: ItemsMap, noteId: string): string[] {
  const ids: string[] = [];
  notes.forEach((item, id) => {
    if (item.get('stackedOn') === noteId) ids.push(id);
  });
  return ids;
}

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

/** Moves a note and the duplicates stacked on it (a stack follows its top note). */
export function placeNote(notes: ItemsMap, item: ItemMap, id: string, placement: Placement): void {
  setFields<Note>(item, placement);
  const { order: _order, stackedOn: _stackedOn, ...follow } = placement;
  for (const childId of stackedOn(notes, id)) {
    const child = getItem(notes, childId);
    if (child) setFields<Note>(child, follow);
  }
}

/** The order key after every note in the given cluster (null = loose). */
export function orderInCluster(notes: ItemsMap, clusterId: string | null): string {
  const orders: string[] = [];
  notes.forEach((item) => {
    if ((item.get('clusterId') ?? null) === clusterId) orders.push(String(item.get('order') ?? ''));
  });
  return orderAtEnd(orders.filter((o) => o !== ''));
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

export class MoveNotAllowedError extends Error {
  constructor(readonly reason: 'closed' | 'notYours') {
    super(`move refused: ${reason}`);
    this.name = 'MoveNotAllowedError';
  }
}

/**
 * A participant asks to move their own revealed note, when the facilitator allows it. The request
 * goes in their private doc and the relay applies it as itself (server/ownMoves.ts): written from
 * the phone, the move would carry the phone's Yjs client id and give the anonymous author away.
 */
export function moveOwnNote(docs: { control: Y.Doc; private: Y.Doc }, noteId: string, clusterId: string | null): void {
  if (rootFields(docs.control, ControlRoots.clustering).get('participantsMayMove') !== true) {
    throw new MoveNotAllowedError('closed');
  }
  const own = getItem(rootItems(docs.private, PrivateRoots.notes), noteId);
  if (!own || own.get('state') !== 'revealed') throw new MoveNotAllowedError('notYours');
  transact(docs.private, () => rootFields(docs.private, PrivateRoots.moves).set(noteId, clusterId ?? ''));
}
