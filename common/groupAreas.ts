// Which development areas the deep-dive groups work on: the areas the facilitator chose in the
// area vote, or (none chosen) the one(s) that came first, spread over the groups in turn.
import { rank } from './voting';

/**
 * The areas to propose: those chosen, in the order chosen; with none chosen, the area(s) sharing
 * first place in the revealed result (with at least one dot). Empty before any result.
 */
export function proposedAreas(chosen: readonly string[], totals: Readonly<Record<string, number>> | null, tieOrder: readonly string[] = []): string[] {
  if (chosen.length > 0) return [...chosen];
  if (!totals) return [];
  const ranked = rank(Object.keys(totals), totals, tieOrder).filter((r) => r.votes > 0);
  return ranked.filter((r) => r.place === ranked[0]?.place).map((r) => r.id);
}

/**
 * An area for each group that has none (groups in their order): k areas over n groups round-robin
 * by the group's place, so 2 areas over 3 groups give A, B, A. Groups that have an area keep it.
 */
export function spreadAreas(groups: readonly { id: string; areaId: string }[], areas: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (areas.length === 0) return out;
  groups.forEach((g, i) => {
    if (g.areaId === '') out[g.id] = areas[i % areas.length];
  });
  return out;
}
