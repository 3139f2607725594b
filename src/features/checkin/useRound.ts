import { useMemo } from 'react';
import type { Speaker, SpeakerStatus } from '@/components/SpeakingOrder';
import { useCheckin, useCheckinAnswers, useParticipants } from '@/store/meetingHooks';

/** The speaking order joined with names, answers and each person's status. */
export function useRound() {
  const state = useCheckin();
  const answers = useCheckinAnswers();
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
