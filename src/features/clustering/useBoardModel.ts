// The clustering read model for this meeting (shared by board, console and phone; no dnd-kit).
import type { BoardModel } from '@/doc/boardModel';
import { boardView } from '@/doc/boardView';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useBoardModel(): BoardModel {
  const { docs } = useMeeting();
  return useView(boardView(docs.meeting));
}
