import { Suspense } from 'react';
import { AppShell } from '@/components/AppShell';
import { QrBlock } from '@/components/QrBlock';
import { StatusPill } from '@/components/StatusPill';
import { PresenceList } from '@/features/presence/PresenceList';
import { PhaseTimer } from '@/features/timer/PhaseTimer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo, usePhase } from '@/store/meetingHooks';
import { useConnection } from '@/store/session';
import { PhaseSlot } from './PhaseSlot';
import { ParkingLot, PromptsOverlay } from './phaseViews';
import { useJoinOrigin } from './useJoinOrigin';
import '@/styles/board.css';

/** The projected board: nobody types here; it follows the phase and the timer. */
export default function BoardView({ joinScreen }: { joinScreen: boolean }) {
  const t = useT();
  const info = useMeetingInfo();
  // the relay keeps the code in the control doc, so a board opened from any link can show it
  const joinCode = useMeeting().joinCode ?? info.joinCode ?? null;
  const { current } = usePhase();
  const connection = useConnection();
  const origin = useJoinOrigin();
  const title = info.title || t('shell.appName');
  if (joinScreen) {
    return (
      <AppShell variant="board" title={title} aside={<StatusPill connection={connection} />}>
        <h1 className="board-h1">{t('shell.board.joinHeading')}</h1>
        <QrBlock origin={origin} joinCode={joinCode} size={520} />
        <PresenceList compact />
      </AppShell>
    );
  }
  return (
    <AppShell variant="board" title={title} aside={<StatusPill connection={connection} />}>
      <div className="board-top">
        <h1 className="board-h1">{t(`shell.phase.${current}`)}</h1>
        <PhaseTimer size="huge" />
      </div>
      {current === 'setup' ? (
        // beside the agenda, not under it: the code must be on the projector while people arrive
        <div className="board-setup-layout">
          <PhaseSlot kind="Board" />
          <div className="board-join">
            <QrBlock origin={origin} joinCode={joinCode} size={340} />
          </div>
        </div>
      ) : (
        <PhaseSlot kind="Board" />
      )}
      <PresenceList compact={current !== 'setup'} />
      <Suspense fallback={null}>
        <PromptsOverlay />
        <ParkingLot variant="board" />
      </Suspense>
    </AppShell>
  );
}
