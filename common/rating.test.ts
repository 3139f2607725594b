import { describe, expect, it } from 'vitest';
import { parseRatingBallot, ratingMean, ratingResult } from './rating';

describe('the anonymous rating', () => {
  it('shows no distribution before the reveal, only how many have rated', () => {
    expect(ratingResult([4, 5, 3, 4], { enabled: true, revealed: false })).toEqual({ count: 4, distribution: null });
  });

  it('shows no distribution with fewer than three ratings, even when revealed', () => {
    expect(ratingResult([2, 5], { enabled: true, revealed: true })).toEqual({ count: 2, distribution: null });
  });

  it('shows the distribution and count from three ratings up', () => {
    const result = ratingResult([4, 5, 4], { enabled: true, revealed: true });
    expect(result).toEqual({ count: 3, distribution: [0, 0, 0, 2, 1] });
    expect(ratingMean(result)).toBe(4.3);
  });

  it('refuses anything but a whole number 1 to 5', () => {
    expect(parseRatingBallot({ value: 3, at: 1 })).toEqual({ value: 3, at: 1 });
    for (const value of [0, 6, 2.5, '4', null]) expect(parseRatingBallot({ value })).toBeNull();
  });
});
