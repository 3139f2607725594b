// The walk-through and the opened cluster as every board, the console and the phones read them
// from the control doc: tolerant parses, and which page shows at a server-clock moment.
import type { OpenedOnStage, WalkthroughState } from './schema';
import { read } from './records';

export const WALK_AUTO_MAX_SECONDS = 600;

export const DEFAULT_WALKTHROUGH: WalkthroughState = { active: false, byAuthor: false, page: 0, autoSeconds: 0, autoStartedAt: null };

const { fields: obj, int } = read;
const isId = (v: unknown): v is string => read.id(v) !== null;

export function parseWalkthrough(raw: unknown): WalkthroughState {
  const r = obj(raw);
  return {
    active: r.active === true,
    byAuthor: r.byAuthor === true,
    page: int(r.page, 0, 100_000, 0),
    autoSeconds: int(r.autoSeconds, 0, WALK_AUTO_MAX_SECONDS, 0),
    autoStartedAt: read.numOrNull(r.autoStartedAt),
  };
}

/** The relay's author sections: lists of note ids, each id once (a hand-made list is cleaned). */
export function parseWalkSections(raw: unknown): string[][] {
  const sections = obj(raw).sections;
  if (!Array.isArray(sections)) return [];
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const section of sections) {
    if (!Array.isArray(section)) continue;
    const ids = section.filter((id): id is string => isId(id) && !seen.has(id) && (seen.add(id), true));
    if (ids.length > 0) out.push(ids);
  }
  return out;
}

export function parseOpenedOnStage(raw: unknown): OpenedOnStage {
  const r = obj(raw);
  return { id: isId(r.id) ? r.id : '', page: int(r.page, 0, 100_000, 0) };
}

/**
 * The page the walk-through shows at server time `now`: the facilitator's page, or with auto
 * paging the start page plus one per N seconds since it started, stopping at the last page.
 */
export function walkPageAt(state: WalkthroughState, pageCount: number, now: number): number {
  const last = Math.max(0, pageCount - 1);
  let page = state.page;
  if (state.autoSeconds > 0 && state.autoStartedAt !== null) page += Math.floor(Math.max(0, now - state.autoStartedAt) / (state.autoSeconds * 1000));
  return Math.min(last, Math.max(0, page));
}

/** Whether auto paging still has pages to turn (it stops on the last one). */
export function walkAutoRunning(state: WalkthroughState, pageCount: number, now: number): boolean {
  return state.autoSeconds > 0 && state.autoStartedAt !== null && walkPageAt(state, pageCount, now) < pageCount - 1;
}
