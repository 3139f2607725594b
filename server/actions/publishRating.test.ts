import { describe, expect, it } from 'vitest';
import { publishRating } from './publishRating';
import { env, snapshot } from './snapshot.testkit';

import type { Snapshot, Write } from './types';
import type { Json, JsonObject } from '../../common/json';

const rated = (...values: Json[]) => Object.fromEntries(values.map((value, i) => [`p${i}`, { rating: { value, at: i } }]));
const toControl = (writes: Write[]) => writes.filter((w) => w.doc.kind === 'control');

/** Applies an action's writes to a plain snapshot, as the runner would to the documents. */
function apply(s: Snapshot, writes: Write[]): Snapshot {
  const next = structuredClone(s);
  for (const w of writes) {
    if (w.op !== 'set') throw new Error(`unexpected ${w.op}`);
    const docs = w.doc.kind === 'relay' ? next.relay : next.control;
    (docs[w.root] ??= {} as JsonObject)[w.key] = w.value;
  }
  return next;
}

/** Runs the rule until it is quiet, as the runner does on every wake. */
function settle(s: Snapshot): Snapshot {
  for (let i = 0; i < 5; i++) {
    const writes = publishRating.decide(s, env);
    if (writes.length === 0) return s;
    s = apply(s, writes);
  }
  throw new Error('publishRating never settles');
}

const result = (s: Snapshot) => s.control.ratingResult;

describe('publishRating', () => {
  it('publishes only the count before the reveal', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: false } }, private: rated(5, 1, 3) }), env);
    expect(toControl(writes)).toEqual([{ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 3 }]);
  });

  it('publishes the distribution when revealed with three or more ratings, ignoring garbage ratings', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: true } }, private: rated(5, 1, 5, 9, 'x') }), env);
    expect(writes).toContainEqual({ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'distribution', value: [1, 0, 0, 0, 2] });
    expect(writes).toContainEqual({ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 3 });
  });

  it('says nothing beyond the count for two ratings, even revealed', () => {
    const writes = publishRating.decide(snapshot({ control: { rating: { revealed: true } }, private: rated(2, 4) }), env);
    expect(toControl(writes)).toEqual([{ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'count', value: 2 }]);
  });

  it('withdraws a shown distribution when un-revealed, and is quiet when all is published', () => {
    const shown = settle(snapshot({ control: { rating: { revealed: true } }, private: rated(5, 1, 5) }));
    expect(result(shown)).toEqual({ count: 3, distribution: [1, 0, 0, 0, 2] });
    expect(publishRating.decide(shown, env)).toEqual([]);
    const hidden = { ...shown, control: { ...shown.control, rating: { revealed: false } } };
    expect(publishRating.decide(hidden, env)).toEqual([{ doc: { kind: 'control' }, root: 'ratingResult', op: 'set', key: 'distribution', value: null }]);
  });

  it('a latecomer’s rating waits until three ratings can go into the shown distribution together', () => {
    let s = settle(snapshot({ control: { rating: { revealed: true } }, private: rated(5, 1, 5) }));
    // a fourth person rates while the distribution is shown: counted, but the bars do not move
    s = settle({ ...s, private: rated(5, 1, 5, 2), participantIds: ['p0', 'p1', 'p2', 'p3'] });
    expect(result(s)).toEqual({ count: 4, distribution: [1, 0, 0, 0, 2], pending: 1 });
    // someone changes their rating: that waits too
    s = settle({ ...s, private: rated(4, 1, 5, 2) });
    expect(result(s)).toEqual({ count: 4, distribution: [1, 0, 0, 0, 2], pending: 2 });
    // the third rating that differs: all go in at once
    s = settle({ ...s, private: rated(4, 1, 5, 2, 3), participantIds: ['p0', 'p1', 'p2', 'p3', 'p4'] });
    expect(result(s)).toEqual({ count: 5, distribution: [1, 1, 1, 1, 1], pending: 0 });
  });

  it('a change made while the distribution is hidden does not show on its own at the next reveal', () => {
    let s = settle(snapshot({ control: { rating: { revealed: true } }, private: rated(5, 1, 5) }));
    s = settle({ ...s, control: { ...s.control, rating: { revealed: false } } });
    s = settle({ ...s, private: rated(5, 1, 4) });
    s = settle({ ...s, control: { ...s.control, rating: { revealed: true } } });
    expect(result(s)).toMatchObject({ distribution: [1, 0, 0, 0, 2], pending: 1 });
  });
});
