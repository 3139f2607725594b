import { useEffect, useState, type ReactNode } from 'react';
import { AppShell } from '@/components/AppShell';
import { Button } from '@/components/Button';
import { StatusPill } from '@/components/StatusPill';
import type { MessageKey } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { MeetingProvider } from '@/store/meeting';
import type { MeetingSession } from '@/sync/session';
import { openMeeting, type OpenMeetingOptions } from '@/sync/openMeeting';
import { useStore } from 'zustand';

const CLOSED: Record<number, MessageKey> = {
  4400: 'shell.closed.4400',
  4401: 'shell.closed.4401',
  4403: 'shell.closed.4403',
  4404: 'shell.closed.4404',
};

export interface MeetingGateProps {
  options: OpenMeetingOptions;
  children: ReactNode;
  /** offered when the relay refuses this device's key (e.g. a participant removed) */
  onRejoin?(): void;
}

/** Opens the meeting for as long as the view is shown; explains a refused connection. */
export function MeetingGate({ options, children, onRejoin }: MeetingGateProps) {
  const [session, setSession] = useState<MeetingSession | null>(null);
  const { meetingId, role, key, participantId, joinCode } = options;
  useEffect(() => {
    const opened = openMeeting({ meetingId, role, key, participantId, joinCode });
    setSession(opened);
    return () => opened.close();
  }, [meetingId, role, key, participantId, joinCode]);
  if (!session) return null;
  return (
    <MeetingProvider session={session}>
      <ClosedGuard session={session} onRejoin={onRejoin}>
        {children}
      </ClosedGuard>
    </MeetingProvider>
  );
}

function ClosedGuard({ session, children, onRejoin }: { session: MeetingSession; children: ReactNode; onRejoin?(): void }) {
  const t = useT();
  const code = useStore(session.local, (s) => s.closedCode);
  const loaded = useStore(session.local, (s) => s.loaded);
  const connection = useStore(session.local, (s) => s.connection);
  // until the first sync (or a copy on this device) views would flash defaults, e.g. the setup phase
  if (code === null && !loaded && connection.status !== 'offline') {
    return (
      <AppShell variant="page" title={t('shell.appName')} aside={<StatusPill connection={connection} />}>
        <p role="status">{t('shell.loading')}</p>
      </AppShell>
    );
  }
  if (code === null) return <>{children}</>;
  return (
    <AppShell variant="page" title={t('shell.appName')}>
      <h1>{t(CLOSED[code] ?? 'shell.closed.other')}</h1>
      <div className="row">
        {onRejoin && (code === 4401 || code === 4403) && (
          <Button variant="primary" size="large" onClick={onRejoin}>
            {t('shell.closed.rejoin')}
          </Button>
        )}
        <a className="btn btn--secondary btn--large" href="/">
          {t('shell.closed.home')}
        </a>
      </div>
    </AppShell>
  );
}
