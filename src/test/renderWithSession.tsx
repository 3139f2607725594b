import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MeetingProvider } from '@/store/meeting';
import type { MeetingSession } from '@/sync/session';

/** Renders ui inside a MeetingProvider for the given session. */
export function renderWithSession(ui: ReactElement, session: MeetingSession): RenderResult {
  return render(<MeetingProvider session={session}>{ui}</MeetingProvider>);
}

/** The same meeting seen from another device role (shares the docs: as if perfectly synced). */
export function asRole(session: MeetingSession, role: MeetingSession['role'], participantId: string | null = null): MeetingSession {
  return { ...session, role, participantId };
}
