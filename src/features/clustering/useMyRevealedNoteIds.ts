// Ids of this participant's own revealed notes (from their private doc), to find them on the board.
import { useMemo } from 'react';
import type { PrivateNote } from '@common/schema';
import { privateNotesView } from '@/doc/privateNotes';
import type { View } from '@/doc/views';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

const EMPTY = new Map<string, PrivateNote>();
const EMPTY_VIEW: View<ReadonlyMap<string, PrivateNote>> = { get: () => EMPTY, subscribe: () => () => {} };

export function useMyRevealedNoteIds(): ReadonlySet<string> {
  const { docs } = useMeeting();
  const map = useView(docs.private ? privateNotesView(docs.private) : EMPTY_VIEW);
  // keys are the note ids (the same ids the relay gives the revealed notes)
  return useMemo(() => new Set([...map].filter(([, n]) => n.state === 'revealed').map(([id]) => id)), [map]);
}
