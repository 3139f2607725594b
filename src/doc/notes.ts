// Meeting notes after the reveal: placement helpers shared by the clustering, stacking and
// parking commands (facilitator/), and a participant's move of their own note.
import type * as Y from 'yjs';
import { ControlRoots, MeetingRoots, PrivateRoots, type Note } from '@common/schema';
import { getItem, rootFields, rootItems, setFields, transact, type ItemMap, type ItemsMap } from './core';
import { orderAtEnd } from './ids';

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
