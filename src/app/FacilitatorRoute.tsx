import { useMemo } from 'react';
import { AppShell } from '@/components/AppShell';
import { useT } from '@/i18n/useT';
import { loadFacilitator, saveFacilitator } from '@/sync/identity';
import BoardView from './BoardView';
import ConsoleView from './ConsoleView';
import { MeetingGate } from './MeetingGate';
import SummaryView from './SummaryView';
import '@/styles/board.css';

export interface FacilitatorRouteProps {
  meetingId: string;
  /** from the URL fragment; falls back to the key this device saved */
  keyFromUrl: string | null;
  view: 'console' | 'board' | 'summary';
  joinCodeFromUrl?: string | null;
  joinScreen?: boolean;
}

/** Console and board both connect with the facilitator key, kept only in the fragment and on this device. */
export default function FacilitatorRoute({ meetingId, keyFromUrl, view, joinCodeFromUrl = null, joinScreen = false }: FacilitatorRouteProps) {
  const t = useT();
  const record = useMemo(() => {
    const saved = loadFacilitator(meetingId);
    const key = keyFromUrl ?? saved?.key;
    if (!key) return null;
    if (view !== 'board') return saveFacilitator({ meetingId, key, joinCode: joinCodeFromUrl ?? undefined });
    return { ...saved, key, joinCode: joinCodeFromUrl ?? (saved?.key === key ? saved.joinCode : null) };
  }, [meetingId, keyFromUrl, view, joinCodeFromUrl]);
  if (!record) {
    return (
      <AppShell variant="page" title={t('shell.appName')}>
        <p role="alert">{t('shell.console.missingKey')}</p>
      </AppShell>
    );
  }
  return (
    <MeetingGate options={{ meetingId, role: view === 'board' ? 'board' : 'facilitator', key: record.key, joinCode: record.joinCode }}>
      {view === 'board' ? <BoardView joinScreen={joinScreen} /> : view === 'summary' ? <SummaryView /> : <ConsoleView />}
    </MeetingGate>
  );
}
