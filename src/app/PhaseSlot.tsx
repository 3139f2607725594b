import { Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '@/i18n/useT';
import { usePhase } from '@/store/meetingHooks';
import { phaseViews, type PhaseViews } from './phaseViews';

/** Text typed into a field of this box and not yet sent. */
function hasUnsentText(box: HTMLElement | null): boolean {
  if (!box) return false;
  for (const field of box.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('textarea, input[type="text"], input:not([type])')) {
    if (field.value.trim() !== '' && field.value !== field.defaultValue) return true;
  }
  return false;
}

/**
 * Renders the current phase's view for this kind of device; follows phase.current by itself.
 * A phone holds on to the view while its person has unsent text in it: the phase change is
 * announced with a button to move on, and nothing typed is thrown away.
 */
export function PhaseSlot({ kind }: { kind: keyof PhaseViews }) {
  const t = useT();
  const { current } = usePhase();
  const [shown, setShown] = useState(current);
  const box = useRef<HTMLDivElement>(null);
  const follow = useCallback(() => setShown(current), [current]);
  const recheck = useCallback(() => {
    if (shown !== current && !hasUnsentText(box.current)) setShown(current);
  }, [shown, current]);
  useLayoutEffect(() => {
    if (shown === current) return;
    if (kind !== 'Phone' || !hasUnsentText(box.current)) setShown(current);
  }, [shown, current, kind]);
  const View = phaseViews[shown][kind];
  return (
    <div ref={box} className="phase-slot" onInputCapture={recheck} onBlurCapture={recheck} onSubmitCapture={() => setTimeout(recheck, 0)}>
      {shown !== current && (
        <div className="phase-moved" role="status">
          <p>{t('shell.phone.phaseMoved', { phase: t(`shell.phase.${current}`) })}</p>
          <button type="button" className="btn btn--primary" onClick={follow}>
            {t('shell.phone.followPhase', { phase: t(`shell.phase.${current}`) })}
          </button>
        </div>
      )}
      <Suspense fallback={<p role="status">{t('shell.loading')}</p>}>
        <View key={shown} />
      </Suspense>
    </div>
  );
}
