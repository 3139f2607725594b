// What a next step can link back to: the facilitator's step editor reads it.
import { useMemo } from 'react';
import { parseVotingSettings } from '@common/voting';
import { clustersView, notesView } from '@/doc/boardView';
import { solutionsView, votingView } from '@/doc/voting';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

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
