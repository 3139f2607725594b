// A speaking round's order joined with who is speaking, has spoken or passed: what the phones and
// the facilitator's speaking order (SpeakingOrder.tsx) both read, apart from that component.
import type { CheckinState, Participant, RoundAnswer } from '@common/schema';

export type SpeakerStatus = 'speaking' | 'spoken' | 'passed' | 'waiting';

export interface Speaker {
  id: string;
  participant: Participant | undefined;
  answer: RoundAnswer | undefined;
  status: SpeakerStatus;
}

/** A round's speaking order joined with names, answers and each person's status (check-in and check-out alike). */
export function roundOf(state: CheckinState, answers: ReadonlyMap<string, RoundAnswer>, participants: ReadonlyMap<string, Participant>) {
  const speakers: Speaker[] = state.order.map((id) => {
    const answer = answers.get(id);
    const status: SpeakerStatus =
      state.current === id ? 'speaking' : answer?.passed ? 'passed' : state.spoken.includes(id) ? 'spoken' : 'waiting';
    return { id, participant: participants.get(id), answer, status };
  });
  const passed = new Set([...answers].filter(([, a]) => a.passed).map(([id]) => id));
  const remaining = speakers.filter((s) => s.status === 'waiting').length;
  return { state, speakers, passed, remaining, answers };
}
