// The facilitator parks a note or a cluster (with whom it is handed over to), under
// CLUSTERING_ORIGIN.
import type * as Y from 'yjs';
import type { Cluster, Note } from '@common/schema';
import { TextRules } from '@common/records';
import { cleanText } from '@common/text';
import { getItem, setFields, transact } from '../core';
import { meetingClusters } from '../clusters';
import { meetingNotes, placeNote } from '../notes';
import { CLUSTERING_ORIGIN } from '../undo';
import { announceParked } from '../parking';

export function parkNote(meeting: Y.Doc, noteId: string, handOverTo?: string): void {
  let parked = false;
  transact(
    meeting,
    () => {
      const notes = meetingNotes(meeting);
      const item = getItem(notes, noteId);
      if (!item) return;
      placeNote(notes, item, noteId, { clusterId: null, parked: true, stackedOn: null });
      if (handOverTo !== undefined) setFields<Note>(item, { handOverTo: cleanText(handOverTo, TextRules.handOver) });
      parked = true;
    },
    CLUSTERING_ORIGIN,
  );
  if (parked) announceParked(meeting, { kind: 'note', id: noteId });
}

export function parkCluster(meeting: Y.Doc, clusterId: string, handOverTo?: string): void {
  let parked = false;
  transact(
    meeting,
    () => {
      const item = getItem(meetingClusters(meeting), clusterId);
      if (!item) return;
      setFields<Cluster>(item, { parked: true });
      if (handOverTo !== undefined) setFields<Cluster>(item, { handOverTo: cleanText(handOverTo, TextRules.handOver) });
      parked = true;
    },
    CLUSTERING_ORIGIN,
  );
  if (parked) announceParked(meeting, { kind: 'cluster', id: clusterId });
}
