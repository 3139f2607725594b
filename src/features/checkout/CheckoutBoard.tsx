// The projected check-out: the question, who speaks now, the order with answers, and the rating's
// distribution once revealed (never one person's rating).
import { RoundOrderBox } from '@/components/RoundOrderBox';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { useT } from '@/i18n/useT';
import { RatingChart } from './RatingChart';
import { useCheckoutRound, useRatingAnnouncement } from './useCheckout';
import './checkout.css';

export function CheckoutBoard() {
  const t = useT();
  const announcement = useRatingAnnouncement();
  const { state, speakers, remaining } = useCheckoutRound();
  const current = speakers.find((s) => s.status === 'speaking');
  return (
    <div className="checkout-board">
      <LiveAnnouncer message={announcement} />
      <div className="checkout-board-round">
        <p className="board-question">{state.question || t('checkout.question.none')}</p>
        {current && (
          <p className="board-speaker" aria-live="polite">
            <span aria-hidden="true">▶ </span>
            {t('checkout.speaking')}: <strong>{current.participant?.name ?? '?'}</strong>
          </p>
        )}
        <RoundOrderBox speakers={speakers} heading={t('checkout.order.heading')} empty={t('checkout.order.empty')} />
        {speakers.length > 0 && remaining === 0 && !current && <p className="board-done">✓ {t('checkout.done')}</p>}
      </div>
      <RatingChart className="checkout-board-rating" />
    </div>
  );
}
