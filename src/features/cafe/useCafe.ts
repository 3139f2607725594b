// Dialogkafé's read models for the phone, the board and the console (no board or console code here).
import { useMemo } from 'react';
import { harvest, parseCafeSettings, parseSeatings, tablesOf, type CafeSummary, type HarvestTable, type Seating } from '@common/cafe';
import { cafeHostsView, cafeNotesView, cafeSeatsView, cafeSummariesView, cafeView, ownCafeSummaryView } from '@/doc/cafe';
import * as Empty from '@/doc/empty';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useCafe() {
  const { docs } = useMeeting();
  const raw = useView(cafeView(docs.control));
  return useMemo(() => parseCafeSettings(raw), [raw]);
}

/** round → who sits where and each table's host, as the relay seated it */
export function useSeatings(): Map<number, Seating> {
  const { docs } = useMeeting();
  const seats = useView(cafeSeatsView(docs.control));
  const hosts = useView(cafeHostsView(docs.control));
  return useMemo(() => parseSeatings(seats, hosts), [seats, hosts]);
}

/** The tables laid in the first round (0 before it). */
export const tableCountOf = (seatings: Map<number, Seating>) => tablesOf(seatings.get(1));

/** Each table's notes by round and its host's summary, as the relay put them on the tables. */
export function useHarvest(tables: number): HarvestTable[] {
  const { docs } = useMeeting();
  const notes = useView(cafeNotesView(docs.meeting));
  const summaries = useView(cafeSummariesView(docs.meeting));
  return useMemo(() => harvest(notes.values(), summaries.values(), tables), [notes, summaries, tables]);
}

export function useOwnCafeSummary() {
  const { docs } = useMeeting();
  const raw = useView(docs.private ? ownCafeSummaryView(docs.private) : Empty.fields<CafeSummary>());
  return typeof raw.text === 'string' ? raw.text : '';
}

/** Where a person sits this round: their table, whether they host it, and their table the round before. */
export function seatOf(seatings: Map<number, Seating>, round: number, participantId: string | null) {
  if (!participantId) return null;
  const now = seatings.get(round);
  const table = now?.seats.get(participantId);
  if (table === undefined || !now) return null;
  return { table, host: now.hosts.get(table) === participantId, before: seatings.get(round - 1)?.seats.get(participantId) ?? null };
}
