import { Suspense } from 'react';
import { useT } from '@/i18n/useT';
import { usePhase } from '@/store/meetingHooks';
import { phaseViews, type PhaseViews } from './phaseViews';

/** Renders the current phase's view for this kind of device; follows phase.current by itself. */
export function PhaseSlot({ kind }: { kind: keyof PhaseViews }) {
  const t = useT();
  const { current } = usePhase();
  const View = phaseViews[current][kind];
  return (
    <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
      <View key={current} />
    </Suspense>
  );
}
