// Publishes the check-out rating as a count, and the distribution only when the facilitator has
// revealed it and at least RATING_MIN_SHOWN people rated. No device ever receives one rating.
import { PartTwoControlRoots, PartTwoPrivateRoots, type RatingResult } from '../../common/schema';
import { parseRatingBallot, parseRatingResult, parseRatingSettings, ratingResult } from '../../common/rating';
import type { Json, RelayAction, Write } from './types';

export const publishRating: RelayAction = {
  name: 'publishRating',
  wakesOn: [
    { kind: 'private', root: PartTwoPrivateRoots.rating },
    { kind: 'control', root: PartTwoControlRoots.rating },
  ],
  reads: {
    control: [PartTwoControlRoots.rating, PartTwoControlRoots.ratingResult],
    private: { roots: [PartTwoPrivateRoots.rating], scope: 'all' },
  },
  decide(snapshot) {
    const settings = parseRatingSettings(snapshot.control[PartTwoControlRoots.rating]);
    const values: number[] = [];
    for (const id of snapshot.participantIds) {
      const ballot = parseRatingBallot(snapshot.private[id]?.[PartTwoPrivateRoots.rating]);
      if (ballot) values.push(ballot.value);
    }
    const next: RatingResult = ratingResult(values, settings);
    const raw = snapshot.control[PartTwoControlRoots.ratingResult] ?? {};
    const now = parseRatingResult(raw);
    const writes: Write[] = [];
    const set = (key: keyof RatingResult, value: Json) =>
      writes.push({ doc: { kind: 'control' }, root: PartTwoControlRoots.ratingResult, op: 'set', key, value });
    if (raw.count !== next.count || now.count !== next.count) set('count', next.count);
    if (JSON.stringify(raw.distribution ?? null) !== JSON.stringify(next.distribution)) set('distribution', next.distribution);
    return writes;
  },
};
