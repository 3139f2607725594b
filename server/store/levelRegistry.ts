// The registry in a level db, under the keys DATA_DIRs have always had:
//   meeting:<id> → MeetingRecord        code:<joinCode> → meetingId
//   participant:<meetingId>:<id> → ParticipantRecord
//   closed:<id> → true                  touched:<id> → ms since epoch
//   series-of:<id> → { series, n }      series:<series>:<id> → n
//   plan:<id> → PlannedMeeting          carried:<id> → the planned meeting its steps went to
//   feed-of:<series> → feed key hash    feed:<hash> → series
import type { Level } from 'level';
import type { PlannedMeeting } from '../../common/term';
import type { MeetingRecord, ParticipantRecord, RegistryDump, RegistryStore, SeriesMembership } from './types';

const meetingKey = (id: string) => `meeting:${id}`;
const codeKey = (code: string) => `code:${code}`;
const participantPrefix = (meetingId: string) => `participant:${meetingId}:`;
const closedKey = (id: string) => `closed:${id}`;
const touchedKey = (id: string) => `touched:${id}`;
const ofKey = (meetingId: string) => `series-of:${meetingId}`;
const memberKey = (series: string, meetingId: string) => `series:${series}:${meetingId}`;
const planKey = (meetingId: string) => `plan:${meetingId}`;
const carriedKey = (meetingId: string) => `carried:${meetingId}`;
const feedOfKey = (series: string) => `feed-of:${series}`;
const feedKey = (hash: string) => `feed:${hash}`;

type Op = { type: 'put'; key: string; value: unknown } | { type: 'del'; key: string };

export class LevelRegistry implements RegistryStore {
  constructor(private readonly db: Level<string, unknown>) {}

  private async get(key: string): Promise<unknown> {
    // level 8 returns undefined for a missing key; older levels threw notFound
    try {
      return await this.db.get(key);
    } catch (err) {
      if ((err as { code?: string }).code === 'LEVEL_NOT_FOUND') return undefined;
      throw err;
    }
  }

  private async *range(prefix: string): AsyncGenerator<[string, unknown]> {
    for await (const entry of this.db.iterator({ gte: prefix, lt: `${prefix}\xff` })) yield entry;
  }

  async meeting(id: string): Promise<MeetingRecord | null> {
    return ((await this.get(meetingKey(id))) as MeetingRecord | undefined) ?? null;
  }

  async participants(meetingId: string): Promise<ParticipantRecord[]> {
    const found: ParticipantRecord[] = [];
    for await (const [, value] of this.range(participantPrefix(meetingId))) found.push(value as ParticipantRecord);
    return found;
  }

  async insertMeeting(record: MeetingRecord): Promise<boolean> {
    // one process writes this db, so looking first is enough
    if ((await this.get(codeKey(record.joinCode))) !== undefined) return false;
    await this.db.batch([
      { type: 'put', key: meetingKey(record.id), value: record },
      { type: 'put', key: codeKey(record.joinCode), value: record.id },
    ]);
    return true;
  }

  async updateMeeting(record: MeetingRecord): Promise<void> {
    await this.db.put(meetingKey(record.id), record);
  }

  async meetingIdForCode(code: string): Promise<string | null> {
    const id = await this.get(codeKey(code));
    return typeof id === 'string' ? id : null;
  }

  async addParticipant(meetingId: string, record: ParticipantRecord): Promise<void> {
    await this.db.put(`${participantPrefix(meetingId)}${record.id}`, record);
  }

  async *meetings(): AsyncGenerator<{ id: string; createdAt: number }> {
    for await (const [, value] of this.range('meeting:')) {
      const record = value as MeetingRecord;
      yield { id: record.id, createdAt: record.createdAt };
    }
  }

  async deleteMeeting(meetingId: string): Promise<void> {
    const record = await this.meeting(meetingId);
    const ops: Op[] = [];
    // only keys that exist: a deletion marker would itself keep the id on disk
    const delIfThere = async (key: string) => {
      if ((await this.get(key)) !== undefined) ops.push({ type: 'del', key });
    };
    if (record) {
      ops.push({ type: 'del', key: meetingKey(meetingId) });
      if ((await this.get(codeKey(record.joinCode))) === meetingId) ops.push({ type: 'del', key: codeKey(record.joinCode) });
    }
    for await (const key of this.db.keys({ gte: participantPrefix(meetingId), lt: `${participantPrefix(meetingId)}\xff` })) ops.push({ type: 'del', key });
    await delIfThere(closedKey(meetingId));
    await delIfThere(touchedKey(meetingId));
    await delIfThere(planKey(meetingId));
    await delIfThere(carriedKey(meetingId));
    const own = await this.seriesOf(meetingId);
    if (own) {
      ops.push({ type: 'del', key: ofKey(meetingId) }, { type: 'del', key: memberKey(own.series, meetingId) });
      // the series' last meeting: its feed key leads nowhere any more
      const others = (await this.seriesMembers(own.series)).filter((id) => id !== meetingId);
      const hash = others.length === 0 ? await this.feedHashOf(own.series) : null;
      if (hash !== null) ops.push({ type: 'del', key: feedOfKey(own.series) }, { type: 'del', key: feedKey(hash) });
    }
    if (ops.length) await this.db.batch(ops);
  }

  async closedMeetings(): Promise<string[]> {
    const ids: string[] = [];
    for await (const key of this.db.keys({ gte: 'closed:', lt: 'closed:\xff' })) ids.push(key.slice('closed:'.length));
    return ids;
  }

  async isClosed(meetingId: string): Promise<boolean> {
    return (await this.get(closedKey(meetingId))) !== undefined;
  }

