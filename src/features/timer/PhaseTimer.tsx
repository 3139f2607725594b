import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { TimerDisplay } from '@/components/TimerDisplay';
import { isTimeUp, remainingMs } from '@/doc/timer';
import { useTimer } from '@/store/meetingHooks';
import { useServerNow } from '@/store/session';
import { useLastMinute } from './useLastMinute';

/** The shared timer as every device shows it; hidden while nobody has started it. */
export function PhaseTimer({ size }: { size: 'huge' | 'large' | 'small' }) {
  const timer = useTimer();
  const now = useServerNow(size === 'small' ? 1000 : 250);
  const lastMinute = useLastMinute(timer, now);
  // the live region stays while the timer is idle, so its first words are read out
  return (
    <>
      <LiveAnnouncer message={lastMinute} />
      {timer.status !== 'idle' && (
        <TimerDisplay size={size} remainingMs={remainingMs(timer, now)} paused={timer.status === 'paused'} timeUp={isTimeUp(timer, now)} />
      )}
    </>
  );
}
