// Whether the boards hide the corner QR code and join code: a meeting setting, not a window's.
import { useCallback } from 'react';
import { setJoinHidden } from '@/doc/board';
import { useBoardDisplay } from '@/features/prompts/useBoardDisplay';
import { useMeeting } from '@/store/meeting';

/** The setting, and its setter on the facilitator's console and board window (undefined for the view-only key). */
export function useJoinHidden(): [boolean, ((hidden: boolean) => void) | undefined] {
  const { docs, role } = useMeeting();
  const hidden = useBoardDisplay().joinHidden;
  const set = useCallback((value: boolean) => setJoinHidden(docs.control, value), [docs.control]);
  // role 'stage' is the facilitator's own board window (facilitator key); 'viewer' holds the board key
  return [hidden, role === 'facilitator' || role === 'stage' ? set : undefined];
}
