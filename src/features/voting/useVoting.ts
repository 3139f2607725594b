// Read hooks for dot voting over the doc views. The phone counts its own dots with the same rule
// the relay uses (common/voting.ts), so "dots left" on the phone is what the relay will count.
import { useMemo } from 'react';
import type { Ballot, VoteResult, VoteRound, VotingSettings } from '@common/schema';
import { areaItemIds, countedBallots, parseBallot, parseVoteResult, parseVotingSettings, rank, resolveItem, type RankedItem } from '@common/voting';
import { clustersView, notesView } from '@/doc/boardView';
import { byOrder } from '@common/order';
import type { View } from '@/doc/views';
import { clusterMergesView, myBallotsView, solutionsView, voteDoneView, voteResultsView, votingView } from '@/doc/voting';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
const EMPTY_VIEW: View<ReadonlyMap<string, never>> = { get: () => EMPTY, subscribe: () => () => {} };
const NO_FIELDS = {};
const EMPTY_FIELDS: View<Partial<Record<string, never>>> = { get: () => NO_FIELDS, subscribe: () => () => {} };

export function useVotingSettings(round: VoteRound): VotingSettings {
  const { docs } = useMeeting();
  const map = useView(votingView(docs.control));
  const raw = map.get(round);
  return useMemo(() => parseVotingSettings(raw), [raw]);
}

export interface VoteItem {
  id: string;
  label: string;
  /** a cluster (areas) or a loose note / a solution */
  kind: 'cluster' | 'note' | 'solution';
}

/** What can be voted on in this round, in board order, and how a placed dot's item resolves. */
export function useVoteItems(round: VoteRound, includeLoose: boolean): { items: VoteItem[]; resolve: (id: string) => string | null } {
  const t = useT();
  const { docs } = useMeeting();
  const clusters = useView(clustersView(docs.meeting));
  const notes = useView(notesView(docs.meeting));
  const merges = useView(clusterMergesView(docs.meeting));
  const solutions = useView(solutionsView(docs.meeting));
  return useMemo(() => {
    if (round === 'solutions') {
      const items = [...solutions.values()].sort(byOrder).map((s) => ({ id: s.id, label: s.text, kind: 'solution' as const }));
      const ids = new Set(items.map((i) => i.id));
      return { items, resolve: (id: string) => (ids.has(id) ? id : null) };
    }
    const board = { clusters: Object.fromEntries(clusters), notes: Object.fromEntries(notes), merges: merges as Record<string, unknown> };
    const valid = areaItemIds(board, includeLoose);
    const items: VoteItem[] = [
      ...[...clusters.values()]
        .filter((c) => valid.has(c.id))
        .sort(byOrder)
        .map((c) => ({ id: c.id, label: c.name || t('voting.unnamedCluster'), kind: 'cluster' as const })),
      ...[...notes.values()]
        .filter((n) => valid.has(n.id))
        .sort(byOrder)
        .map((n) => ({ id: n.id, label: n.text, kind: 'note' as const })),
    ];
    return { items, resolve: (id: string) => resolveItem(id, valid, board.merges) };
  }, [round, includeLoose, clusters, notes, merges, solutions, t]);
}

export interface MyDots {
  /** itemId → my dots that count on it */
  onItem: ReadonlyMap<string, number>;
  used: number;
  left: number;
  done: boolean;
}

/** This phone's own dots that count, by the relay's rule. */
export function useMyDots(round: VoteRound, settings: VotingSettings, resolve: (id: string) => string | null): MyDots {
  const { docs } = useMeeting();
  const ballots = useView<ReadonlyMap<string, Omit<Ballot, 'id'>>>(docs.private ? myBallotsView(docs.private) : EMPTY_VIEW);
  const done = useView<Partial<Record<string, boolean>>>(docs.private ? voteDoneView(docs.private) : EMPTY_FIELDS);
  return useMemo(() => {
    const parsed: Ballot[] = [];
    for (const [id, raw] of ballots) {
      const b = parseBallot(id, raw);
      if (b) parsed.push(b);
    }
    const counted = countedBallots(parsed, round, settings, resolve);
    const onItem = new Map<string, number>();
    for (const b of counted) onItem.set(b.itemId, (onItem.get(b.itemId) ?? 0) + 1);
    return { onItem, used: counted.length, left: Math.max(0, settings.dots - counted.length), done: done[round] === true };
  }, [ballots, done, round, settings, resolve]);
}

export function useVoteResult(round: VoteRound): VoteResult | null {
  const { docs } = useMeeting();
  const results = useView(voteResultsView(docs.control));
  const raw = results[round];
  return useMemo(() => parseVoteResult(raw), [raw]);
}

/** The ranked result, with each item's label; empty before the relay publishes totals. */
export function useRanking(round: VoteRound): { ranked: (RankedItem & { label: string })[]; result: VoteResult | null; settings: VotingSettings } {
  const settings = useVotingSettings(round);
  const { items } = useVoteItems(round, settings.includeLoose);
  const result = useVoteResult(round);
  return useMemo(() => {
    if (!result || !settings.revealed) return { ranked: [], result: null, settings };
    const labels = new Map(items.map((i) => [i.id, i.label]));
    const ranked = rank(
      items.map((i) => i.id),
      result.totals,
      settings.tieOrder,
    ).map((r) => ({ ...r, label: labels.get(r.id) ?? '' }));
    return { ranked, result, settings };
  }, [items, result, settings]);
}

/** What a screen reader hears when the result is revealed ('' before): the top item and its dots. */
export function useRevealAnnouncement(round: VoteRound): string {
  const t = useT();
  const { ranked, settings } = useRanking(round);
  if (!settings.revealed) return '';
  const top = ranked[0];
  return top && top.votes > 0 ? t('voting.announce.revealed', { label: top.label, dots: t('voting.result.dots', { count: top.votes }) }) : t('voting.announce.revealedEmpty');
}
