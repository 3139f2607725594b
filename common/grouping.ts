// Forming the deep-dive groups (and buzz groups): mixed across organisations (each organisation spread as evenly as
// possible, sizes within one of each other), or one group per organisation. Deterministic under a
// seed, so "shuffle again" is just a new seed and every screen computes the same groups.
import { Limits, type BuzzSettings, type GroupingSettings } from './schema';
import { organisationKey } from './order';
import { read } from './records';
import { seededRandom } from './random';

export interface Person {
  id: string;
  organisation: string;
}

export const DEFAULT_GROUPING: GroupingSettings = { mode: 'mixed', by: 'size', value: 4, seed: 1 };

export function parseGroupingSettings(raw: unknown): GroupingSettings {
  const r = read.fields(raw);
  return {
    mode: read.oneOf(r.mode, ['mixed', 'byOrganisation', 'manual'] as const, 'mixed'),
    by: read.oneOf(r.by, ['size', 'count'] as const, 'size'),
    value: read.int(r.value, 1, Limits.groupCountMax * 10, DEFAULT_GROUPING.value),
    seed: read.int(r.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, DEFAULT_GROUPING.seed),
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** How many groups for n people: `value` groups, or groups of about `value` people. */
export function groupCount(n: number, by: GroupingSettings['by'], value: number): number {
  if (n === 0) return 0;
  const k = by === 'count' ? value : Math.round(n / Math.max(1, value));
  return Math.max(1, Math.min(n, Limits.groupCountMax, k));
}

const orgKey = (p: Person) => organisationKey(p.organisation) || `\u0000${p.id}`;

/** Buckets by organisation, largest first (ties in seeded order), members in seeded order. */
function buckets(people: readonly Person[], random: () => number): Person[][] {
  const byOrg = new Map<string, Person[]>();
  const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const p of sorted) {
    const key = orgKey(p);
    byOrg.set(key, [...(byOrg.get(key) ?? []), p]);
  }
  const list = shuffle([...byOrg.keys()].sort(), random).map((key) => shuffle(byOrg.get(key)!, random));
  return list.sort((a, b) => b.length - a.length);
}

/**
 * Mixed groups: people are lined up organisation by organisation and dealt round-robin, so each
 * organisation's members land in different groups (each group gets floor or ceil of its share)
 * and group sizes differ by at most one.
 */
export function mixedGroups(people: readonly Person[], by: GroupingSettings['by'], value: number, seed: number): string[][] {
  const k = groupCount(people.length, by, value);
  const random = seededRandom(seed);
  const line = buckets(people, random).flat();
  const groups: string[][] = Array.from({ length: k }, () => []);
  // start each round at a seeded offset so the extra members do not always go to group 1
  const offset = k > 0 ? Math.floor(random() * k) : 0;
  line.forEach((p, i) => groups[(i + offset) % k].push(p.id));
  return groups;
}

/** One group per organisation; an organisation larger than `maxSize` is split into even parts. */
export function groupsByOrganisation(people: readonly Person[], maxSize: number, seed: number): string[][] {
  const random = seededRandom(seed);
  const out: string[][] = [];
  for (const bucket of buckets(people, random)) {
    const parts = Math.max(1, Math.ceil(bucket.length / Math.max(1, maxSize)));
    const split: string[][] = Array.from({ length: parts }, () => []);
    bucket.forEach((p, i) => split[i % parts].push(p.id));
    out.push(...split);
  }
  return out.slice(0, Limits.groupCountMax);
}

/** Forms groups by the settings; 'manual' keeps none (the facilitator moves people by hand). */
export function formGroups(people: readonly Person[], settings: GroupingSettings): string[][] {
  switch (settings.mode) {
    case 'mixed':
      return mixedGroups(people, settings.by, settings.value, settings.seed);
    case 'byOrganisation':
      return groupsByOrganisation(people, settings.by === 'size' ? settings.value : Math.ceil(people.length / Math.max(1, settings.value)), settings.seed);
    case 'manual':
      return [];
  }
}

/**
 * A latecomer's group: the smallest group without anyone from their organisation, else the
 * smallest; ties go to the first. `groups`: groupId → member organisations.
 */
export function groupForLatecomer(person: Person, groups: readonly { id: string; organisations: string[] }[]): string | null {
  if (groups.length === 0) return null;
  const key = orgKey(person);
  const rank = (g: { organisations: string[] }) => [g.organisations.some((o) => organisationKey(o) === key) ? 1 : 0, g.organisations.length];
  let best = groups[0];
  for (const g of groups.slice(1)) {
    const [a1, a2] = rank(g);
    const [b1, b2] = rank(best);
    if (a1 < b1 || (a1 === b1 && a2 < b2)) best = g;
  }
  return best.id;
}

/**
 * Buzz groups of `size` (2 or 3): in joining order for neighbours, organisations mixed otherwise
 * (mixedGroups). A remainder of one joins the last group, so nobody buzzes alone.
 */
export function formBuzzGroups(people: readonly (Person & { joinedAt?: number })[], settings: BuzzSettings): string[][] {
  if (people.length === 0) return [];
  const count = Math.max(1, Math.floor(people.length / settings.size));
  if (settings.mode === 'mixed') return mixedGroups(people, 'count', count, settings.seed);
  const line = [...people].sort((a, b) => (a.joinedAt ?? 0) - (b.joinedAt ?? 0) || (a.id < b.id ? -1 : 1));
  const groups: string[][] = [];
  for (let i = 0; i < line.length; i += settings.size) groups.push(line.slice(i, i + settings.size).map((p) => p.id));
  if (groups.length > 1 && groups[groups.length - 1].length === 1) groups[groups.length - 2].push(...groups.pop()!);
  return groups;
}
