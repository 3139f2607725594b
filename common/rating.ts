// The anonymous 1–5 forum rating ("Hur välfungerande anser du att denna samverkansgrupp är?"):
// shared by the relay, which publishes only a distribution, and the phone.
import type { RatingBallot, RatingResult, RatingSettings } from './schema';

/** Fewer ratings than this are never shown: with two, each person could work out the other's. */
export const RATING_MIN_SHOWN = 3;
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

export const DEFAULT_RATING: RatingSettings = { enabled: true, revealed: false };

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

export function parseRatingSettings(raw: unknown): RatingSettings {
  const r = obj(raw);
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : DEFAULT_RATING.enabled,
    revealed: typeof r.revealed === 'boolean' ? r.revealed : DEFAULT_RATING.revealed,
  };
}

/** A rating as read from a private doc; null unless it is a whole number 1…5. */
export function parseRatingBallot(raw: unknown): RatingBallot | null {
  const r = obj(raw);
  if (typeof r.value !== 'number' || !Number.isInteger(r.value) || r.value < 1 || r.value > 5) return null;
  return { value: r.value, at: typeof r.at === 'number' && Number.isFinite(r.at) ? r.at : 0 };
}

export function parseRatingResult(raw: unknown): RatingResult {
  const r = obj(raw);
  const count = typeof r.count === 'number' && Number.isFinite(r.count) ? Math.max(0, Math.floor(r.count)) : 0;
  const d = r.distribution;
  const distribution = Array.isArray(d) && d.length === 5 && d.every((n) => typeof n === 'number') ? (d as number[]) : null;
  return { count, distribution };
}

/** What may be published: the count always, the distribution only when revealed and enough rated. */
export function ratingResult(values: readonly number[], settings: RatingSettings): RatingResult {
  const count = values.length;
  if (!settings.revealed || count < RATING_MIN_SHOWN) return { count, distribution: null };
  const distribution = RATING_VALUES.map((v) => values.filter((x) => x === v).length);
  return { count, distribution };
}

/** The mean, one decimal, for the summary; null without a shown distribution. */
export function ratingMean(result: RatingResult): number | null {
  if (!result.distribution || result.count === 0) return null;
  const sum = result.distribution.reduce((s, n, i) => s + n * (i + 1), 0);
  return Math.round((sum / result.count) * 10) / 10;
}
