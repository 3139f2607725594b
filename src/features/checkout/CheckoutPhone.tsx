// The participant's check-out: the question, their place, a typed answer or a pass, and the
// optional anonymous 1–5 rating. Everything goes to the private doc; the relay does the rest.
import { useState, type FormEvent } from 'react';
import { RATING_MIN_SHOWN, RATING_VALUES } from '@common/rating';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { passCheckout, rate, setCheckoutAnswer } from '@/doc/checkout';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { RatingChart } from './RatingChart';
import { useCheckoutRound, useMyCheckout, useMyRating, useRating, useRatingAnnouncement } from './useCheckout';
import './checkout.css';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

export function CheckoutPhone() {
  const t = useT();
  const announcement = useRatingAnnouncement();
  const { docs, participantId } = useMeeting();
  const { state } = useCheckoutRound();
  const mine = useMyCheckout();
  const myRating = useMyRating();
  const { settings } = useRating();
  const [text, setText] = useState(mine.text ?? '');
  const [saved, setSaved] = useState(false);
  const priv = docs.private;
  if (!participantId || !priv) return null;
  const place = state.order.indexOf(participantId);
  const myTurn = state.current === participantId;

  function save(event: FormEvent) {
    event.preventDefault();
    setCheckoutAnswer(priv!, text);
    setSaved(true);
  }

  return (
    <div className="stack checkout-phone">
      <LiveAnnouncer message={announcement} />
      <h1>{t('checkout.title')}</h1>
      <p className="phone-question">{state.question || t('checkout.question.none')}</p>
      {myTurn ? (
        <p className="phone-turn" role="status">
          <span aria-hidden="true">▶ </span>
          {t('checkout.yourTurn')}
        </p>
      ) : (
        place >= 0 && !state.spoken.includes(participantId) && <p>{t('checkout.yourPlace', { n: place + 1 })}</p>
      )}
      {mine.passed && <p role="status">{t('checkout.youPassed')}</p>}
      <form onSubmit={save} className="stack">
        <TextField
          multiline
          rows={3}
          label={t('checkout.answer.label')}
          value={text}
          maxLength={inputMaxLength(TextRules.answer)}
          onChange={(e) => {
            setText(typedText(e.target.value, TextRules.answer));
            setSaved(false);
          }}
        />
        <p role="status">{saved ? t('checkout.answer.saved') : ''}</p>
        <div className="thumb-actions">
          <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
            {t('checkout.answer.save')}
          </Button>
          <Button size="large" onClick={() => passCheckout(priv, !mine.passed)}>
            {mine.passed ? t('checkout.unpass') : t('checkout.pass')}
          </Button>
        </div>
      </form>
      {/* the picker stays while the distribution is shown: a latecomer rates too, and the relay
          holds their rating back until it cannot be read off the chart (common/rating.ts) */}
      {settings.enabled && (
        <fieldset className="rating-picker">
          <legend>{t('checkout.rating.question')}</legend>
          <p className="rating-anon">{t('checkout.rating.anonymous')}</p>
          {RATING_VALUES.map((value) => (
            <label key={value} className={myRating === value ? 'rating-option is-picked' : 'rating-option'}>
              <input type="radio" name="forum-rating" value={value} checked={myRating === value} onChange={() => rate(priv, value)} />
              {t(`checkout.rating.value${value}`)}
            </label>
          ))}
          <p role="status">
            {myRating === null ? '' : settings.revealed ? t('checkout.rating.thanksShown', { min: RATING_MIN_SHOWN }) : t('checkout.rating.thanks')}
          </p>
        </fieldset>
      )}
      {settings.revealed && <RatingChart />}
    </div>
  );
}
