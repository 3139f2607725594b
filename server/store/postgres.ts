// PostgreSQL, when DATABASE_URL is set: documents and registry in tables, migrations at start, and
// meeting ownership through advisory locks (pgSession.ts), so any number of instances share it.
import pg from 'pg';
import * as Y from 'yjs';
import { loadUpdates } from './loadUpdates';
import { migrate } from './pgMigrate';
import { PgRegistry } from './pgRegistry';
import { PgSession } from './pgSession';
import { NotOwnerError, meetingOfDoc, type DocStore } from '../relay/docStore';
import type { Store } from './types';

/** a doc loaded with more stored updates than this is compacted (as with LevelDB) */
const COMPACT_ON_LOAD = 500;

type Warn = (message: string, fields: Record<string, unknown>) => void;

/** The URL without its password, for the log. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface PgStore extends Store {
  readonly session: PgSession;
  readonly pool: pg.Pool;
}

export async function openPgStore(url: string, warn: Warn = () => {}): Promise<PgStore> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // an idle pooled connection that fails is dropped by the pool; the next query gets a new one
  pool.on('error', (err) => warn('an idle PostgreSQL connection failed', { err: String(err) }));
  try {
    await migrate(pool);
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  const session = new PgSession(url);
  return {
    kind: 'postgres',
    location: redactUrl(url),
    session,
    pool,
    docs: pgDocs(pool, session, warn),
    registry: new PgRegistry(pool),
    locks: session,
    // a fresh pooled connection if need be: an instance that cannot reach its database fails this
    ping: async () => void (await pool.query('SELECT 1')),
    // deleted rows leave the tables at once; autovacuum reclaims their space
    purgeDeleted: async () => {},
    backup: async () => {
      throw new Error('with PostgreSQL, back up with pg_dump (see README)');
    },
    async close() {
      await session.close();
      await pool.end();
    },
  };
}

type Pending = { meetingId: string; doc: string; updates: Uint8Array[]; done: (err?: unknown) => void };

function pgDocs(pool: pg.Pool, session: PgSession, warn: Warn): DocStore {
  /**
   * Stores waiting for the lock connection: every doc's updates that arrive while the previous
   * insert runs go into the next one (group commit across the instance's documents).
   */
  let waiting: Pending[] | null = null;

  /** One INSERT for every waiting update of a meeting this instance holds; the others are refused. */
  const insertWaiting = async (client: pg.Client) => {
    const entries = waiting ?? [];
    waiting = null;
    const owned = entries.filter((e) => session.holds(e.meetingId));
    for (const e of entries) if (!owned.includes(e)) e.done(new NotOwnerError(e.meetingId));
    if (owned.length === 0) return;
    const meetings: string[] = [];
    const docs: string[] = [];
    const data: Buffer[] = [];
    for (const e of owned) {
      for (const u of e.updates) {
        meetings.push(e.meetingId);
        docs.push(e.doc);
        data.push(Buffer.from(u.buffer, u.byteOffset, u.byteLength));
      }
    }
    try {
      await client.query('INSERT INTO doc_updates (meeting_id, doc, data) SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[])', [meetings, docs, data]);
    } catch (err) {
      // not stored, and the lock connection is no longer to be trusted (a terminated backend's
      // error can arrive before its 'end'): nothing of this batch may be sent. The connection is
      // let go with its locks, so the meetings' sockets close with 1013 and their clients resend
      // what they hold to whichever instance takes the meeting next.
      warn('storing updates on the lock connection failed: letting its meetings go', { meetings: new Set(owned.map((e) => e.meetingId)).size, err: String(err) });
      for (const e of owned) e.done(new NotOwnerError(e.meetingId));
      session.abandon(client);
      return;
    }
    for (const e of owned) e.done();
  };

  const readUpdates = async (name: string) => {
    const { rows } = await pool.query<{ data: Buffer }>('SELECT data FROM doc_updates WHERE doc = $1 ORDER BY id', [name]);
    return rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  };

  /** In one transaction on the lock connection: the doc's rows up to now become one snapshot. */
  const rewrite = (name: string, known?: Y.Doc) =>
    session.write(meetingOfDoc(name), async (client) => {
      await client.query('BEGIN');
      try {
        const { rows } = await client.query<{ id: string; data: Buffer }>('SELECT id, data FROM doc_updates WHERE doc = $1 ORDER BY id FOR UPDATE', [name]);
        if (rows.length > 1 || known) {
          const doc = known ?? loadUpdates(rows.map((r) => new Uint8Array(r.data))).doc;
          const snapshot = Y.encodeStateAsUpdate(doc);
          if (!known) doc.destroy();
          const last = rows.length ? rows[rows.length - 1].id : '0';
          await client.query('DELETE FROM doc_updates WHERE doc = $1 AND id <= $2', [name, last]);
          await client.query('INSERT INTO doc_updates (meeting_id, doc, data) VALUES ($1, $2, $3)', [meetingOfDoc(name), name, Buffer.from(snapshot)]);
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    });

  return {
    readUpdates,
    async loadDoc(name) {
      const updates = await readUpdates(name);
      const { doc, skipped } = loadUpdates(updates);
      if (skipped.length > 0 || updates.length > COMPACT_ON_LOAD) {
        if (skipped.length > 0) {
          warn('a stored document was damaged; loaded without the updates that failed', { skipped: skipped.length, of: updates.length, why: skipped[0].why });
        }
        // only the meeting's owner rewrites it; a reader without the lock just reads
        if (session.holds(meetingOfDoc(name))) await rewrite(name, doc);
      }
      return doc;
    },
    storeUpdate(name, ...updates) {
      if (updates.length === 0) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const entry: Pending = { meetingId: meetingOfDoc(name), doc: name, updates, done: (err) => (err ? reject(err) : resolve()) };
        if (waiting) return void waiting.push(entry);
        waiting = [entry];
        // the job takes whatever is waiting by the time the lock connection gets to it
        session.write(null, insertWaiting).catch((err) => {
          // it never ran (no connection, the store closed): whoever still waits hears why
          const left = waiting ?? [];
          waiting = null;
          for (const e of left) e.done(err);
        });
      });
    },
    compact: (name) => rewrite(name),
    clearDoc: (name) => session.write(meetingOfDoc(name), async (client) => void (await client.query('DELETE FROM doc_updates WHERE doc = $1', [name]))),
    async deleteMeetingDocs(meetingId) {
      return session.write(meetingId, async (client) => {
        const { rows } = await client.query<{ n: string }>(
          'WITH gone AS (DELETE FROM doc_updates WHERE meeting_id = $1 RETURNING doc) SELECT count(DISTINCT doc) AS n FROM gone',
          [meetingId],
        );
        return Number(rows[0]?.n ?? 0);
      });
    },
    async docNames() {
      const { rows } = await pool.query<{ doc: string }>('SELECT DISTINCT doc FROM doc_updates ORDER BY doc');
      return rows.map((r) => r.doc);
    },
  };
}
