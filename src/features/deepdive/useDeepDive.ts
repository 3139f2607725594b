// Read hooks for the deep dive: groups, membership, areas, and a group's live document.
import { useEffect, useMemo, useState } from 'react';
import type { DeepDiveGroup, GroupAnswer, Participant } from '@common/schema';
import { parseVoteResult, parseVotingSettings } from '@common/voting';
import { proposedAreas } from '@common/groupAreas';
import { clustersView, notesView } from '@/doc/boardView';
import { answersView, groupsView, membersView } from '@/doc/groups';
import { byOrder } from '@common/order';
import type { View } from '@/doc/views';
import { voteResultsView, votingView } from '@/doc/voting';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useView } from '@/store/useView';
import { openGroupDoc, type GroupDocHandle, type GroupPresence } from '@/sync/openGroupDoc';

export interface GroupInfo {
  id: string;
  name: string;
  areaId: string;
  members: Participant[];
}

export function useGroups(): { groups: GroupInfo[]; memberOf: Partial<Record<string, string>>; unassigned: Participant[] } {
  const { docs } = useMeeting();
  const raw = useView(groupsView(docs.control));
  const memberOf = useView(membersView(docs.control));
  const participants = useParticipants();
  return useMemo(() => {
    const list = [...raw]
      .map(([id, g]) => ({ id, name: g.name ?? '', order: g.order ?? '', areaId: g.areaId ?? '' }) as DeepDiveGroup)
      .sort(byOrder);
    const people = [...participants.values()].sort((a, b) => a.joinedAt - b.joinedAt);
    const groups = list.map((g) => ({ id: g.id, name: g.name, areaId: g.areaId, members: people.filter((p) => memberOf[p.id] === g.id) }));
    const ids = new Set(list.map((g) => g.id));
    const unassigned = people.filter((p) => !ids.has(memberOf[p.id] ?? ''));
    return { groups, memberOf, unassigned };
  }, [raw, memberOf, participants]);
}

/**
 * The areas for the groups, with labels: those chosen in round 1, or with none chosen the one(s)
 * in first place of the revealed result (`fromResult`); and a label for any area id.
 */
export function useAreas(): { chosen: { id: string; label: string }[]; fromResult: boolean; labelOf(id: string): string } {
  const t = useT();
  const { docs } = useMeeting();
  const voting = useView(votingView(docs.control));
  const results = useView(voteResultsView(docs.control));
  const clusters = useView(clustersView(docs.meeting));
  const notes = useView(notesView(docs.meeting));
  return useMemo(() => {
    const labelOf = (id: string) => (clusters.has(id) ? clusters.get(id)!.name || t('deepdive.unnamedArea') : notes.get(id)?.text ?? '');
    const settings = parseVotingSettings(voting.get('areas'));
    const result = settings.revealed ? parseVoteResult(results.areas) : null;
    const chosen = proposedAreas(settings.chosen, result?.totals ?? null, settings.tieOrder)
      .map((id) => ({ id, label: labelOf(id) }))
      .filter((a) => a.label);
    return { chosen, fromResult: settings.chosen.length === 0 && chosen.length > 0, labelOf };
  }, [voting, results, clusters, notes, t]);
}

/** Opens a group's document for as long as the component shows it; `typing` says who this device is in its presence. */
export function useGroupDoc(groupId: string | null, { typing = false }: { typing?: boolean } = {}): GroupDocHandle | null {
  const { meetingId, key, role, participantId } = useMeeting();
  const [handle, setHandle] = useState<GroupDocHandle | null>(null);
  useEffect(() => {
    if (!groupId) return;
    // members and the facilitator's console say who types where; the boards say nothing
    const self: GroupPresence = !typing ? null : role === 'participant' && participantId ? { role: 'participant', participantId } : role === 'facilitator' ? { role: 'facilitator' } : null;
    const opened = openGroupDoc({ meetingId, groupId, key, self });
    setHandle(opened);
    return () => {
      setHandle(null);
      opened.close();
    };
  }, [meetingId, key, groupId, typing, role, participantId]);
  return handle;
}

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
const EMPTY_VIEW: View<ReadonlyMap<string, never>> = { get: () => EMPTY, subscribe: () => () => {} };

export function useAnswers(doc: GroupDocHandle['doc'] | null): GroupAnswer[] {
  const map = useView<ReadonlyMap<string, GroupAnswer>>(doc ? answersView(doc) : EMPTY_VIEW);
  return useMemo(() => [...map.values()].map((a) => ({ ...a, text: typeof a.text === 'string' ? a.text : '' })).sort(byOrder), [map]);
}
