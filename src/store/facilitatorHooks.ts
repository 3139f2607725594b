// Read hooks only the facilitator's screens use (the organisations expected, the agenda's
// proposals), apart from meetingHooks.ts so that a phone never downloads them.
import { useMemo } from 'react';
import type { AgendaProposal, ExpectedOrg } from '@common/schema';
import { byOrder } from '@common/order';
import { proposalsView } from '@/doc/agenda';
import { expectedOrgsView } from '@/doc/facilitator/meeting';
import { useMeeting } from './meeting';
import { useView } from './useView';

export function useExpectedOrgs(): ExpectedOrg[] {
  const { docs } = useMeeting();
  const map = useView(expectedOrgsView(docs.control));
  return useMemo(() => [...map.values()].sort(byOrder), [map]);
}

export function useProposals(): AgendaProposal[] {
  const { docs } = useMeeting();
  const map = useView(proposalsView(docs.meeting));
  return useMemo(() => [...map.values()].sort((a, b) => a.createdAt - b.createdAt), [map]);
}
