import { useRef, useState } from 'react';
import { Button } from '@/components/Button';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { TextField } from '@/components/TextField';
import { TimerDisplay } from '@/components/TimerDisplay';
import { isTimeUp, remainingMs } from '@/doc/timer';
import { addMinute, pauseTimer, resetTimer, resumeTimer, startTimer } from '@/doc/facilitator/timer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useTimer } from '@/store/meetingHooks';
import { useServerNow, useSessionState } from '@/store/session';
import { useLastMinute } from './useLastMinute';

/** The facilitator's timer: start with minutes, pause/resume, +1 minute, reset. */
export function TimerControls() {
  const t = useT();
  const { docs } = useMeeting();
  const timer = useTimer();
  const now = useServerNow(500);
  const lastMinute = useLastMinute(timer, now);
  const offset = useSessionState((s) => s.clockOffsetMs);
  // commands use the clock at the moment of the click, not the last display tick
  const at = () => Date.now() + offset;
  const [minutes, setMinutes] = useState('5');
  const box = useRef<HTMLElement>(null);
  const control = docs.control;
  const parsed = Math.max(0.5, Math.min(180, Number(minutes.replace(',', '.')) || 5));
  return (
    <section ref={box} className="card timer-controls" aria-labelledby="timer-h">
      <h2 id="timer-h">{t('shell.timer.heading')}</h2>
      <LiveAnnouncer message={lastMinute} />
      <TimerDisplay
        size="large"
        remainingMs={remainingMs(timer, now)}
        paused={timer.status === 'paused'}
        timeUp={isTimeUp(timer, now)}
      />
      <div className="row">
        <TextField
          label={t('shell.timer.minutes')}
          type="number"
          inputMode="decimal"
          min={1}
          max={180}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          className="field--narrow"
        />
        <Button variant="primary" data-timer-start="" onClick={() => startTimer(control, parsed * 60_000, at())}>
          {t('shell.timer.start')}
        </Button>
      </div>
      <div className="row">
        {timer.status === 'running' && <Button onClick={() => pauseTimer(control, at())}>{t('shell.timer.pause')}</Button>}
        {timer.status === 'paused' && <Button onClick={() => resumeTimer(control, at())}>{t('shell.timer.resume')}</Button>}
        <Button onClick={() => addMinute(control, at())}>{t('shell.timer.addMinute')}</Button>
        <Button
          onClick={() => {
            resetTimer(control);
            // the reset button is disabled now: keep the keyboard's place on the next thing to do
            box.current?.querySelector<HTMLButtonElement>('[data-timer-start]')?.focus();
          }}
          disabled={timer.status === 'idle'}
        >
          {t('shell.timer.reset')}
        </Button>
      </div>
    </section>
  );
}
