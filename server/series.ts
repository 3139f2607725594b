// The meetings of one forum ("Planera nästa möte" chains them) as the relay records them. The
// series token is the relay's own: a facilitator can write anything into a control doc, so what
// belongs to a series is never read from one.
import { nanoid } from 'nanoid';
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

  /** The meeting ids of its series in order, or just [meetingId] when it is in none. */
  async seriesOf(meetingId: string): Promise<string[]> {
    const own = await this.store.seriesOf(meetingId);
    return own ? this.store.seriesMembers(own.series) : [meetingId];
  }
}
