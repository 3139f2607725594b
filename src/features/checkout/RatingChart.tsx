// The rating's distribution (1–5) with the count, or why it is not shown.
import { RATING_MIN_SHOWN, RATING_VALUES, ratingShownCount } from '@common/rating';
import { useT } from '@/i18n/useT';
import { useRating } from './useCheckout';

export function RatingChart({ className = '' }: { className?: string }) {
  const t = useT();
  const { settings, result } = useRating();
  if (!settings.enabled) return null;
  const heading = <h2 className="rating-heading">{t('checkout.rating.question')}</h2>;
  if (!settings.revealed) {
    return (
      <section className={`rating-chart ${className}`} aria-label={t('checkout.rating.heading')}>
        {heading}
        <p aria-live="polite">{t('checkout.rating.count', { count: result.count })}</p>
      </section>
    );
  }
  if (!result.distribution) {
    return (
      <section className={`rating-chart ${className}`} aria-label={t('checkout.rating.heading')}>
        {heading}
        <p>{t('checkout.rating.tooFew', { min: RATING_MIN_SHOWN })}</p>
      </section>
    );
  }
  const max = Math.max(1, ...result.distribution);
  return (
    <section className={`rating-chart ${className}`} aria-label={t('checkout.rating.heading')}>
      {heading}
      <ol className="rating-bars">
        {RATING_VALUES.map((value, i) => (
          <li key={value}>
            <span className="rating-value">{t(`checkout.rating.value${value}`)}</span>
            <span className="rating-bar" aria-hidden="true">
              <span style={{ width: `${(result.distribution![i] / max) * 100}%` }} />
            </span>
            <span className="rating-n">{t('checkout.rating.n', { count: result.distribution![i] })}</span>
          </li>
        ))}
      </ol>
      <p>{t('checkout.rating.total', { count: ratingShownCount(result) })}</p>
      {result.pending > 0 && <p>{t('checkout.rating.pending', { count: result.pending, min: RATING_MIN_SHOWN })}</p>}
    </section>
  );
}
