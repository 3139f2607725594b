// Read hooks for the gathering feature, over the doc views (no second copy of shared state).
import { useMemo } from 'react';
import type { GatheringSettings, PrivateNote } from '@common/schema';
import { gatheringSettings, gatheringView } from '@/doc/gathering';
import { privateNotesView } from '@/doc/privateNotes';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import type { View } from '@/doc/views';

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
const EMPTY_VIEW: View<ReadonlyMap<string, never>> = { get: () => EMPTY, subscribe: () => () => {} };

export function useGatheringSettings(): GatheringSettings {
  const { docs } = useMeeting();
  const raw = useView(gatheringView(docs.control));
  return useMemo(() => gatheringSettings(raw), [raw]);
}

/** This participant's own notes, oldest first (empty on devices without a private doc). */
export function useMyNotes(): PrivateNote[] {
  const { docs } = useMeeting();
  const map = useView<ReadonlyMap<string, PrivateNote>>(docs.private ? privateNotesView(docs.private) : EMPTY_VIEW);
  return useMemo(() => [...map.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)), [map]);
}

