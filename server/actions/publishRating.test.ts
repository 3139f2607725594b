import { describe, expect, it } from 'vitest';
import { publishRating } from './publishRating';
import { env, snapshot } from './snapshot.testkit';

import type { Json } from './types';

const rated = (...values: Json[]) => Object.fromEntries(values.map((value, i) => [`p${i}`, { rating: { value, at: i } }]));

describe('publishRating', () => {
  it('publishes only the count before the reveal', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: false } }, private: rated(5, 1, 3) }), env);
    expect(writes).toEqual([{ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 3 }]);
  });

  it('publishes the distribution when revealed with three or more ratings, ignoring garbage ratings', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: true } }, private: rated(5, 1, 5, 9, 'x') }), env);
    expect(writes).toContainEqual({ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'distribution', value: [1, 0, 0, 0, 2] });
    expect(writes).toContainEqual({ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 3 });
  });

  it('says nothing beyond the count for two ratings, even revealed', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: true } }, private: rated(2, 4) }), env);
    expect(writes).toEqual([{ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 2 }]);
  });

  it('withdraws a shown distribution when un-revealed, and is quiet when all is published', () => {
    const shown = { count: 3, distribution: [1, 0, 0, 0, 2] };
    expect(publishRating.decide(snapshot({ control: { rating: { revealed: true }, ratingResult: shown }, private: rated(5, 1, 5) }), env)).toEqual([]);
    expect(publishRating.decide(snapshot({ control: { rating: { revealed: false }, ratingResult: shown }, private: rated(5, 1, 5) }), env)).toEqual([
      { doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'distribution', value: null },
    ]);
  });
});
