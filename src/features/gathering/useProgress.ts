// Who has written how many notes, from control participants + the relay's counts (never text).
import { useMemo } from 'react';
import type { Participant } from '@common/schema';
import { useParticipants } from '@/store/meetingHooks';
import { useNoteCounts } from './useInbox';

export interface Progress {
  total: number;
  writers: Participant[];
  waiting: Participant[];
  participants: number;
  countOf(participantId: string): number;
}

export function useProgress(): Progress {
  const participants = useParticipants();
  const counts = useNoteCounts();
  return useMemo(() => {
    const countOf = (id: string) => Math.max(0, Number(counts[id] ?? 0) || 0);
    const all = [...participants.values()].sort((a, b) => a.joinedAt - b.joinedAt);
    const writers = all.filter((p) => countOf(p.id) > 0);
    const waiting = all.filter((p) => countOf(p.id) === 0);
    const total = Object.values(counts).reduce<number>((sum, n) => sum + (Number(n) || 0), 0);
    return { total, writers, waiting, participants: all.length, countOf };
  }, [participants, counts]);
}
