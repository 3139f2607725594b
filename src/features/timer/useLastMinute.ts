// The timer's last minute, as words for a live region: '' before it and after time is up (which
// the timer itself says, as an alert).
import type { TimerState } from '@common/schema';
import { remainingMs } from '@/doc/timer';
import { useT } from '@/i18n/useT';

const MINUTE = 60_000;

export function useLastMinute(timer: TimerState, serverNow: number): string {
  const t = useT();
  const left = remainingMs(timer, serverNow);
  return timer.status === 'running' && left > 0 && left <= MINUTE ? t('shell.timer.lastMinute') : '';
}
