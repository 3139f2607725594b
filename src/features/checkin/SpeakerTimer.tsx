import { TimerDisplay } from '@/components/TimerDisplay';
import { speakerRemainingMs } from '@/doc/checkin';
import { useT } from '@/i18n/useT';
import { useCheckin } from '@/store/meetingHooks';
import { useServerNow } from '@/store/session';

export function SpeakerTimer({ size }: { size: 'huge' | 'large' | 'small' }) {
  const t = useT();
  const state = useCheckin();
  const now = useServerNow(250);
  const left = speakerRemainingMs(state, now);
  if (left === null) return null;
  return <TimerDisplay size={size} remainingMs={left} timeUp={left === 0} label={t('checkin.speakerTimeLeft')} />;
}
