import { TimerDisplay } from '@/components/TimerDisplay';
import { isTimeUp, remainingMs } from '@/doc/timer';
import { useTimer } from '@/store/meetingHooks';
import { useServerNow } from '@/store/session';

/** The shared timer as every device shows it; hidden while nobody has started it. */
export function PhaseTimer({ size }: { size: 'huge' | 'large' | 'small' }) {
  const timer = useTimer();
  const now = useServerNow(size === 'small' ? 1000 : 250);
  if (timer.status === 'idle') return null;
  return (
    <TimerDisplay
      size={size}
      remainingMs={remainingMs(timer, now)}
      paused={timer.status === 'paused'}
      timeUp={isTimeUp(timer, now)}
    />
  );
}
