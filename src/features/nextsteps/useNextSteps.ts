// Read hooks for next steps: the steps in order and names for owners (what a step came from: useOrigins.ts).
import { useMemo } from 'react';
import type { NextStep } from '@common/schema';
import { ownerLabel } from '@common/nextSteps';
import { byOrder } from '@common/order';
import { nextStepsView } from '@/doc/nextSteps';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useView } from '@/store/useView';

export function useNextSteps(): NextStep[] {
  const { docs } = useMeeting();
  const map = useView(nextStepsView(docs.meeting));
  return useMemo(() => [...map.values()].sort(byOrder), [map]);
}

/** A step's owner as people read it. */
export function useOwnerLabel(): (step: NextStep) => string {
  const t = useT();
  const participants = useParticipants();
  return useMemo(() => {
    const names = new Map([...participants].map(([id, p]) => [id, p.name]));
    return (step: NextStep) => ownerLabel(step, names, t('nextsteps.owner.forum'), t('nextsteps.owner.nobody'));
  }, [participants, t]);
}

