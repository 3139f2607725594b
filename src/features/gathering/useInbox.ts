// What only the facilitator's screens read of the gathering: the notes still unrevealed, and how
// many notes each person has written.
import { useMemo } from 'react';
import type { InboxNote } from '@common/schema';
import { inboxView, noteCountsView, removedNotesView } from '@/doc/facilitator/gathering';
import type { View } from '@/doc/views';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

const EMPTY_VIEW: View<ReadonlyMap<string, never>> = { get: () => new Map<string, never>(), subscribe: () => () => {} };

export function useNoteCounts(): Partial<Record<string, number>> {
  const { docs } = useMeeting();
  return useView(noteCountsView(docs.control));
}

/** The facilitator's unrevealed notes, minus those already removed. */
export function useInbox(): InboxNote[] {
  const { docs } = useMeeting();
  const map = useView<ReadonlyMap<string, InboxNote>>(docs.inbox ? inboxView(docs.inbox) : EMPTY_VIEW);
  const removed = useView(removedNotesView(docs.control));
  return useMemo(
    () => [...map.values()].filter((n) => !(n.id in removed)).sort((a, b) => a.createdAt - b.createdAt),
    [map, removed],
  );
}
