// Dot voting rules shared by the relay (which counts) and the phone (which shows what will count):
// which items can be voted on, which of one person's dots count, totals, and the ranking with ties.
import { read } from './records';
import { VOTE_ROUNDS, type Ballot, type VoteResult, type VoteRound, type VotingSettings } from './schema';

export const DOTS_MAX = 20;

export const DEFAULT_VOTING: VotingSettings = {
  dots: 3,
  maxPerItem: 0,
  open: true,
  revealed: false,
  includeLoose: true,
  chosen: [],
  tieOrder: [],
};

const { fields: obj, int, bool, ids } = read;

export function isVoteRound(v: unknown): v is VoteRound {
  return (VOTE_ROUNDS as readonly unknown[]).includes(v);
}

export function parseVotingSettings(raw: unknown): VotingSettings {
  const r = obj(raw);
  return {
    dots: int(r.dots, 1, DOTS_MAX, DEFAULT_VOTING.dots),
    maxPerItem: int(r.maxPerItem, 0, DOTS_MAX, DEFAULT_VOTING.maxPerItem),
    open: bool(r.open, DEFAULT_VOTING.open),
    revealed: bool(r.revealed, DEFAULT_VOTING.revealed),
    includeLoose: bool(r.includeLoose, DEFAULT_VOTING.includeLoose),
    chosen: ids(r.chosen),
    tieOrder: ids(r.tieOrder),
  };
}

/** A dot as read from a private doc; null when it is not one (a hand-made client may write anything). */
export function parseBallot(id: string, raw: unknown): Ballot | null {
  const r = obj(raw);
  const itemId = read.id(r.itemId);
  if (read.id(id) === null || !isVoteRound(r.round) || itemId === null) return null;
  return { id, round: r.round, itemId, at: read.num(r.at, 0) };
}

export function parseVoteResult(raw: unknown): VoteResult | null {
  if (!read.isRecord(raw)) return null;
  const r = obj(raw);
  const totals: Record<string, number> = {};
  for (const [k, v] of Object.entries(obj(r.totals))) totals[k] = int(v, 0, 1e6, 0);
  return { totals, voters: int(r.voters, 0, 1e6, 0), unused: int(r.unused, 0, 1e7, 0) };
}

/** The items of the areas round as the board has them now. */
export interface BoardItems {
  /** clusterId → parked */
  clusters: Record<string, { parked?: unknown }>;
  /** noteId → where it lies */
  notes: Record<string, { clusterId?: unknown; parked?: unknown; stackedOn?: unknown }>;
  /** merged cluster → the cluster it went into */
  merges: Record<string, unknown>;
}

/** Votable area ids: clusters not parked, and (if allowed) loose notes not parked or stacked. */
export function areaItemIds(board: BoardItems, includeLoose: boolean): Set<string> {
  const out = new Set<string>();
  for (const [id, c] of Object.entries(board.clusters)) if (c.parked !== true) out.add(id);
  if (includeLoose) {
    for (const [id, n] of Object.entries(board.notes)) {
      if (n.clusterId == null && n.parked !== true && n.stackedOn == null) out.add(id);
    }
  }
  return out;
}

/**
 * Where a dot placed on `itemId` lies now: merged clusters pass their dots on (following a chain
 * of merges, cycle-safe); null when the item is gone or parked (the dot goes back to its owner).
 */
export function resolveItem(itemId: string, valid: ReadonlySet<string>, merges: Record<string, unknown> = {}): string | null {
  let id = itemId;
  const seen = new Set<string>();
  while (!valid.has(id)) {
    const next = merges[id];
    if (typeof next !== 'string' || seen.has(id)) return null;
    seen.add(id);
    id = next;
  }
  return id;
}

/** Earliest first by the phone's time, then by dot id: one order on every device and on the relay. */
export function byPlacement(a: Ballot, b: Ballot): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The dots of ONE participant that count in `round`: their first `dots` dots on items that still
 * exist, at most `maxPerItem` on one item. Returns them with the item they count for now.
 * Lowering `dots` later keeps each person's first N; a dot on a removed item frees its place.
 */
export function countedBallots(
  ballots: readonly Ballot[],
  round: VoteRound,
  settings: Pick<VotingSettings, 'dots' | 'maxPerItem'>,
  resolve: (itemId: string) => string | null,
): Ballot[] {
  const counted: Ballot[] = [];
  const perItem = new Map<string, number>();
  for (const ballot of ballots.filter((b) => b.round === round).sort(byPlacement)) {
    if (counted.length >= settings.dots) break;
    const itemId = resolve(ballot.itemId);
    if (itemId === null) continue;
    const onItem = perItem.get(itemId) ?? 0;
    if (settings.maxPerItem > 0 && onItem >= settings.maxPerItem) continue;
    perItem.set(itemId, onItem + 1);
    counted.push({ ...ballot, itemId });
  }
  return counted;
}

/** A participant has voted when they said so, or when all their dots count. */
export function hasFinished(counted: number, dots: number, saidDone: boolean): boolean {
  return saidDone || counted >= dots;
}

/** Totals over everyone's counted dots; `done` tells who said they were done (for "avstår"). */
export function tally(
  perParticipant: readonly { counted: readonly Ballot[]; done: boolean }[],
  dots: number,
): VoteResult {
  const totals: Record<string, number> = {};
  let voters = 0;
  let unused = 0;
  for (const p of perParticipant) {
    if (p.counted.length > 0) voters++;
    if (p.done) unused += Math.max(0, dots - p.counted.length);
    for (const b of p.counted) totals[b.itemId] = (totals[b.itemId] ?? 0) + 1;
  }
  return { totals, voters, unused };
}

export interface RankedItem {
  id: string;
  votes: number;
  /** 1-based; items sharing a place are tied ("delad plats") */
  place: number;
  tied: boolean;
}

/**
 * Ranks items by votes (most first). Equal votes share a place, unless the facilitator's
 * `tieOrder` separates them: an item earlier in tieOrder ranks above one later or absent.
 * Items with no votes are ranked too (place after all voted ones); `items` gives a stable order.
 */
export function rank(items: readonly string[], totals: Record<string, number>, tieOrder: readonly string[] = []): RankedItem[] {
  const tieIndex = (id: string) => {
    const i = tieOrder.indexOf(id);
    return i === -1 ? Number.POSITIVE_INFINITY : i;
  };
  const rows = items.map((id, i) => ({ id, votes: totals[id] ?? 0, tie: tieIndex(id), i }));
  rows.sort((a, b) => b.votes - a.votes || a.tie - b.tie || a.i - b.i);
  const out: RankedItem[] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const same = prev && prev.votes === row.votes && prev.tie === row.tie;
    out.push({ id: row.id, votes: row.votes, place: same ? out[i - 1].place : i + 1, tied: false });
  });
  for (const r of out) r.tied = out.filter((o) => o.place === r.place).length > 1;
  return out;
}
