// Bikupa's read models for the phone, the board and the console (no board or console code here).
import { useMemo } from 'react';
import { parseBuzzGroups, parseBuzzLineOut, parseBuzzSettings } from '@common/methods';
import { buzzGroupsView, buzzLinesView, buzzView, ownBuzzLineView } from '@/doc/methods';
import * as Empty from '@/doc/empty';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useBuzz() {
  const { docs } = useMeeting();
  const raw = useView(buzzView(docs.control));
  return useMemo(() => parseBuzzSettings(raw), [raw]);
}

/** participantId → group number */
export function useBuzzGroups(): Map<string, number> {
  const { docs } = useMeeting();
  const raw = useView(buzzGroupsView(docs.control));
  return useMemo(() => parseBuzzGroups(raw), [raw]);
}

/** The groups' lines, by group number, as the relay put them on the board. */
export function useBuzzLines() {
  const { docs } = useMeeting();
  const lines = useView(buzzLinesView(docs.meeting));
  return useMemo(() => [...lines.values()].sort((a, b) => a.group - b.group), [lines]);
}

export function useOwnBuzzLine() {
  const { docs } = useMeeting();
  const raw = useView(docs.private ? ownBuzzLineView(docs.private) : Empty.fields<Record<string, unknown>>());
  return useMemo(() => parseBuzzLineOut(raw), [raw]);
}

/** The group numbers in use, ascending. */
export function groupNumbers(groups: Map<string, number>): number[] {
  return [...new Set(groups.values())].sort((a, b) => a - b);
}
