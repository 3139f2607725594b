// The per-meeting context: provides the open meeting (sync/session.ts) to React.
// Each meeting gets its own (no global singleton), which also keeps tests independent.
import { createContext, useContext, type ReactNode } from 'react';
import type { MeetingSession } from '@/sync/session';

const MeetingContext = createContext<MeetingSession | null>(null);

export function MeetingProvider({ session, children }: { session: MeetingSession; children: ReactNode }) {
  return <MeetingContext.Provider value={session}>{children}</MeetingContext.Provider>;
}

export function useMeeting(): MeetingSession {
  const session = useContext(MeetingContext);
  if (!session) throw new Error('useMeeting outside a MeetingProvider');
  return session;
}