  async setClosed(meetingId: string, closed: boolean): Promise<void> {
    if (closed) await this.db.put(closedKey(meetingId), true);
    else if (await this.isClosed(meetingId)) await this.db.del(closedKey(meetingId));
  }

  async touchedAt(meetingId: string): Promise<number | null> {
    const at = await this.get(touchedKey(meetingId));
    return typeof at === 'number' ? at : null;
  }

  async touch(meetingId: string, at: number): Promise<void> {
    await this.db.put(touchedKey(meetingId), at);
  }

  async seriesOf(meetingId: string): Promise<SeriesMembership | null> {
    const m = (await this.get(ofKey(meetingId))) as Partial<SeriesMembership> | undefined;
    return m && typeof m.series === 'string' && typeof m.n === 'number' ? { series: m.series, n: m.n } : null;
  }

  async seriesMembers(series: string): Promise<string[]> {
    const prefix = memberKey(series, '');
    const found: { id: string; n: number }[] = [];
    for await (const [key, n] of this.range(prefix)) found.push({ id: key.slice(prefix.length), n: typeof n === 'number' ? n : 0 });
    return found.sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1)).map((m) => m.id);
  }

  async addToSeries(entries: ({ meetingId: string } & SeriesMembership)[]): Promise<void> {
    const ops: Op[] = [];
    for (const { meetingId, series, n } of entries) {
      ops.push({ type: 'put', key: ofKey(meetingId), value: { series, n } }, { type: 'put', key: memberKey(series, meetingId), value: n });
    }
    await this.db.batch(ops);
  }

  async planOf(meetingId: string): Promise<PlannedMeeting | null> {
    const value = await this.get(planKey(meetingId));
    return value && typeof value === 'object' ? (value as PlannedMeeting) : null;
  }

  async setPlan(meetingId: string, plan: PlannedMeeting): Promise<void> {
    await this.db.put(planKey(meetingId), plan);
  }

  async feedHashOf(series: string): Promise<string | null> {
    const hash = await this.get(feedOfKey(series));
    return typeof hash === 'string' ? hash : null;
  }

  async seriesOfFeedHash(hash: string): Promise<string | null> {
    const series = await this.get(feedKey(hash));
    return typeof series === 'string' ? series : null;
  }

  async setFeedHash(series: string, hash: string): Promise<void> {
    const old = await this.feedHashOf(series);
    const ops: Op[] = [
      { type: 'put', key: feedOfKey(series), value: hash },
      { type: 'put', key: feedKey(hash), value: series },
    ];
    if (old !== null && old !== hash) ops.unshift({ type: 'del', key: feedKey(old) });
    await this.db.batch(ops);
  }

  async carriedTo(meetingId: string): Promise<string | null> {
    const to = await this.get(carriedKey(meetingId));
    return typeof to === 'string' ? to : null;
  }

  async setCarried(meetingId: string, to: string): Promise<void> {
    await this.db.put(carriedKey(meetingId), to);
  }

  async dump(): Promise<RegistryDump> {
    const meetings: RegistryDump['meetings'] = [];
    for await (const [, value] of this.range('meeting:')) {
      const record = value as MeetingRecord;
      meetings.push({
        ...record,
        participants: await this.participants(record.id),
        closed: await this.isClosed(record.id),
        touchedAt: await this.touchedAt(record.id),
      });
    }
    const series: RegistryDump['series'] = [];
    for await (const [key, value] of this.range('series-of:')) {
      const m = value as SeriesMembership;
      series.push({ meetingId: key.slice('series-of:'.length), series: m.series, n: m.n });
    }
    const plans: RegistryDump['plans'] = [];
    for await (const [key, value] of this.range('plan:')) plans.push({ meetingId: key.slice('plan:'.length), plan: value as PlannedMeeting });
    const feeds: RegistryDump['feeds'] = [];
    for await (const [key, value] of this.range('feed-of:')) if (typeof value === 'string') feeds.push({ series: key.slice('feed-of:'.length), hash: value });
    const carried: RegistryDump['carried'] = [];
    for await (const [key, value] of this.range('carried:')) if (typeof value === 'string') carried.push({ meetingId: key.slice('carried:'.length), to: value });
    return { meetings, series, plans, feeds, carried };
  }

  async restore(dump: RegistryDump): Promise<void> {
    const ops: Op[] = [];
    for (const { participants, closed, touchedAt, ...record } of dump.meetings) {
      ops.push({ type: 'put', key: meetingKey(record.id), value: record }, { type: 'put', key: codeKey(record.joinCode), value: record.id });
      for (const p of participants) ops.push({ type: 'put', key: `${participantPrefix(record.id)}${p.id}`, value: p });
      if (closed) ops.push({ type: 'put', key: closedKey(record.id), value: true });
      if (touchedAt !== null) ops.push({ type: 'put', key: touchedKey(record.id), value: touchedAt });
    }
    for (const { meetingId, series, n } of dump.series) {
      ops.push({ type: 'put', key: ofKey(meetingId), value: { series, n } }, { type: 'put', key: memberKey(series, meetingId), value: n });
    }
    for (const { meetingId, plan } of dump.plans ?? []) ops.push({ type: 'put', key: planKey(meetingId), value: plan });
    for (const { series, hash } of dump.feeds ?? []) ops.push({ type: 'put', key: feedOfKey(series), value: hash }, { type: 'put', key: feedKey(hash), value: series });
    for (const { meetingId, to } of dump.carried ?? []) ops.push({ type: 'put', key: carriedKey(meetingId), value: to });
    await this.db.batch(ops);
  }
}
