// Who has voted, for the facilitator's screens (a phone never shows it).
import { useMemo } from 'react';
import type { VoteRound } from '@common/schema';
import { voteProgressView } from '@/doc/voting';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useView } from '@/store/useView';

/** Who has voted (never what): from the relay's published flags. */
export function useVoteProgress(round: VoteRound): { finished: string[]; total: number } {
  const { docs } = useMeeting();
  const progress = useView(voteProgressView(docs.control));
  const participants = useParticipants();
  return useMemo(() => {
    const finished = [...participants.keys()].filter((id) => progress[`${round}:${id}`] === true);
    return { finished, total: participants.size };
  }, [progress, participants, round]);
}
