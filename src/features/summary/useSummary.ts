// The live MeetingSummary of this meeting, in the language the meeting is run in on this screen.
import { useMemo } from 'react';
import { buildSummary, type MeetingSummary } from '@common/summary';
import { lifecycleView, summaryDocsView } from '@/doc/summary';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { useLanguageStore } from '@/i18n/language';

const today = () => new Date().toISOString().slice(0, 10);

export function useSummary(): MeetingSummary {
  const { docs } = useMeeting();
  const lang = useLanguageStore((s) => s.lang);
  const roots = useView(summaryDocsView(docs.meeting, docs.control));
  return useMemo(() => buildSummary({ ...roots, date: today(), language: lang }), [roots, lang]);
}

export function useClosed(): boolean {
  const { docs } = useMeeting();
  return useView(lifecycleView(docs.control)).closed === true;
}
