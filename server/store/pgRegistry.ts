// The registry in PostgreSQL tables (see migrations/001_init.sql). Any instance may write it: a
// meeting's rows are created on one instance and read on another.
import type pg from 'pg';
import type { PlannedMeeting } from '../../common/term';
import type { MeetingRecord, ParticipantRecord, RegistryDump, RegistryStore, SeriesMembership } from './types';

interface MeetingRow {
  id: string;
  facilitator_key_hash: string;
  board_key_hash: string | null;
  join_code: string;
  created_at: string;
  closed: boolean;
  touched_at: string | null;
}

const toMeeting = (r: MeetingRow): MeetingRecord => ({
  id: r.id,
  facilitatorKeyHash: r.facilitator_key_hash,
  ...(r.board_key_hash === null ? {} : { boardKeyHash: r.board_key_hash }),
  joinCode: r.join_code,
  createdAt: Number(r.created_at),
});

interface PlanRow {
  meeting_id: string;
  title: string;
  day: string;
  start_time: string;
  end_time: string;
  place: string;
  link: string;
  sequence: number;
  created_at: string;
  updated_at: string;
  forum_name: string;
}

const toPlan = (r: PlanRow): PlannedMeeting => ({
  title: r.title,
  date: r.day,
  start: r.start_time,
  end: r.end_time,
  place: r.place,
  link: r.link,
  sequence: r.sequence,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  ...(r.forum_name ? { forumName: r.forum_name } : {}),
});

const PLAN_UPSERT = `INSERT INTO meeting_plans (meeting_id, title, day, start_time, end_time, place, link, sequence, created_at, updated_at, forum_name)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (meeting_id) DO UPDATE SET title = $2, day = $3, start_time = $4, end_time = $5, place = $6, link = $7, sequence = $8, created_at = $9, updated_at = $10, forum_name = $11`;
const planParams = (meetingId: string, p: PlannedMeeting) => [meetingId, p.title, p.date, p.start, p.end, p.place, p.link, p.sequence, p.createdAt, p.updatedAt, p.forumName ?? ''];

const toParticipant = (r: { id: string; key_hash: string; created_at: string }): ParticipantRecord => ({
  id: r.id,
  keyHash: r.key_hash,
  createdAt: Number(r.created_at),
});

export class PgRegistry implements RegistryStore {
  constructor(private readonly pool: pg.Pool) {}

