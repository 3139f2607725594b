import { Button } from '@/components/Button';
import { appendLatecomers, arrivalOrder, nextSpeaker, setCurrentSpeaker, setOrder, shuffled } from '@/doc/facilitator/checkin';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useOnlineParticipants } from '@/store/presence';
import { useSessionState } from '@/store/session';
import { QuestionForm } from './QuestionForm';
import { SpeakerTimer } from './SpeakerTimer';
import { SpeakingOrder } from '@/components/SpeakingOrder';
import { useNextKey } from './useNextKey';
import { useRound } from './useRound';

export function CheckinConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const offset = useSessionState((s) => s.clockOffsetMs);
  const online = useOnlineParticipants();
  const { state, speakers, passed, remaining } = useRound();
  const serverNow = () => Date.now() + offset;
  const ids = online.map((p) => p.id);
  const latecomers = ids.filter((id) => !state.order.includes(id));
  const answered = speakers.filter((s) => s.status === 'spoken' || s.status === 'passed' || s.answer?.text).length;
  const canAdvance = state.order.length > 0 && (state.current !== null || remaining > 0);
  const advance = () => nextSpeaker(docs.control, serverNow(), passed);
  useNextKey(advance, canAdvance);

  return (
    <div className="console-grid">
      <QuestionForm />
      <section className="card" aria-labelledby="order-h">
        <h2 id="order-h">{t('checkin.order.heading')}</h2>
        <div className="row">
          <Button onClick={() => setOrder(docs.control, shuffled(ids))} disabled={ids.length === 0}>
            {t('checkin.order.shuffle')}
          </Button>
          <Button onClick={() => setOrder(docs.control, arrivalOrder(online))} disabled={ids.length === 0}>
            {t('checkin.order.arrival')}
          </Button>
          {state.order.length > 0 && latecomers.length > 0 && (
            <Button onClick={() => appendLatecomers(docs.control, latecomers)}>
              {t('checkin.order.addLate', { count: latecomers.length })}
            </Button>
          )}
        </div>
        {state.order.length > 0 && <p className="progress">{t('shell.progress', { done: answered, total: state.order.length })}</p>}
        <div className="row">
          <Button variant="primary" size="large" onClick={advance} disabled={!canAdvance} aria-keyshortcuts="N Space">
            {state.current || state.spoken.length ? t('checkin.next') : t('checkin.start')}
          </Button>
          <SpeakerTimer size="small" />
        </div>
        <p className="hint">{t('checkin.keyHint')}</p>
        {speakers.length === 0 ? (
          <p>{t('checkin.order.empty')}</p>
        ) : (
          <SpeakingOrder speakers={speakers} showAnswers onGiveWord={(id) => setCurrentSpeaker(docs.control, id, serverNow())} />
        )}
        {speakers.length > 0 && remaining === 0 && !state.current && <p>✓ {t('checkin.done')}</p>}
      </section>
    </div>
  );
}
