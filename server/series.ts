// The meetings of one forum ("Planera nästa möte" chains them) as the relay records them. The
// series token is the relay's own: a facilitator can write anything into a control doc, so what
// belongs to a series is never read from one.
import { nanoid } from 'nanoid';
import type { Level } from 'level';

const ofKey = (meetingId: string) => `series-of:${meetingId}`;
const memberKey = (series: string, meetingId: string) => `series:${series}:${meetingId}`;

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
    let own = await this.membership(from);
    const batch: { type: 'put'; key: string; value: unknown }[] = [];
    if (!own) {
      own = { series: nanoid(), n: 0 };
      batch.push({ type: 'put', key: ofKey(from), value: own }, { type: 'put', key: memberKey(own.series, from), value: own.n });
    }
    const n = (await this.members(own.series)).length + (batch.length ? 1 : 0);
    const entry: Membership = { series: own.series, n };
    batch.push({ type: 'put', key: ofKey(next), value: entry }, { type: 'put', key: memberKey(own.series, next), value: n });
    await this.db.batch(batch);
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
    return own ? [ofKey(meetingId), memberKey(own.series, meetingId)] : [];
  }
}
