// Read hooks over the meeting's docs. They subscribe to doc/views.ts read models: no second copy
// of shared state lives in React or zustand.
import { useMemo } from 'react';
import type {
  AgendaItem,
  AgendaProposal,
  CheckinState,
  MeetingInfo,
  Participant,
  PhaseState,
  PrivateProposal,
  RoundAnswer,
  TimerState,
} from '@common/schema';
import { agendaView, ownProposalsView, proposalsView } from '@/doc/agenda';
import { checkinAnswersView, checkinView, normaliseCheckin, ownRoundAnswerView } from '@/doc/checkin';
import * as Empty from '@/doc/empty';
import { byOrder } from '@common/order';
import { meetingInfoView } from '@/doc/meeting';
import { participantsView } from '@/doc/participants';
import { normalisePhase, phaseView } from '@/doc/phase';
import { normaliseTimer, timerView } from '@/doc/timer';
import { useMeeting } from './meeting';
import { useView } from './useView';

export function useMeetingInfo(): MeetingInfo {
  const { docs } = useMeeting();
  const raw = useView(meetingInfoView(docs.control));
  return useMemo(
    () => ({ title: raw.title ?? '', purpose: raw.purpose ?? '', forumName: raw.forumName ?? '', joinCode: raw.joinCode }),
    [raw],
  );
}

export function useAgenda(): AgendaItem[] {
  const { docs } = useMeeting();
  const map = useView(agendaView(docs.control));
  return useMemo(() => [...map.values()].sort(byOrder), [map]);
}

export function usePhase(): PhaseState {
  const { docs } = useMeeting();
  const raw = useView(phaseView(docs.control));
  return useMemo(() => normalisePhase(raw), [raw]);
}

export function useTimer(): TimerState {
  const { docs } = useMeeting();
  const raw = useView(timerView(docs.control));
  return useMemo(() => normaliseTimer(raw), [raw]);
}

export function useCheckin(): CheckinState {
  const { docs } = useMeeting();
  const raw = useView(checkinView(docs.control));
  return useMemo(() => normaliseCheckin(raw), [raw]);
}

export function useCheckinAnswers(): ReadonlyMap<string, RoundAnswer> {
  const { docs } = useMeeting();
  return useView(checkinAnswersView(docs.meeting));
}

export function useParticipants(): ReadonlyMap<string, Participant> {
  const { docs } = useMeeting();
  return useView(participantsView(docs.control));
}

/** The participant this device is, when it is a participant's phone. */
export function useSelf(): Participant | null {
  const { participantId } = useMeeting();
  const participants = useParticipants();
  return participantId ? participants.get(participantId) ?? null : null;
}

/** This phone's own answer to a round (PrivateRoots.checkin / .checkout), from its private doc. */
export function useOwnRoundAnswer(root: string): Partial<RoundAnswer> {
  const { docs } = useMeeting();
  return useView(docs.private ? ownRoundAnswerView(docs.private, root) : Empty.fields<RoundAnswer>());
}

/** This phone's own agenda proposals, newest last, with the facilitator's decision once the relay has passed them on. */
export function useOwnProposals(): (PrivateProposal & { status: AgendaProposal['status'] | 'sending' })[] {
  const { docs } = useMeeting();
  const own = useView(docs.private ? ownProposalsView(docs.private) : Empty.items<PrivateProposal>());
  const shared = useView(proposalsView(docs.meeting));
  return useMemo(
    () =>
      [...own.values()]
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((p) => ({ ...p, status: shared.get(p.id)?.status ?? 'sending' })),
    [own, shared],
  );
}
