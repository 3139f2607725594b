// The summary on its own page: where the facilitator finds the minutes after the meeting.
import { Suspense } from 'react';
import { AppShell } from '@/components/AppShell';
import { StatusPill } from '@/components/StatusPill';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo } from '@/store/meetingHooks';
import { useConnection } from '@/store/session';
import { SummaryConsole } from './phaseViews';
import { consolePath } from '@/sync/addresses';
import '@/styles/console.css';

export default function SummaryView() {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const info = useMeetingInfo();
  return (
    <AppShell variant="console" title={`${t('summary.heading')} – ${info.title || t('shell.appName')}`} aside={<StatusPill connection={useConnection()} />}>
      <h1 className="no-print">{t('summary.heading')}</h1>
      <p className="no-print">
        <a href={consolePath(meetingId, key, info.joinCode ?? null)}>{t('shell.console.heading')}</a>
      </p>
      <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
        <SummaryConsole />
      </Suspense>
    </AppShell>
  );
}
