// Read hooks for next steps: the steps in order, names for owners, and what each step came from.
import { useMemo } from 'react';
import type { NextStep } from '@common/schema';
import { ownerLabel } from '@common/nextSteps';
import { parseVotingSettings } from '@common/voting';
import { clustersView, notesView } from '@/doc/boardView';
import { byOrder } from '@common/order';
import { nextStepsView } from '@/doc/nextSteps';
import { solutionsView, votingView } from '@/doc/voting';
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

export interface Origin {
  id: string;
  label: string;
  areaId: string;
}

/** The chosen solutions (round 2) and chosen areas (round 1) a step can link back to. */
export function useOrigins(): { solutions: Origin[]; areas: Origin[]; labelOf(id: string): string } {
  const t = useT();
  const { docs } = useMeeting();
  const voting = useView(votingView(docs.control));
  const solutions = useView(solutionsView(docs.meeting));
  const clusters = useView(clustersView(docs.meeting));
  const notes = useView(notesView(docs.meeting));
  return useMemo(() => {
    const areaLabel = (id: string) => clusters.get(id)?.name || notes.get(id)?.text || (clusters.has(id) ? t('nextsteps.unnamedArea') : '');
    const chosenAreas = parseVotingSettings(voting.get('areas')).chosen;
    const chosenSolutions = parseVotingSettings(voting.get('solutions')).chosen;
    const areas = chosenAreas.map((id) => ({ id, label: areaLabel(id), areaId: id })).filter((o) => o.label);
    const sols = chosenSolutions
      .map((id) => solutions.get(id))
      .filter((s): s is NonNullable<typeof s> => !!s)
      .map((s) => ({ id: s.id, label: s.text, areaId: s.areaId }));
    const labelOf = (id: string) => solutions.get(id)?.text ?? areaLabel(id);
    return { solutions: sols, areas, labelOf };
  }, [voting, solutions, clusters, notes, t]);
}
