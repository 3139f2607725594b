// The meetings of one forum ("Planera nästa möte" chains them) as the relay records them. The
// series token is the relay's own: a facilitator can write anything into a control doc, so what
// belongs to a series is never read from one.
import { nanoid } from 'nanoid';
import type { Level } from 'level';
import type { PlannedMeeting } from '../common/term';
import { hashKey } from './meetings';

const ofKey = (meetingId: string) => `series-of:${meetingId}`;
const memberKey = (series: string, meetingId: string) => `series:${series}:${meetingId}`;
/** a planned meeting's date, time, place and revision (the term; common/term.ts) */
const planKey = (meetingId: string) => `plan:${meetingId}`;
/** the series' calendar feed key, as a hash, and the way back from that hash to the series */
const feedOfKey = (series: string) => `feed-of:${series}`;
const feedKey = (hash: string) => `feed:${hash}`;
/** the planned meeting a meeting's open steps and parking lot went to ("carried once") */
const carriedKey = (meetingId: string) => `carried:${meetingId}`;

interface Membership {
  series: string;
  /** the place in the series: 0 for the forum's first meeting */
  n: number;
}

export class SeriesIndex {
  constructor(private readonly db: Level<string, unknown>) {}

  private async membership(meetingId: string): Promise<Membership | null> {
    const value = await this.db.get(ofKey(meetingId)).catch(() => undefined);
    const m = value as Partial<Membership> | undefined;
    return m && typeof m.series === 'string' && typeof m.n === 'number' ? { series: m.series, n: m.n } : null;
  }

  /** Records `next` as the meeting after `from` in from's series (started now if from had none). */
  async add(from: string, next: string): Promise<void> {
    const series = await this.ensureSeries(from);
    const n = (await this.members(series)).length;
    const entry: Membership = { series, n };
    await this.db.batch([
      { type: 'put', key: ofKey(next), value: entry },
      { type: 'put', key: memberKey(series, next), value: n },
    ]);
  }

  /** The relay's series token of a meeting, starting a series of one when it has none. */
  async ensureSeries(meetingId: string): Promise<string> {
    const own = await this.membership(meetingId);
    if (own) return own.series;
    const entry: Membership = { series: nanoid(), n: 0 };
    await this.db.batch([
      { type: 'put', key: ofKey(meetingId), value: entry },
      { type: 'put', key: memberKey(entry.series, meetingId), value: 0 },
    ]);
    return entry.series;
  }

  /** A planned meeting's plan, or null for a meeting nobody planned ahead. */
  async planOf(meetingId: string): Promise<PlannedMeeting | null> {
    const value = await this.db.get(planKey(meetingId)).catch(() => undefined);
    return value && typeof value === 'object' ? (value as PlannedMeeting) : null;
  }

  async setPlan(meetingId: string, plan: PlannedMeeting): Promise<void> {
    await this.db.put(planKey(meetingId), plan);
  }

  /**
   * A new calendar feed key for the meeting's series; the old one stops at once. Only its hash is
   * stored, like every key.
   */
  async replaceFeedKey(meetingId: string): Promise<string> {
    const series = await this.ensureSeries(meetingId);
    const old = await this.db.get(feedOfKey(series)).catch(() => undefined);
    const key = nanoid();
    const hash = hashKey(key).toString('hex');
    const batch: ({ type: 'put'; key: string; value: unknown } | { type: 'del'; key: string })[] = [
      { type: 'put', key: feedOfKey(series), value: hash },
      { type: 'put', key: feedKey(hash), value: series },
    ];
    if (typeof old === 'string') batch.unshift({ type: 'del', key: feedKey(old) });
    await this.db.batch(batch);
    return key;
  }

  /** The meeting ids of the series whose feed key this is, in order; null for a wrong or replaced key. */
  async seriesOfFeedKey(key: string): Promise<string[] | null> {
    const series = await this.db.get(feedKey(hashKey(key).toString('hex'))).catch(() => undefined);
    return typeof series === 'string' ? this.members(series) : null;
  }

  /** Whether the series has a feed key (the key itself is never kept). */
  async hasFeed(meetingId: string): Promise<boolean> {
    const own = await this.membership(meetingId);
    return own ? typeof (await this.db.get(feedOfKey(own.series)).catch(() => undefined)) === 'string' : false;
  }

  /** Where a meeting's open steps went, or null when they have not been carried yet. */
  async carriedTo(meetingId: string): Promise<string | null> {
    const to = await this.db.get(carriedKey(meetingId)).catch(() => undefined);
    return typeof to === 'string' ? to : null;
  }

  async setCarried(meetingId: string, to: string): Promise<void> {
    await this.db.put(carriedKey(meetingId), to);
  }

  /** The meeting ids of its series in order, or just [meetingId] when it is in none. */
  async seriesOf(meetingId: string): Promise<string[]> {
    const own = await this.membership(meetingId);
    return own ? this.members(own.series) : [meetingId];
  }

  private async members(series: string): Promise<string[]> {
    const prefix = memberKey(series, '');
    const found: { id: string; n: number }[] = [];
    for await (const [key, n] of this.db.iterator({ gte: prefix, lt: `${prefix}\xff` })) {
      found.push({ id: key.slice(prefix.length), n: typeof n === 'number' ? n : 0 });
    }
    return found.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1)).map((m) => m.id);
  }

  /** The keys naming this meeting, for deleting it without a trace. */
  async keysOf(meetingId: string): Promise<string[]> {
    const own = await this.membership(meetingId);
    const term = [planKey(meetingId), carriedKey(meetingId)];
    return own ? [ofKey(meetingId), memberKey(own.series, meetingId), ...term] : term;
  }
}
