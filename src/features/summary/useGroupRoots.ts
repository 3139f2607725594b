// The deep-dive groups' own documents, opened while the summary shows, read as plain roots so
// buildSummary and the archive see each group's four answers.
import { useEffect, useState } from 'react';
import type { JsonRoots } from '@common/json';
import { ControlRoots } from '@common/schema';
import { groupRootsView, type SummaryDocs } from '@/doc/summary';
import { useMeeting } from '@/store/meeting';
import { openGroupDoc, type GroupDocHandle } from '@/sync/openGroupDoc';

export type GroupRoots = Record<string, JsonRoots>;

export function useGroupRoots(control: SummaryDocs['control']): GroupRoots {
  const { meetingId, key } = useMeeting();
  const idsKey = Object.keys(control[ControlRoots.groups] ?? {}).sort().join('\n');
  const [handles, setHandles] = useState<Record<string, GroupDocHandle>>({});
  const [roots, setRoots] = useState<GroupRoots>({});
  useEffect(() => {
    const ids = idsKey ? idsKey.split('\n') : [];
    const opened = Object.fromEntries(ids.map((groupId) => [groupId, openGroupDoc({ meetingId, groupId, key })]));
    setHandles(opened);
    return () => {
      setHandles({});
      for (const h of Object.values(opened)) h.close();
    };
  }, [meetingId, key, idsKey]);
  useEffect(() => {
    const views = Object.entries(handles).map(([id, h]) => [id, groupRootsView(h.doc)] as const);
    const read = () => setRoots(Object.fromEntries(views.map(([id, v]) => [id, v.get()])));
    read();
    const stops = views.map(([, v]) => v.subscribe(read));
    return () => stops.forEach((stop) => stop());
  }, [handles]);
  return roots;
}
