// The anonymous 1–5 forum rating ("Hur välfungerande anser du att denna samverkansgrupp är?"):
// shared by the relay, which publishes only a distribution, and the phone.
import type { RatingBallot, RatingResult, RatingSettings } from './schema';
import { read } from './records';

/** Fewer ratings than this are never shown: with two, each person could work out the other's. */
export const RATING_MIN_SHOWN = 3;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export const DEFAULT_RATING: RatingSettings = { enabled: true, revealed: false };

const obj = read.fields;

export function parseRatingSettings(raw: unknown): RatingSettings {
  const r = obj(raw);
  return {
    enabled: read.bool(r.enabled, DEFAULT_RATING.enabled),
    revealed: read.bool(r.revealed, DEFAULT_RATING.revealed),
  };
}

/** A rating as read from a private doc; null unless it is a whole number 1…5. */
export function parseRatingBallot(raw: unknown): RatingBallot | null {
  const r = obj(raw);
  const value = read.whole(r.value, 1, 5, 0);
  return value === 0 ? null : { value, at: read.num(r.at, 0) };
}

export function parseRatingResult(raw: unknown): RatingResult {
  const r = obj(raw);
  const count = read.int(r.count, 0, Number.MAX_SAFE_INTEGER, 0);
  const d = r.distribution;
  const distribution = Array.isArray(d) && d.length === 5 && d.every((n) => typeof n === 'number') ? (d as number[]) : null;
  const pending = read.int(r.pending, 0, Number.MAX_SAFE_INTEGER, 0);
  return { count, distribution, pending };
}

const distributionOf = (values: readonly number[]) => RATING_VALUES.map((v) => values.filter((x) => x === v).length);

/** The ratings a published distribution is made of (kept where no device can read it). */
export interface ShownRatings {
  /** participantId → the rating as it stood when it went into the distribution */
  ballots: Record<string, number>;
  /** a distribution has been shown: from then on it only moves in steps of RATING_MIN_SHOWN */
  published: boolean;
}

export function parseShownRatings(raw: unknown): ShownRatings {
  const r = obj(raw);
  const ballots: Record<string, number> = {};
  for (const [id, v] of Object.entries(obj(r.ballots))) if (parseRatingBallot({ value: v })) ballots[id] = v as number;
  return { ballots, published: r.published === true };
}

/**
 * The rating as it may be published, given everyone's rating now (participantId → 1…5) and the
 * ratings the distribution was last made of. Before any distribution is shown it follows the
 * ratings as they come. Once one has been shown, a latecomer's rating (or a changed one) waits
 * until at least RATING_MIN_SHOWN ratings differ from it, then all go in at once: the threshold
 * rule applied to the change, or the room could read one person's rating off the moving bar.
 */
export function publishedRating(now: Readonly<Record<string, number>>, shown: ShownRatings, settings: RatingSettings): { result: RatingResult; shown: ShownRatings } {
  const differing = new Set([...Object.keys(now), ...Object.keys(shown.ballots)].filter((id) => now[id] !== shown.ballots[id]));
  const fold = !shown.published || differing.size >= RATING_MIN_SHOWN;
  const ballots = fold ? { ...now } : shown.ballots;
  const values = Object.values(ballots);
  const visible = settings.revealed && values.length >= RATING_MIN_SHOWN;
  return {
    result: { count: Object.keys(now).length, distribution: visible ? distributionOf(values) : null, pending: fold ? 0 : differing.size },
    shown: { ballots, published: shown.published || visible },
  };
}

/** How many ratings the shown distribution is made of. */
export function ratingShownCount(result: RatingResult): number {
  return result.distribution ? result.distribution.reduce((a, b) => a + b, 0) : 0;
}

/** The mean, one decimal, for the summary; null without a shown distribution. */
export function ratingMean(result: RatingResult): number | null {
  const shown = ratingShownCount(result);
  if (!result.distribution || shown === 0) return null;
  const sum = result.distribution.reduce((s, n, i) => s + n * (i + 1), 0);
  return Math.round((sum / shown) * 10) / 10;
}
