import { Suspense, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useT } from '@/i18n/useT';
import { usePhase } from '@/store/meetingHooks';
import type { PhaseId } from '@common/schema';
import type { View } from './sharedViews';

/**
 * The person is typing right now: a text field in this box has focus and holds text that is not
 * saved yet (fields marked data-live save as they are typed, e.g. a group's shared answers).
 */
function isTyping(box: HTMLElement | null): boolean {
  const field = document.activeElement;
  if (!box || !field || !box.contains(field) || field.hasAttribute('data-live')) return false;
  const text = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && (field.type === 'text' || field.type === ''));
  return text && (field as HTMLInputElement | HTMLTextAreaElement).value.trim() !== '';
}

/**
 * Renders the current phase's view for this kind of device; follows phase.current by itself.
 * A phone holds on to the view while its person has unsent text in it: the phase change is
 * announced with a button to move on, and nothing typed is thrown away.
 */
export function PhaseSlot({ kind, views }: { kind: 'Phone' | 'Board' | 'Console'; views: Record<PhaseId, View> }) {
  const t = useT();
  const { current } = usePhase();
  const [shown, setShown] = useState(current);
  const box = useRef<HTMLDivElement>(null);
  const follow = useCallback(() => setShown(current), [current]);
  // held until the person moves on themselves or empties the field (sent it, or cleared it)
  const recheck = useCallback(() => {
    const field = document.activeElement;
    if (shown !== current && (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement) && field.value.trim() === '') setShown(current);
  }, [shown, current]);
  useLayoutEffect(() => {
    if (shown === current) return;
    if (kind !== 'Phone' || !isTyping(box.current)) setShown(current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [current]);
  // a phone or the console starts each new phase at its top, as a new page would: scrolled down
  // the last phase's long list (the whole board, the vote), the person would land in the middle of
  // the next one. The board never scrolls.
  const firstView = useRef(true);
  useLayoutEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    if (kind !== 'Board' && window.scrollY > 0) window.scrollTo(0, 0);
  }, [shown, kind]);
  const View = views[shown];
  return (
    <div ref={box} className="phase-slot" onInputCapture={recheck}>
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
