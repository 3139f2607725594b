// The deep dive's grouping settings and the group in focus: what the facilitator's screens read.
import { useMemo } from 'react';
import { parseGroupingSettings } from '@common/grouping';
import { groupingView } from '@/doc/groups';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

export function useGroupingSettings() {
  const { docs } = useMeeting();
  const raw = useView(groupingView(docs.control));
  return useMemo(() => ({ ...parseGroupingSettings(raw), focus: typeof raw.focus === 'string' ? raw.focus : '' }), [raw]);
}
