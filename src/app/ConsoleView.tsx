import { Suspense } from 'react';
import { AppShell } from '@/components/AppShell';
import { QrBlock } from '@/components/QrBlock';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { StatusPill } from '@/components/StatusPill';
import { PhaseStepper } from '@/features/phases/PhaseStepper';
import { PresenceList } from '@/features/presence/PresenceList';
import { TimerControls } from '@/features/timer/TimerControls';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo, usePhase } from '@/store/meetingHooks';
import { usePresence } from '@/store/presence';
import { useConnection } from '@/store/session';
import { PhaseSlot } from './PhaseSlot';
import { consoleViews, PromptsConsole } from './phaseViews';
import { ParkingLot } from './sharedViews';
import { boardPath } from './routes';
import { useJoinHidden } from './useJoinHidden';
import { useJoinOrigin } from './useJoinOrigin';
import { ViewerLink } from './ViewerLink';
import '@/styles/console.css';

/** The facilitator's laptop: phases, timer, join info, presence, and the current phase's tools. */
export default function ConsoleView() {
  const t = useT();
  const { meetingId, key, joinCode: codeFromLink } = useMeeting();
  const info = useMeetingInfo();
  const joinCode = codeFromLink ?? info.joinCode ?? null;
  const { current } = usePhase();
  const connection = useConnection();
  const origin = useJoinOrigin();
  const boards = usePresence().roles.board ?? 0;
  const [joinHidden, setJoinHidden] = useJoinHidden();
  return (
    <AppShell variant="console" title={`${t('shell.console.heading')} – ${info.title || t('shell.appName')}`} aside={<StatusPill connection={connection} />}>
      <div className="console-layout">
        <aside className="console-side">
          <PhaseStepper />
          <TimerControls />
          <section className="card" aria-labelledby="joininfo-h">
            <h2 id="joininfo-h">{t('shell.console.joinInfo')}</h2>
            <QrBlock origin={origin} joinCode={joinCode} size={200} />
            <div className="stack">
              <p>
                <span aria-hidden="true">{boards ? '● ' : '○ '}</span>
                {boards ? t('shell.console.boardOpen', { count: boards }) : t('shell.console.boardClosed')}
              </p>
              <a className="btn btn--secondary" href={boardPath(meetingId, key, joinCode)} target="_blank" rel="noopener">
                {t('shell.console.openBoard')}
              </a>
              <a className="btn btn--secondary" href={boardPath(meetingId, key, joinCode, true)} target="_blank" rel="noopener">
                {t('shell.console.openJoinScreen')}
              </a>
              <label className="console-switch">
                <input
                  type="checkbox"
                  role="switch"
                  checked={!joinHidden}
                  onChange={(e) => setJoinHidden?.(!e.target.checked)}
                />
                {t('shell.console.showJoinOnBoard')}
              </label>
              <ViewerLink />
            </div>
          </section>
          <section className="card">
            <PresenceList />
          </section>
        </aside>
        <div className="console-main">
          <h1>{t(`shell.phase.${current}`)}</h1>
          <LiveAnnouncer message={t('shell.announce.phase', { phase: t(`shell.phase.${current}`) })} />
          <PhaseSlot kind="Console" views={consoleViews} />
          <Suspense fallback={null}>
            <PromptsConsole />
            <ParkingLot variant="console" />
          </Suspense>
        </div>
      </div>
    </AppShell>
  );
}
