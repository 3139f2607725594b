// Publishes the check-out rating as a count, and the distribution only when the facilitator has
// revealed it and at least RATING_MIN_SHOWN people rated. No device ever receives one rating.
// A rating given (or changed) after a distribution was shown waits in the relay's own document
// until RATING_MIN_SHOWN such ratings can go in together (common/rating.ts, publishedRating).
import { RelayRoots, type RatingResult, ControlRoots, PrivateRoots } from '../../common/schema';
import { parseRatingBallot, parseRatingResult, parseRatingSettings, parseShownRatings, publishedRating } from '../../common/rating';
import type { RelayAction, Write } from './types';
import type { Json } from '../../common/json';

export const publishRating: RelayAction = {
  name: 'publishRating',
  wakesOn: [
    { kind: 'private', root: PrivateRoots.rating },
    { kind: 'control', root: ControlRoots.rating },
  ],
  reads: {
    control: [ControlRoots.rating, ControlRoots.ratingResult],
    relay: [RelayRoots.ratingShown],
    private: { roots: [PrivateRoots.rating], scope: 'all' },
  },
  decide(snapshot) {
    const settings = parseRatingSettings(snapshot.control[ControlRoots.rating]);
    const now: Record<string, number> = {};
    for (const id of snapshot.participantIds) {
      const ballot = parseRatingBallot(snapshot.private[id]?.[PrivateRoots.rating]);
      if (ballot) now[id] = ballot.value;
    }
    const rawShown = snapshot.relay[RelayRoots.ratingShown] ?? {};
    const before = parseShownRatings(rawShown);
    const { result: next, shown } = publishedRating(now, before, settings);
    const writes: Write[] = [];
    // the relay's record first: a crash before the result is published recomputes the same result
    if (JSON.stringify(rawShown.ballots ?? {}) !== JSON.stringify(shown.ballots)) {
      writes.push({ doc: { kind: 'relay' }, root: RelayRoots.ratingShown, op: 'set', key: 'ballots', value: shown.ballots });
    }
    if (rawShown.published !== shown.published && (shown.published || rawShown.published !== undefined)) {
      writes.push({ doc: { kind: 'relay' }, root: RelayRoots.ratingShown, op: 'set', key: 'published', value: shown.published });
    }
    const raw = snapshot.control[ControlRoots.ratingResult] ?? {};
    const current = parseRatingResult(raw);
    const set = (key: keyof RatingResult, value: Json) =>
      writes.push({ doc: { kind: 'control' }, root: ControlRoots.ratingResult, op: 'set', key, value });
    if (raw.count !== next.count || current.count !== next.count) set('count', next.count);
    if (JSON.stringify(raw.distribution ?? null) !== JSON.stringify(next.distribution)) set('distribution', next.distribution);
    if ((raw.pending ?? 0) !== next.pending) set('pending', next.pending);
    return writes;
  },
};
