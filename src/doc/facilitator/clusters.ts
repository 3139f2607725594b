// The facilitator's clustering commands, all under CLUSTERING_ORIGIN so they can be undone.
// Membership lives on the note (clusterId); order is a fractional-index string.
import type * as Y from 'yjs';
import type { Cluster } from '@common/schema';
import { read, TextRules } from '@common/records';
import { byOrder } from '@common/order';
import { cleanText } from '@common/text';
import { createItem, getItem, setFields, transact, type ItemsMap } from '../core';
import { newId, orderAtEnd, orderBetween } from '../ids';
import { meetingNotes, orderInCluster, placeNote } from '../notes';
import { stackTop } from './notes';
import { CLUSTERING_ORIGIN } from '../undo';
import { recordMerge } from './voting';
import { meetingClusters } from '../clusters';

const cleanName = (name: string) => cleanText(name, TextRules.clusterName);

function clusterOrders(clusters: ItemsMap): string[] {
  const orders: string[] = [];
  clusters.forEach((item) => orders.push(String(item.get('order') ?? '')));
  return orders.filter((o) => o !== '');
}

/** A new, empty cluster at the end of the board; call inside a transaction. */
function addCluster(clusters: ItemsMap, name: string): string {
  const id = newId();
  const cluster: Cluster = {
    id,
    name: cleanName(name),
    order: orderAtEnd(clusterOrders(clusters)),
    parked: false,
    handOverTo: '',
    createdAt: Date.now(),
  };
  createItem(clusters, id, cluster);
  return id;
}

/** Drops note `noteId` onto note `ontoId`: a new cluster holding both (the stacks come along). */
export function createClusterFromNotes(meeting: Y.Doc, noteId: string, ontoId: string, name: string): string | null {
  return transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const clusters = meetingClusters(meeting);
      const ontoTop = stackTop(notes, ontoId);
      const movedTop = stackTop(notes, noteId);
      const onto = getItem(notes, ontoTop);
      const moved = getItem(notes, movedTop);
      if (!onto || !moved || ontoTop === movedTop) return null;
      const id = addCluster(clusters, name);
      const first = orderBetween(null, null);
      placeNote(notes, onto, ontoTop, { clusterId: id, parked: false, order: first });
      placeNote(notes, moved, movedTop, { clusterId: id, parked: false, order: orderBetween(first, null) });
      return id;
    },
    CLUSTERING_ORIGIN,
  );
}

/** A new cluster holding one note (the menu's "Nytt kluster"; dropping onto a note uses createClusterFromNotes). */
export function createClusterWithNote(meeting: Y.Doc, noteId: string, name: string): string | null {
  return transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const clusters = meetingClusters(meeting);
      const topId = stackTop(notes, noteId);
      const item = getItem(notes, topId);
      if (!item) return null;
      const id = addCluster(clusters, name);
      placeNote(notes, item, topId, { clusterId: id, parked: false, order: orderBetween(null, null) });
      return id;
    },
    CLUSTERING_ORIGIN,
  );
}

/** Adds a note (and its stack) to the end of a cluster. A duplicate moved on its own leaves its stack. */
export function moveNoteToCluster(meeting: Y.Doc, noteId: string, clusterId: string): void {
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const item = getItem(notes, noteId);
      if (!item || !getItem(meetingClusters(meeting), clusterId)) return;
      placeNote(notes, item, noteId, {
        clusterId,
        parked: false,
        stackedOn: null,
        order: orderInCluster(notes, clusterId),
      });
    },
    CLUSTERING_ORIGIN,
  );
}

/** Back to the loose notes (also takes a note out of the parking lot). */
export function removeNoteFromCluster(meeting: Y.Doc, noteId: string): void {
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const item = getItem(notes, noteId);
      if (!item) return;
      placeNote(notes, item, noteId, {
        clusterId: null,
        parked: false,
        stackedOn: null,
        order: orderInCluster(notes, null),
      });
    },
    CLUSTERING_ORIGIN,
  );
}

/** Places a cluster between two neighbours (null = the start / the end of the board). */
export function moveCluster(meeting: Y.Doc, clusterId: string, beforeId: string | null, afterId: string | null): void {
  transact(
    meeting,
    () => {
      const clusters = meetingClusters(meeting);
      const item = getItem(clusters, clusterId);
      if (!item) return;
      const orderOf = (id: string | null) => (id ? ((getItem(clusters, id)?.get('order') as string) ?? null) : null);
      let before = orderOf(beforeId);
      let after = orderOf(afterId);
      // concurrent inserts can leave equal or crossed keys: fall back to an open end
      if (before !== null && after !== null && before >= after) after = null;
      if (before === null && after !== null && after === '') before = null;
      item.set('order', orderBetween(before, after));
    },
    CLUSTERING_ORIGIN,
  );
}

export function renameCluster(meeting: Y.Doc, clusterId: string, name: string): void {
  transact(
    meeting,
    () => {
      const item = getItem(meetingClusters(meeting), clusterId);
      if (item) setFields<Cluster>(item, { name: cleanName(name) });
    },
    CLUSTERING_ORIGIN,
  );
}

/** Moves every note of `sourceId` into `targetId` and deletes the emptied source. */
export function mergeClusters(meeting: Y.Doc, sourceId: string, targetId: string): void {
  if (sourceId === targetId) return;
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const clusters = meetingClusters(meeting);
      if (!getItem(clusters, sourceId) || !getItem(clusters, targetId)) return;
      let last: string | null = null;
      notes.forEach((item) => {
        if (item.get('clusterId') === targetId) {
          const order = String(item.get('order') ?? '');
          if (order !== '' && (last === null || order > last)) last = order;
        }
      });
      const moving: string[] = [];
      notes.forEach((item, id) => {
        if (item.get('clusterId') === sourceId) moving.push(id);
      });
      // in the board's order (code units, like every order key), so the merged notes keep theirs
      moving.sort((a, b) => byOrder({ id: a, order: read.order(notes.get(a)?.get('order')) }, { id: b, order: read.order(notes.get(b)?.get('order')) }));
      for (const id of moving) {
        const item = getItem(notes, id);
        if (!item) continue;
        const order: string = orderBetween(last, null);
        last = order;
        setFields(item, { clusterId: targetId, order });
      }
      clusters.delete(sourceId);
      // dots placed on the source follow it into the target
      recordMerge(meeting, sourceId, targetId);
    },
    CLUSTERING_ORIGIN,
  );
}

/** Deletes a cluster; its notes become loose. */
export function deleteCluster(meeting: Y.Doc, clusterId: string): void {
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      notes.forEach((item) => {
        if (item.get('clusterId') === clusterId) item.set('clusterId', null);
      });
      meetingClusters(meeting).delete(clusterId);
    },
    CLUSTERING_ORIGIN,
  );
}
