// A step's date as every screen shows it: against the forum's next planned meeting, which the
// relay writes into the control doc (common/term.ts).
import { useCallback } from 'react';
import { dueText } from '@common/term';
import { termView } from '@/doc/term';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useNextMeetingDate(): string {
  const { docs } = useMeeting();
  return useView(termView(docs.control)).nextDate ?? '';
}

/** "före nästa möte (2027-02-14)", a plain date, or a date after the next meeting flagged; '' for none. */
export function useDueText(): (due: string) => string {
  const t = useT();
  const nextDate = useNextMeetingDate();
  return useCallback((due: string) => dueText(due, nextDate, (k, vars) => t(`term.due.${k}`, vars)), [t, nextDate]);
}
