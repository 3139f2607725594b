import { useMemo } from 'react';
import { roundOf } from '@/components/speakingRound';
import { useCheckin, useCheckinAnswers, useParticipants } from '@/store/meetingHooks';

/** The check-in's speaking order joined with names, answers and each person's status. */
export function useRound() {
  const state = useCheckin();
  const answers = useCheckinAnswers();
  const participants = useParticipants();
  return useMemo(() => roundOf(state, answers, participants), [state, answers, participants]);
}
