// Read hooks for the check-out round and the rating, over the doc views.
import { useMemo } from 'react';
import type { RatingBallot, RoundAnswer } from '@common/schema';
import { normaliseCheckin, checkinView } from '@/doc/checkin';
import { CHECKOUT_ROOT, checkoutAnswersView, myCheckoutView, myRatingView, ratingResultView, ratingSettingsView } from '@/doc/checkout';
import { parseRatingResult, parseRatingSettings } from '@common/rating';
import type { View } from '@/doc/views';
import type { Speaker, SpeakerStatus } from '@/components/SpeakingOrder';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useView } from '@/store/useView';

const NONE = {};
const NO_FIELDS: View<Partial<Record<string, never>>> = { get: () => NONE, subscribe: () => () => {} };

export function useCheckoutRound() {
  const { docs } = useMeeting();
  const raw = useView(checkinView(docs.control, CHECKOUT_ROOT));
  const state = useMemo(() => normaliseCheckin(raw), [raw]);
  const answers = useView(checkoutAnswersView(docs.meeting));
  const participants = useParticipants();
  const speakers = useMemo<Speaker[]>(
    () =>
      state.order.map((id) => {
        const answer = answers.get(id);
        const status: SpeakerStatus =
          state.current === id ? 'speaking' : answer?.passed ? 'passed' : state.spoken.includes(id) ? 'spoken' : 'waiting';
        return { id, participant: participants.get(id), answer, status };
      }),
    [state, answers, participants],
  );
  const passed = useMemo(() => new Set([...answers].filter(([, a]) => a.passed).map(([id]) => id)), [answers]);
  const remaining = speakers.filter((s) => s.status === 'waiting').length;
  return { state, speakers, passed, remaining, answers };
}

export function useMyCheckout(): Partial<RoundAnswer> {
  const { docs } = useMeeting();
  return useView<Partial<RoundAnswer>>(docs.private ? myCheckoutView(docs.private) : NO_FIELDS);
}

export function useMyRating(): number | null {
  const { docs } = useMeeting();
  const raw = useView<Partial<RatingBallot>>(docs.private ? myRatingView(docs.private) : NO_FIELDS);
  return typeof raw.value === 'number' ? raw.value : null;
}

export function useRating() {
  const { docs } = useMeeting();
  const rawSettings = useView(ratingSettingsView(docs.control));
  const rawResult = useView(ratingResultView(docs.control));
  return useMemo(() => ({ settings: parseRatingSettings(rawSettings), result: parseRatingResult(rawResult) }), [rawSettings, rawResult]);
}
