// The carried steps of this meeting, in order.
import { useMemo } from 'react';
import type { FollowUpStep } from '@common/schema';
import { followUpView } from '@/doc/followup';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { byOrder } from '@common/order';

export function useFollowUp(): FollowUpStep[] {
  const { docs } = useMeeting();
  const map = useView(followUpView(docs.control));
  return useMemo(() => [...map.values()].sort(byOrder), [map]);
}
