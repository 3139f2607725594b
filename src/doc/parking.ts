// The parking lot: what lies outside the forum's mandate, with whom it is handed over to.
import type * as Y from 'yjs';
import type { Cluster } from '@common/schema';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { getItem, setFields, transact } from './core';
import { meetingClusters } from './clusters';
import { meetingNotes, orderInCluster, placeNote } from './notes';
import { CLUSTERING_ORIGIN } from './undo';

export type ParkedRef = { kind: 'note' | 'cluster'; id: string };

// per window, never shared: only the window where the facilitator parked opens the hand-over field
const parkedHere = new WeakMap<Y.Doc, Set<(ref: ParkedRef) => void>>();

/** Calls `listener` when this window parks a note or cluster; returns the unsubscribe. */
export function onParkedHere(meeting: Y.Doc, listener: (ref: ParkedRef) => void): () => void {
  const set = parkedHere.get(meeting) ?? new Set();
  parkedHere.set(meeting, set);
  set.add(listener);
  return () => void set.delete(listener);
}

export function announceParked(meeting: Y.Doc, ref: ParkedRef): void {
  for (const listener of parkedHere.get(meeting) ?? []) listener(ref);
}

/** Back onto the board: a note becomes loose, a cluster returns with its notes. */
export function unpark(meeting: Y.Doc, ref: ParkedRef): void {
  transact(
    meeting,
    () => {
      if (ref.kind === 'cluster') {
        const item = getItem(meetingClusters(meeting), ref.id);
        if (item) setFields<Cluster>(item, { parked: false });
        return;
      }
      const notes = meetingNotes(meeting);
      const item = getItem(notes, ref.id);
      if (item) placeNote(notes, item, ref.id, { parked: false, clusterId: null, order: orderInCluster(notes, null) });
    },
    CLUSTERING_ORIGIN,
  );
}

/** To which forum, organisation or person a parked item is handed over. */
export function setHandOverTo(meeting: Y.Doc, ref: ParkedRef, handOverTo: string): void {
  transact(
    meeting,
    () => {
      const items = ref.kind === 'note' ? meetingNotes(meeting) : meetingClusters(meeting);
      const item = getItem(items, ref.id);
      if (item) setFields(item, { handOverTo: cleanText(handOverTo, TextRules.handOver) });
    },
    CLUSTERING_ORIGIN,
  );
}
