import { describe, expect, it } from 'vitest';
import { parseRatingBallot, publishedRating, ratingMean, type ShownRatings } from './rating';

const fresh: ShownRatings = { ballots: {}, published: false };
const people = (...values: number[]) => Object.fromEntries(values.map((v, i) => [`p${i}`, v]));

describe('the anonymous rating', () => {
  it('shows no distribution before the reveal, only how many have rated', () => {
    expect(publishedRating(people(4, 5, 3, 4), fresh, { enabled: true, revealed: false }).result).toEqual({ count: 4, distribution: null, pending: 0 });
  });

  it('shows no distribution with fewer than three ratings, even when revealed', () => {
    expect(publishedRating(people(2, 5), fresh, { enabled: true, revealed: true }).result).toEqual({ count: 2, distribution: null, pending: 0 });
  });

  it('shows the distribution and count from three ratings up', () => {
    const { result, shown } = publishedRating(people(4, 5, 4), fresh, { enabled: true, revealed: true });
    expect(result).toEqual({ count: 3, distribution: [0, 0, 0, 2, 1], pending: 0 });
    expect(shown.published).toBe(true);
    expect(ratingMean(result)).toBe(4.3);
  });

  it('once shown, moves only when three ratings differ; the mean is of the ratings shown', () => {
    const first = publishedRating(people(4, 5, 4), fresh, { enabled: true, revealed: true });
    const late = publishedRating(people(4, 5, 4, 1), first.shown, { enabled: true, revealed: true });
    expect(late.result).toEqual({ count: 4, distribution: [0, 0, 0, 2, 1], pending: 1 });
    expect(ratingMean(late.result)).toBe(4.3);
  });

  it('refuses anything but a whole number 1 to 5', () => {
    expect(parseRatingBallot({ value: 3, at: 1 })).toEqual({ value: 3, at: 1 });
    for (const value of [0, 6, 2.5, '4', null]) expect(parseRatingBallot({ value })).toBeNull();
  });
});
