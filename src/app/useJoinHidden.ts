// Whether the boards hide the corner QR code and join code: a meeting setting, not a window's.
import { useCallback } from 'react';
import { boardDisplayView, setJoinHidden } from '@/doc/board';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

/** The setting, and its setter on the facilitator's console and board window (undefined for the view-only key). */
export function useJoinHidden(): [boolean, ((hidden: boolean) => void) | undefined] {
  const { docs, role } = useMeeting();
  const hidden = useView(boardDisplayView(docs.control)).joinHidden === true;
  const set = useCallback((value: boolean) => setJoinHidden(docs.control, value), [docs.control]);
  // role 'board' is the facilitator's own board window (facilitator key); 'viewer' holds the board key
  return [hidden, role === 'facilitator' || role === 'board' ? set : undefined];
}
