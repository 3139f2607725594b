// The connection an instance keeps to PostgreSQL for owning meetings. A meeting is owned while this
// session holds its advisory lock (pg_try_advisory_lock on a hash of the meeting id), and every
// write to a meeting's documents runs on this same connection, only while it holds that meeting's
// lock: when the connection goes, the locks go with it (PostgreSQL releases them when the backend
// ends) and so does every write not yet committed. Two instances never write one meeting.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { NotOwnerError, type MeetingLocks } from '../relay/docStore';

/** The advisory lock key of a meeting: the first 8 bytes of sha256(id) as a signed bigint. */
export function meetingLockKey(meetingId: string): string {
  return createHash('sha256').update(meetingId, 'utf8').digest().readBigInt64BE(0).toString();
}

type Job = {
  /** the meeting whose lock this job needs; null for the lock queries themselves */
  meetingId: string | null;
  run(client: pg.Client): Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
};

export class PgSession implements MeetingLocks {
  readonly shared = true;
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  /** meetings whose lock the current connection holds */
  private readonly locked = new Set<string>();
  private readonly queue: Job[] = [];
  private running = false;
  private readonly lost: (() => void)[] = [];
  private closed = false;

  constructor(private readonly connectionString: string) {}

  /** the backend pid of the lock connection (tests terminate it to play a lost connection) */
  async pid(): Promise<number> {
    return (await this.connect() as unknown as { processID: number }).processID;
  }

  onLost(fn: () => void): void {
    this.lost.push(fn);
  }

  holds(meetingId: string): boolean {
    return this.locked.has(meetingId);
  }

  tryLock(meetingId: string): Promise<boolean> {
    return this.enqueue(null, async (client) => {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [meetingLockKey(meetingId)]);
      if (rows[0]?.ok && this.client === client) this.locked.add(meetingId);
      return rows[0]?.ok === true;
    });
  }

  unlock(meetingId: string): Promise<void> {
    if (!this.locked.delete(meetingId)) return Promise.resolve();
    const client = this.client;
    return this.enqueue(null, async (current) => {
      // a new connection never held it
      if (current !== client) return;
      await current.query('SELECT pg_advisory_unlock($1)', [meetingLockKey(meetingId)]);
    });
  }

  /** Runs a write of the meeting's documents on the lock connection, while it holds the meeting (null: checks its own). */
  write<T>(meetingId: string | null, run: (client: pg.Client) => Promise<T>): Promise<T> {
    return this.enqueue(meetingId, run);
  }

  private enqueue<T>(meetingId: string | null, run: (client: pg.Client) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ meetingId, run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.running) void this.drain();
    });
  }

  /** One job at a time, in order: a meeting's writes land in the order they were made. */
  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const job = this.queue.shift()!;
      try {
        if (this.closed) throw new Error('the store is closed');
        if (job.meetingId !== null && !this.locked.has(job.meetingId)) throw new NotOwnerError(job.meetingId);
        const client = await this.connect();
        job.resolve(await job.run(client));
      } catch (err) {
        job.reject(err);
      }
    }
    this.running = false;
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true, connectionTimeoutMillis: 5000 });
      const gone = () => this.forget(client);
      client.on('error', gone);
      client.on('end', gone);
      try {
        await client.connect();
      } catch (err) {
        client.removeAllListeners();
        client.on('error', () => {});
        throw err;
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /** A write on the lock connection failed: give the connection up as if it had ended (its locks go with it). */
  abandon(client: pg.Client): void {
    this.forget(client);
  }

  /** The lock connection ended or failed: every lock is gone, say so once. */
  private forget(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.locked.clear();
    client.end().catch(() => {});
    if (this.closed) return;
    for (const fn of this.lost) {
      try {
        fn();
      } catch {
        // one listener's failure must not keep the others from hearing it
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    this.locked.clear();
    await client?.end().catch(() => {});
  }
}
