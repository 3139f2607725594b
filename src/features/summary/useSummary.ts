// The live MeetingSummary of this meeting, in the language the meeting is run in on this screen.
import { useMemo } from 'react';
import { buildSummary, type MeetingSummary } from '@common/summary';
import { lifecycleView, summaryDocsView, type SummaryDocs } from '@/doc/summary';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { useLanguageStore } from '@/i18n/language';
import { useGroupRoots, type GroupRoots } from './useGroupRoots';
import { localDate } from '@common/dates';

// the meeting's day where it is held: UTC would date a meeting after midnight to the day before
const today = () => localDate(Date.now());

/** The summary with the docs it came from (the archive exports those, group documents included). */
export function useSummarySources(): { summary: MeetingSummary; roots: SummaryDocs; groups: GroupRoots } {
  const { docs } = useMeeting();
  const lang = useLanguageStore((s) => s.lang);
  const roots = useView(summaryDocsView(docs.meeting, docs.control));
  const groups = useGroupRoots(roots.control);
  const summary = useMemo(() => buildSummary({ ...roots, groupDocs: groups, date: today(), language: lang }), [roots, groups, lang]);
  return { summary, roots, groups };
}

export function useSummary(): MeetingSummary {
  return useSummarySources().summary;
}

export function useClosed(): boolean {
  const { docs } = useMeeting();
  return useView(lifecycleView(docs.control)).closed === true;
}
