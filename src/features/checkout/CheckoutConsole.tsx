// The facilitator's check-out: question, speaking order, next speaker, and the rating's
// reveal. The console sees only how many have rated until it reveals the distribution.
import { useState, type FormEvent } from 'react';
import { RATING_MIN_SHOWN, ratingShownCount } from '@common/rating';
import { Button } from '@/components/Button';
import { SpeakingOrder } from '@/components/SpeakingOrder';
import { TextField } from '@/components/TextField';
import { appendLatecomers, arrivalOrder, nextSpeaker, setCurrentSpeaker, setOrder, setQuestion, shuffled } from '@/doc/facilitator/checkin';
import { setRatingSettings } from '@/doc/checkout';
import type { MessageKey } from '@/i18n/catalogues';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useSessionState } from '@/store/session';
import { RatingChart } from './RatingChart';
import { useCheckoutRound, useRating, useRatingAnnouncement } from './useCheckout';
import './checkout.css';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';
import { ControlRoots } from '@common/schema';

const SUGGESTED: MessageKey[] = ['checkout.question.q1', 'checkout.question.q2'];

export function CheckoutConsole() {
  const t = useT();
  const announcement = useRatingAnnouncement();
  const { docs } = useMeeting();
  const offset = useSessionState((s) => s.clockOffsetMs);
  const participants = useParticipants();
  const { state, speakers, passed, remaining } = useCheckoutRound();
  const { settings, result } = useRating();
  const [question, setDraft] = useState(state.question);
  const serverNow = () => Date.now() + offset;
  const all = [...participants.values()];
  const ids = all.map((p) => p.id);
  const latecomers = ids.filter((id) => !state.order.includes(id));
  const canAdvance = state.order.length > 0 && (state.current !== null || remaining > 0);

  function save(event: FormEvent) {
    event.preventDefault();
    if (question.trim() !== '') setQuestion(docs.control, question, ControlRoots.checkout);
  }

  return (
    <div className="console-grid">
      <LiveAnnouncer message={announcement} />
      <section className="card" aria-labelledby="checkout-question-h">
        <h2 id="checkout-question-h">{t('checkout.question.label')}</h2>
        <form onSubmit={save} className="stack">
          <TextField multiline rows={2} label={t('checkout.question.label')} value={question} maxLength={inputMaxLength(TextRules.question)} onChange={(e) => setDraft(typedText(e.target.value, TextRules.question))} />
          <Button type="submit" variant="primary" disabled={question.trim() === ''}>
            {t('checkout.question.set')}
          </Button>
        </form>
        <div role="group" aria-label={t('checkout.question.suggestions')} className="chips">
          {SUGGESTED.map((key) => (
            <Button
              key={key}
              variant="ghost"
              aria-label={t('checkout.question.use', { q: t(key) })}
              onClick={() => {
                setDraft(t(key));
                setQuestion(docs.control, t(key), ControlRoots.checkout);
              }}
            >
              {t(key)}
            </Button>
          ))}
        </div>
      </section>
      <section className="card" aria-labelledby="order-h">
        <h2 id="order-h">{t('checkout.order.heading')}</h2>
        <div className="row">
          <Button onClick={() => setOrder(docs.control, shuffled(ids), ControlRoots.checkout)} disabled={ids.length === 0}>
            {t('checkout.order.shuffle')}
          </Button>
          <Button onClick={() => setOrder(docs.control, arrivalOrder(all), ControlRoots.checkout)} disabled={ids.length === 0}>
            {t('checkout.order.arrival')}
          </Button>
          {state.order.length > 0 && latecomers.length > 0 && (
            <Button onClick={() => appendLatecomers(docs.control, latecomers, ControlRoots.checkout)}>{t('checkout.order.addLate', { count: latecomers.length })}</Button>
          )}
        </div>
        <Button variant="primary" size="large" onClick={() => nextSpeaker(docs.control, serverNow(), passed, ControlRoots.checkout)} disabled={!canAdvance}>
          {state.current || state.spoken.length ? t('checkout.next') : t('checkout.start')}
        </Button>
        {speakers.length === 0 ? (
          <p>{t('checkout.order.empty')}</p>
        ) : (
          <SpeakingOrder speakers={speakers} showAnswers onGiveWord={(id) => setCurrentSpeaker(docs.control, id, serverNow(), ControlRoots.checkout)} />
        )}
      </section>
      <section className="card" aria-labelledby="rating-h">
        <h2 id="rating-h">{t('checkout.rating.heading')}</h2>
        <label className="vote-check">
          <input type="checkbox" checked={settings.enabled} onChange={(e) => setRatingSettings(docs.control, { enabled: e.target.checked })} />
          {t('checkout.rating.enable')}
        </label>
        {settings.enabled && (
          <>
            {/* while it is shown, the console says why the chart does not follow the count */}
            <p aria-live="polite">
              {!settings.revealed
                ? t('checkout.rating.consoleHint', { min: RATING_MIN_SHOWN, count: result.count })
                : result.distribution
                  ? t('checkout.rating.consoleShown', { count: result.count, shown: ratingShownCount(result) })
                  : t('checkout.rating.consoleTooFew', { min: RATING_MIN_SHOWN, count: result.count })}
            </p>
            <Button variant={settings.revealed ? 'secondary' : 'primary'} onClick={() => setRatingSettings(docs.control, { revealed: !settings.revealed })}>
              {settings.revealed ? t('checkout.rating.hide') : t('checkout.rating.reveal')}
            </Button>
            {settings.revealed && <RatingChart />}
          </>
        )}
      </section>
    </div>
  );
}
