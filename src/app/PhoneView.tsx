import { Suspense, useEffect } from 'react';
import { AppShell } from '@/components/AppShell';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { StatusPill } from '@/components/StatusPill';
import { EditSelf } from '@/features/join/EditSelf';
import { PhaseTimer } from '@/features/timer/PhaseTimer';
import { useT } from '@/i18n/useT';
import { useMeetingInfo, usePhase, useSelf } from '@/store/meetingHooks';
import { useConnection } from '@/store/session';
import { ClosedForms } from './ClosedNotice';
import { participantViewShown } from './registerServiceWorker';
import { PhaseSlot } from './PhaseSlot';
import { phoneViews, WholeBoardPhone } from './phoneViews';
import { ParkingLot } from './sharedViews';
import { useGatheringSettings } from '@/features/gathering/useGathering';
import '@/styles/phone.css';

export default function PhoneView() {
  const t = useT();
  const info = useMeetingInfo();
  const { current } = usePhase();
  const self = useSelf();
  const connection = useConnection();
  const { revealed } = useGatheringSettings();
  // the offline shell downloads after this view, never racing the join form or this view
  useEffect(() => participantViewShown(), []);
  return (
    <AppShell variant="phone" title={info.title || t('shell.appName')} aside={<StatusPill connection={connection} />}>
      {self && <p className="phone-self">{t('shell.phone.you', { name: self.name, organisation: self.organisation })}</p>}
      <LiveAnnouncer message={t('shell.announce.phase', { phase: t(`shell.phase.${current}`) })} />
      <PhaseTimer size="small" />
      <ClosedForms>
        <PhaseSlot kind="Phone" views={phoneViews} />
        <Suspense fallback={null}>
          {/* clustering shows the whole board itself */}
          {revealed && current === 'gathering' && <WholeBoardPhone />}
          <ParkingLot variant="phone" />
        </Suspense>
        <EditSelf />
      </ClosedForms>
    </AppShell>
  );
}
