// Hooks over the session's local store: connection state and the server clock.
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { SessionState } from '@/sync/session';
import { useMeeting } from './meeting';

export function useSessionState<T>(select: (s: SessionState) => T): T {
  const { local } = useMeeting();
  return useStore(local, select);
}

export const useConnection = () => useSessionState((s) => s.connection);

/** Server-clock milliseconds, re-read every tickMs so countdowns move. */
export function useServerNow(tickMs = 500): number {
  const offset = useSessionState((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(id);
  }, [tickMs]);
  return now + offset;
}
