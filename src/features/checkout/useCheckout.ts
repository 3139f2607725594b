// Read hooks for the check-out round and the rating, over the doc views.
import { useMemo } from 'react';
import type { RatingBallot, RoundAnswer } from '@common/schema';
import { normaliseCheckin, checkinView } from '@/doc/checkin';
import { checkoutAnswersView, myCheckoutView, myRatingView, ratingResultView, ratingSettingsView } from '@/doc/checkout';
import { parseRatingResult, parseRatingSettings, RATING_MIN_SHOWN, ratingShownCount } from '@common/rating';
import { useT } from '@/i18n/useT';
import { roundOf } from '@/components/speakingRound';
import * as Empty from '@/doc/empty';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useView } from '@/store/useView';
import { ControlRoots } from '@common/schema';

export function useCheckoutRound() {
  const { docs } = useMeeting();
  const raw = useView(checkinView(docs.control, ControlRoots.checkout));
  const state = useMemo(() => normaliseCheckin(raw), [raw]);
  const answers = useView(checkoutAnswersView(docs.meeting));
  const participants = useParticipants();
  return useMemo(() => roundOf(state, answers, participants), [state, answers, participants]);
}

export function useMyCheckout(): Partial<RoundAnswer> {
  const { docs } = useMeeting();
  return useView<Partial<RoundAnswer>>(docs.private ? myCheckoutView(docs.private) : Empty.fields<RoundAnswer>());
}

export function useMyRating(): number | null {
  const { docs } = useMeeting();
  const raw = useView<Partial<RatingBallot>>(docs.private ? myRatingView(docs.private) : Empty.fields<RatingBallot>());
  return typeof raw.value === 'number' ? raw.value : null;
}

export function useRating() {
  const { docs } = useMeeting();
  const rawSettings = useView(ratingSettingsView(docs.control));
  const rawResult = useView(ratingResultView(docs.control));
  return useMemo(() => ({ settings: parseRatingSettings(rawSettings), result: parseRatingResult(rawResult) }), [rawSettings, rawResult]);
}

/** What a screen reader hears when the facilitator shows the rating ('' while it is not shown). */
export function useRatingAnnouncement(): string {
  const t = useT();
  const { settings, result } = useRating();
  if (!settings.enabled || !settings.revealed) return '';
  return result.distribution ? t('checkout.announce.shown', { count: ratingShownCount(result) }) : t('checkout.announce.tooFew', { min: RATING_MIN_SHOWN });
}