  private async transaction(fn: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await fn(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async meeting(id: string): Promise<MeetingRecord | null> {
    const { rows } = await this.pool.query<MeetingRow>('SELECT * FROM meetings WHERE id = $1', [id]);
    return rows[0] ? toMeeting(rows[0]) : null;
  }

  async participants(meetingId: string): Promise<ParticipantRecord[]> {
    const { rows } = await this.pool.query('SELECT id, key_hash, created_at FROM participants WHERE meeting_id = $1 ORDER BY created_at, id', [meetingId]);
    return rows.map(toParticipant);
  }

  async insertMeeting(r: MeetingRecord): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO meetings (id, facilitator_key_hash, board_key_hash, join_code, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (join_code) DO NOTHING`,
      [r.id, r.facilitatorKeyHash, r.boardKeyHash ?? null, r.joinCode, r.createdAt],
    );
    return rowCount === 1;
  }

  async updateMeeting(r: MeetingRecord): Promise<void> {
    await this.pool.query('UPDATE meetings SET facilitator_key_hash = $2, board_key_hash = $3 WHERE id = $1', [r.id, r.facilitatorKeyHash, r.boardKeyHash ?? null]);
  }

  async meetingIdForCode(code: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM meetings WHERE join_code = $1', [code]);
    return rows[0]?.id ?? null;
  }

  async addParticipant(meetingId: string, p: ParticipantRecord): Promise<void> {
    await this.pool.query('INSERT INTO participants (meeting_id, id, key_hash, created_at) VALUES ($1, $2, $3, $4)', [meetingId, p.id, p.keyHash, p.createdAt]);
  }

  async *meetings(): AsyncGenerator<{ id: string; createdAt: number }> {
    const { rows } = await this.pool.query<{ id: string; created_at: string }>('SELECT id, created_at FROM meetings ORDER BY id');
    for (const r of rows) yield { id: r.id, createdAt: Number(r.created_at) };
  }

  async deleteMeeting(meetingId: string): Promise<void> {
    await this.transaction(async (c) => {
      await c.query('DELETE FROM participants WHERE meeting_id = $1', [meetingId]);
      await c.query('DELETE FROM meeting_plans WHERE meeting_id = $1', [meetingId]);
      await c.query('DELETE FROM carried_steps WHERE meeting_id = $1', [meetingId]);
      const { rows } = await c.query<{ series: string }>('DELETE FROM series_members WHERE meeting_id = $1 RETURNING series', [meetingId]);
      // the series' last meeting: its feed key leads nowhere any more
      if (rows[0]) await c.query('DELETE FROM series_feeds WHERE series = $1 AND NOT EXISTS (SELECT 1 FROM series_members WHERE series = $1)', [rows[0].series]);
      await c.query('DELETE FROM meetings WHERE id = $1', [meetingId]);
    });
  }

  async closedMeetings(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM meetings WHERE closed');
    return rows.map((r) => r.id);
  }

  async isClosed(meetingId: string): Promise<boolean> {
    const { rows } = await this.pool.query<{ closed: boolean }>('SELECT closed FROM meetings WHERE id = $1', [meetingId]);
    return rows[0]?.closed === true;
  }

  async setClosed(meetingId: string, closed: boolean): Promise<void> {
    await this.pool.query('UPDATE meetings SET closed = $2 WHERE id = $1', [meetingId, closed]);
  }

  async touchedAt(meetingId: string): Promise<number | null> {
    const { rows } = await this.pool.query<{ touched_at: string | null }>('SELECT touched_at FROM meetings WHERE id = $1', [meetingId]);
    return rows[0]?.touched_at == null ? null : Number(rows[0].touched_at);
  }

  async touch(meetingId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE meetings SET touched_at = $2 WHERE id = $1', [meetingId, at]);
  }

  async seriesOf(meetingId: string): Promise<SeriesMembership | null> {
    const { rows } = await this.pool.query<SeriesMembership>('SELECT series, n FROM series_members WHERE meeting_id = $1', [meetingId]);
    return rows[0] ? { series: rows[0].series, n: rows[0].n } : null;
  }

  async seriesMembers(series: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ meeting_id: string }>('SELECT meeting_id FROM series_members WHERE series = $1 ORDER BY n, meeting_id', [series]);
    return rows.map((r) => r.meeting_id);
  }

  async addToSeries(entries: ({ meetingId: string } & SeriesMembership)[]): Promise<void> {
    await this.transaction(async (c) => {
      for (const e of entries) {
        await c.query(
          'INSERT INTO series_members (meeting_id, series, n) VALUES ($1, $2, $3) ON CONFLICT (meeting_id) DO UPDATE SET series = $2, n = $3',
          [e.meetingId, e.series, e.n],
        );
      }
    });
  }

  async planOf(meetingId: string): Promise<PlannedMeeting | null> {
    const { rows } = await this.pool.query<PlanRow>('SELECT * FROM meeting_plans WHERE meeting_id = $1', [meetingId]);
    return rows[0] ? toPlan(rows[0]) : null;
  }

  async setPlan(meetingId: string, plan: PlannedMeeting): Promise<void> {
    await this.pool.query(PLAN_UPSERT, planParams(meetingId, plan));
  }

  async feedHashOf(series: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ key_hash: string }>('SELECT key_hash FROM series_feeds WHERE series = $1', [series]);
    return rows[0]?.key_hash ?? null;
  }

  async seriesOfFeedHash(hash: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ series: string }>('SELECT series FROM series_feeds WHERE key_hash = $1', [hash]);
    return rows[0]?.series ?? null;
  }

  async setFeedHash(series: string, hash: string): Promise<void> {
    await this.pool.query('INSERT INTO series_feeds (series, key_hash) VALUES ($1, $2) ON CONFLICT (series) DO UPDATE SET key_hash = $2', [series, hash]);
  }

  async carriedTo(meetingId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ to_meeting: string }>('SELECT to_meeting FROM carried_steps WHERE meeting_id = $1', [meetingId]);
    return rows[0]?.to_meeting ?? null;
  }

  async setCarried(meetingId: string, to: string): Promise<void> {
    await this.pool.query('INSERT INTO carried_steps (meeting_id, to_meeting) VALUES ($1, $2) ON CONFLICT (meeting_id) DO UPDATE SET to_meeting = $2', [meetingId, to]);
  }

  async dump(): Promise<RegistryDump> {
    const meetings = await this.pool.query<MeetingRow>('SELECT * FROM meetings ORDER BY id');
    const participants = await this.pool.query('SELECT meeting_id, id, key_hash, created_at FROM participants ORDER BY meeting_id, id');
    const byMeeting = new Map<string, ParticipantRecord[]>();
    for (const r of participants.rows) {
      const list = byMeeting.get(r.meeting_id) ?? [];
      list.push(toParticipant(r));
      byMeeting.set(r.meeting_id, list);
    }
    const series = await this.pool.query<{ meeting_id: string; series: string; n: number }>('SELECT meeting_id, series, n FROM series_members ORDER BY meeting_id');
    return {
      meetings: meetings.rows.map((r) => ({
        ...toMeeting(r),
        participants: byMeeting.get(r.id) ?? [],
        closed: r.closed,
        touchedAt: r.touched_at === null ? null : Number(r.touched_at),
      })),
      series: series.rows.map((r) => ({ meetingId: r.meeting_id, series: r.series, n: r.n })),
      plans: (await this.pool.query<PlanRow>('SELECT * FROM meeting_plans ORDER BY meeting_id')).rows.map((r) => ({ meetingId: r.meeting_id, plan: toPlan(r) })),
      feeds: (await this.pool.query<{ series: string; key_hash: string }>('SELECT series, key_hash FROM series_feeds ORDER BY series')).rows.map((r) => ({ series: r.series, hash: r.key_hash })),
      carried: (await this.pool.query<{ meeting_id: string; to_meeting: string }>('SELECT meeting_id, to_meeting FROM carried_steps ORDER BY meeting_id')).rows.map((r) => ({ meetingId: r.meeting_id, to: r.to_meeting })),
    };
  }

  async restore(dump: RegistryDump): Promise<void> {
    await this.transaction(async (c) => {
      for (const m of dump.meetings) {
        await c.query(
          'INSERT INTO meetings (id, facilitator_key_hash, board_key_hash, join_code, created_at, closed, touched_at) VALUES ($1, $2, $3, $4, $5, $6, $7)',
          [m.id, m.facilitatorKeyHash, m.boardKeyHash ?? null, m.joinCode, m.createdAt, m.closed, m.touchedAt],
        );
        for (const p of m.participants) {
          await c.query('INSERT INTO participants (meeting_id, id, key_hash, created_at) VALUES ($1, $2, $3, $4)', [m.id, p.id, p.keyHash, p.createdAt]);
        }
      }
      for (const s of dump.series) {
        await c.query('INSERT INTO series_members (meeting_id, series, n) VALUES ($1, $2, $3)', [s.meetingId, s.series, s.n]);
      }
      for (const p of dump.plans ?? []) await c.query(PLAN_UPSERT, planParams(p.meetingId, p.plan));
      for (const f of dump.feeds ?? []) await c.query('INSERT INTO series_feeds (series, key_hash) VALUES ($1, $2)', [f.series, f.hash]);
      for (const m of dump.carried ?? []) await c.query('INSERT INTO carried_steps (meeting_id, to_meeting) VALUES ($1, $2)', [m.meetingId, m.to]);
    });
  }
}
