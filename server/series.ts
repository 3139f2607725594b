// The meetings of one forum ("Planera nästa möte" chains them) as the relay records them, and the
// term: each planned meeting's plan, the series' calendar feed key (its hash only) and where a
// meeting's open steps were carried. The series token is the relay's own: a facilitator can write
// anything into a control doc, so what belongs to a series is never read from one.
import { nanoid } from 'nanoid';
import type { PlannedMeeting } from '../common/term';
import { hashKey } from './meetings';
import type { RegistryStore, SeriesMembership } from './store/types';

export class SeriesIndex {
  constructor(private readonly store: RegistryStore) {}

  /** Records `next` as the meeting after `from` in from's series (started now if from had none). */
  async add(from: string, next: string): Promise<void> {
    let own = await this.store.seriesOf(from);
    const entries: ({ meetingId: string } & SeriesMembership)[] = [];
    if (!own) {
      own = { series: nanoid(), n: 0 };
      entries.push({ meetingId: from, ...own });
    }
    const n = (await this.store.seriesMembers(own.series)).length + entries.length;
    entries.push({ meetingId: next, series: own.series, n });
    await this.store.addToSeries(entries);
  }

  /** The relay's series token of a meeting, starting a series of one when it has none. */
  async ensureSeries(meetingId: string): Promise<string> {
    const own = await this.store.seriesOf(meetingId);
    if (own) return own.series;
    const series = nanoid();
    await this.store.addToSeries([{ meetingId, series, n: 0 }]);
    return series;
  }

  /** A planned meeting's plan, or null for a meeting nobody planned ahead. */
  planOf(meetingId: string): Promise<PlannedMeeting | null> {
    return this.store.planOf(meetingId);
  }

  setPlan(meetingId: string, plan: PlannedMeeting): Promise<void> {
    return this.store.setPlan(meetingId, plan);
  }

  /**
   * A new calendar feed key for the meeting's series; the old one stops at once. Only its hash is
   * stored, like every key.
   */
  async replaceFeedKey(meetingId: string): Promise<string> {
    const series = await this.ensureSeries(meetingId);
    const key = nanoid();
    await this.store.setFeedHash(series, hashKey(key).toString('hex'));
    return key;
  }

  /** The meeting ids of the series whose feed key this is, in order; null for a wrong or replaced key. */
  async seriesOfFeedKey(key: string): Promise<string[] | null> {
    const series = await this.store.seriesOfFeedHash(hashKey(key).toString('hex'));
    return series === null ? null : this.store.seriesMembers(series);
  }

  /** Whether the series has a feed key (the key itself is never kept). */
  async hasFeed(meetingId: string): Promise<boolean> {
    const own = await this.store.seriesOf(meetingId);
    return own ? (await this.store.feedHashOf(own.series)) !== null : false;
  }

  /** Where a meeting's open steps went, or null when they have not been carried yet. */
  carriedTo(meetingId: string): Promise<string | null> {
    return this.store.carriedTo(meetingId);
  }

  setCarried(meetingId: string, to: string): Promise<void> {
    return this.store.setCarried(meetingId, to);
  }

  /** The meeting ids of its series in order, or just [meetingId] when it is in none. */
  async seriesOf(meetingId: string): Promise<string[]> {
    const own = await this.store.seriesOf(meetingId);
    return own ? this.store.seriesMembers(own.series) : [meetingId];
  }
}
