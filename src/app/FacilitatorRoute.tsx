import { useMemo } from 'react';
import '@/i18n/facilitator';
import { AppShell } from '@/components/AppShell';
import { useT } from '@/i18n/useT';
import { loadFacilitator, tabKeyFor } from '@/sync/identity';
import BoardView from './BoardView';
import ConsoleView from './ConsoleView';
import { MeetingGate } from './MeetingGate';
import SummaryView from './SummaryView';
import '@/styles/board.css';

export interface FacilitatorRouteProps {
  meetingId: string;
  /** console and board use the facilitator key; the viewer, the view-only board key */
  view: 'console' | 'board' | 'viewer' | 'summary';
  joinCodeFromUrl?: string | null;
  joinScreen?: boolean;
}

/**
 * Console and board connect with the facilitator key, the viewer with the board key: taken from
 * the address bar into this tab's storage on load (routes.ts), or this device's saved meetings.
 */
export default function FacilitatorRoute({ meetingId, view, joinCodeFromUrl = null, joinScreen = false }: FacilitatorRouteProps) {
  const t = useT();
  const record = useMemo(() => {
    if (view === 'viewer') {
      const key = tabKeyFor(meetingId, 'viewer');
      return key ? { key, joinCode: joinCodeFromUrl } : null;
    }
    const saved = loadFacilitator(meetingId);
    const key = tabKeyFor(meetingId, 'facilitator') ?? saved?.key;
    if (!key) return null;
    return { key, joinCode: joinCodeFromUrl ?? (saved?.key === key ? saved.joinCode : null) };
  }, [meetingId, view, joinCodeFromUrl]);
  if (!record) {
    return (
      <AppShell variant="page" title={t('shell.appName')}>
        <p role="alert">{t('shell.console.missingKey')}</p>
      </AppShell>
    );
  }
  return (
    <MeetingGate options={{ meetingId, role: view === 'console' || view === 'summary' ? 'facilitator' : view === 'board' ? 'stage' : 'viewer', key: record.key, joinCode: record.joinCode }}>
      {view === 'console' ? <ConsoleView /> : view === 'summary' ? <SummaryView /> : <BoardView joinScreen={joinScreen} />}
    </MeetingGate>
  );
}
