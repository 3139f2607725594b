// The live MeetingSummary of this meeting, in the language the meeting is run in on this screen.
import { useMemo } from 'react';
import { buildSummary, type MeetingSummary } from '@common/summary';
import { lifecycleView, summaryDocsView, type SummaryDocs } from '@/doc/summary';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { useLanguageStore } from '@/i18n/language';
import { useGroupRoots, type GroupRoots } from './useGroupRoots';
import { localDate } from '@common/dates';
import { dueText } from '@common/term';
import { termView } from '@/doc/term';
import { useT } from '@/i18n/useT';

// the meeting's day where it is held: UTC would date a meeting after midnight to the day before
const today = () => localDate(Date.now());

/** The summary with the docs it came from (the archive exports those, group documents included). */
export function useSummarySources(): { summary: MeetingSummary; roots: SummaryDocs; groups: GroupRoots } {
  const { docs } = useMeeting();
  const lang = useLanguageStore((s) => s.lang);
  const roots = useView(summaryDocsView(docs.meeting, docs.control));
  const groups = useGroupRoots(roots.control);
  const t = useT();
  const nextDate = useView(termView(docs.control)).nextDate ?? '';
  const summary = useMemo(() => {
    const built = buildSummary({ ...roots, groupDocs: groups, date: today(), language: lang });
    // each step's date against the forum's next planned meeting, in the summary's language, so the
    // document, the board and every export say "före nästa möte (2027-02-14)" the same way
    const when = (due: string) => dueText(due, nextDate, (k, vars) => t(`term.due.${k}`, vars));
    return { ...built, nextSteps: built.nextSteps.map((s) => ({ ...s, when: when(s.when) || s.when })) };
  }, [roots, groups, lang, nextDate, t]);
  return { summary, roots, groups };
}

export function useSummary(): MeetingSummary {
  return useSummarySources().summary;
}

export function useClosed(): boolean {
  const { docs } = useMeeting();
  return useView(lifecycleView(docs.control)).closed === true;
}
