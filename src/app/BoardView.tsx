import { Suspense } from 'react';
import { AppShell } from '@/components/AppShell';
import { BoardStage } from '@/components/BoardStage';
import { JoinCorner } from '@/components/JoinCorner';
import { QrBlock } from '@/components/QrBlock';
import { StatusPill } from '@/components/StatusPill';
import { PresenceList } from '@/features/presence/PresenceList';
import { PresenceSummary } from '@/features/presence/PresenceSummary';
import { PhaseTimer } from '@/features/timer/PhaseTimer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo, usePhase } from '@/store/meetingHooks';
import { useConnection } from '@/store/session';
import { ClosedNotice, useMeetingClosed } from './ClosedNotice';
import { PhaseSlot } from './PhaseSlot';
import { boardViews, PromptsOverlay } from './phaseViews';
import { ParkingLot } from './sharedViews';
import { useJoinHidden } from './useJoinHidden';
import { useJoinOrigin } from './useJoinOrigin';
import '@/styles/board.css';

/** The projected board: a stage that fits one screen in every phase (docs/board-stage.md). */
export default function BoardView({ joinScreen }: { joinScreen: boolean }) {
  const t = useT();
  const info = useMeetingInfo();
  // the relay keeps the code in the control doc, so a board opened from any link can show it
  const joinCode = useMeeting().joinCode ?? info.joinCode ?? null;
  const { current } = usePhase();
  const connection = useConnection();
  const origin = useJoinOrigin();
  const [joinHidden, setJoinHidden] = useJoinHidden();
  const title = info.title || t('shell.appName');
  const closed = useMeetingClosed();
  const notice = closed ? <ClosedNotice variant="board" /> : null;
  if (joinScreen) {
    return (
      <AppShell variant="board" title={title} aside={<StatusPill connection={connection} />}>
        <BoardStage
          heading={
            <>
              <h1 className="board-h1">{t('shell.board.joinHeading')}</h1>
              {notice}
            </>
          }
          foot={<PresenceList compact />}
        >
          <div className="board-joinscreen">
            <QrBlock origin={origin} joinCode={joinCode} size={520} />
          </div>
        </BoardStage>
      </AppShell>
    );
  }
  const setup = current === 'setup';
  return (
    <AppShell variant="board" title={title} aside={<StatusPill connection={connection} />}>
      <BoardStage
        heading={
          <>
            <h1 className="board-h1" data-phase={current}>
              {t(`shell.phase.${current}`)}
            </h1>
            {notice}
          </>
        }
        aside={<PhaseTimer size="huge" />}
        // in set-up the large code is on the stage itself
        corner={setup ? null : <JoinCorner origin={origin} joinCode={joinCode} hidden={joinHidden} onHiddenChange={setJoinHidden} />}
        foot={
          <>
            <PresenceSummary />
            <Suspense fallback={null}>
              <ParkingLot variant="board" />
            </Suspense>
          </>
        }
      >
        {setup ? (
          // beside the agenda, not under it: the code must be on the projector while people arrive
          <div className="board-setup-layout">
            <PhaseSlot kind="Board" views={boardViews} />
            <div className="board-join">
              <QrBlock origin={origin} joinCode={joinCode} size={340} />
            </div>
          </div>
        ) : (
          <PhaseSlot kind="Board" views={boardViews} />
        )}
      </BoardStage>
      <Suspense fallback={null}>
        <PromptsOverlay />
      </Suspense>
    </AppShell>
  );
}
