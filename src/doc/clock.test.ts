import { describe, expect, it } from 'vitest';
import { bestOffset, estimateOffset } from './clock';

describe('server clock offset', () => {
  it('is the server time minus the midpoint of the request', () => {
    expect(estimateOffset(1000, 6100, 1200)).toBe(5000);
    expect(estimateOffset(1000, 100, 1200)).toBe(-1000);
  });

  it('trusts the sample with the shortest round trip', () => {
    expect(bestOffset([{ offset: 10, roundTrip: 300 }, { offset: 4, roundTrip: 20 }])).toBe(4);
    expect(bestOffset([])).toBe(0);
  });
});
