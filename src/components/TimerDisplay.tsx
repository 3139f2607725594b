import { useT } from '@/i18n/useT';

export function formatMs(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

export interface TimerDisplayProps {
  remainingMs: number;
  paused?: boolean;
  timeUp: boolean;
  size: 'huge' | 'large' | 'small';
  label?: string;
}

/** A countdown; running out shows an icon and words, not only a colour change. */
export function TimerDisplay({ remainingMs, paused, timeUp, size, label }: TimerDisplayProps) {
  const t = useT();
  return (
    <div className={`timer timer--${size}${timeUp ? ' timer--up' : ''}`}>
      <span className="timer__label">{label ?? t('shell.timer.label')}</span>
      <span className="timer__value" role="timer" aria-label={label ?? t('shell.timer.label')}>
        {formatMs(remainingMs)}
      </span>
      {paused && !timeUp && <span className="timer__note">
          <span aria-hidden="true">❚❚ </span>
          {t('shell.timer.paused')}
        </span>}
      {timeUp && (
        <span className="timer__note" role="alert">
          <span aria-hidden="true">⚠ </span>
          {t('shell.timer.timeUp')}
        </span>
      )}
    </div>
  );
}
