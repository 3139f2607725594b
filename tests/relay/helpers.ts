import { afterEach, beforeEach, inject } from 'vitest';
// Reusable helpers for tests and benchmarks that drive a real relay over real sockets.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import pg from 'pg';
import { startServer, type RunningServer } from '../../server/app';
import type { RelayConfig } from '../../server/config';
import { openStoreAt } from '../../server/store/open';
import { meetingOfDoc } from '../../server/relay/docStore';
import type { Store } from '../../server/store/types';
import { FREE_SCHEMAS } from '../postgres/cluster';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function makeTempDir(prefix = 'relay-test-'): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Which store the relay tests run on: LevelDB in a temp DATA_DIR (default), or with
 * TEST_STORE=postgres (the "postgres" vitest project) a schema of its own per relay in the
 * throw-away cluster tests/postgres/globalSetup.ts started.
 */
export const TEST_STORE: 'level' | 'postgres' = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'level';

/** The test cluster's URL (postgres project only). */
export function testPgUrl(): string {
  const url = process.env.TEST_PG_URL ?? (inject('pgUrl') as string | undefined);
  if (!url) throw new Error('no test PostgreSQL: run in the postgres project (TEST_STORE=postgres) or set TEST_PG_URL');
  return url;
}

let schemaSeq = 0;
/** A fresh, empty schema in the test cluster; its URL makes every connection use it. */
export async function freshDatabaseUrl(): Promise<string> {
  const base = testPgUrl();
  const schema = `t_${process.pid}_${++schemaSeq}_${Math.random().toString(36).slice(2, 8)}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

let admin: pg.Pool | null = null;
/** A query on the test cluster itself (not a relay's schema), on a small pool kept for the file. */
async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
  admin ??= new pg.Pool({ connectionString: testPgUrl(), max: 2, allowExitOnIdle: true });
  return admin.query<R>(sql, values);
}

const schemaOf = (url: string) => /search_path=(\w+)/.exec(new URL(url).searchParams.get('options') ?? '')?.[1];

/**
 * The database of a new test relay: a schema another relay of this run used and handed back
 * migrated and emptied (its tables truncated, their ids restarted; see `recycleSchema`), else a
 * fresh one. TRUNCATE costs a fraction of CREATE SCHEMA plus the migrations at every relay start.
 * Tests of the migrations themselves take `freshDatabaseUrl()`.
 */
async function relayDatabaseUrl(): Promise<string> {
  const { rows } = await adminQuery<{ name: string }>(
    `DELETE FROM ${FREE_SCHEMAS} WHERE name = (SELECT name FROM ${FREE_SCHEMAS} LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING name`,
  );
  if (!rows[0]) return freshDatabaseUrl();
  const url = new URL(testPgUrl());
  url.searchParams.set('options', `-c search_path=${rows[0].name}`);
  return url.toString();
}

/** databases only startRelay's relays used (no spawned process, no store opened beside them): these may be recycled */
const recyclable = new Set<string>();
/** relays running on each database in this file */
const runningOn = new Map<string, number>();

/** Empties a disposed relay's schema and puts it on the free list; a schema still in use anywhere is left alone. */
async function recycleSchema(url: string): Promise<void> {
  const schema = schemaOf(url);
  if (!schema || !recyclable.has(url) || (runningOn.get(url) ?? 0) > 0) return;
  recyclable.delete(url);
  try {
    const { rows } = await adminQuery<{ tables: string | null }>(
      `SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') AS tables FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
      [schema],
    );
    // a schema the migrations never completed in is not handed on
    const migrated = await adminQuery(`SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = 'schema_migrations'`, [schema]);
    if (!rows[0]?.tables || migrated.rowCount === 0) return;
    admin ??= new pg.Pool({ connectionString: testPgUrl(), max: 2, allowExitOnIdle: true });
    const client = await admin.connect();
    try {
      await client.query('BEGIN');
      // bounded: a lock someone still holds fails it rather than waiting
      await client.query(`SET LOCAL lock_timeout = '2s'`);
      await client.query(`TRUNCATE ${rows[0].tables} RESTART IDENTITY CASCADE`);
      await client.query(`INSERT INTO ${FREE_SCHEMAS} (name) VALUES ($1)`, [schema]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  } catch {
    // someone still holds it (a lock): it stays as it is, unused
  }
}

/** the database each test DATA_DIR stands for (PostgreSQL runs), so a restart finds its data */
const databaseOf = new Map<string, string>();

/**
 * Opens the store a stopped test relay used (or, for a DATA_DIR no relay used yet, the one it will
 * use), to read or write it directly (a crash's leftovers, a damaged update, an old meeting). With PostgreSQL, a write takes its meeting's lock first, as the relay would.
 */
export async function openRelayStore(relay: { dataDir: string }): Promise<Store> {
  if (TEST_STORE === 'postgres' && !databaseOf.has(relay.dataDir)) databaseOf.set(relay.dataDir, await freshDatabaseUrl());
  const databaseUrl = databaseOf.get(relay.dataDir);
  // the test may keep this store open past the relay's end: its schema is never handed on
  if (databaseUrl) recyclable.delete(databaseUrl);
  const store = await openStoreAt(databaseUrl ?? relay.dataDir);
  if (!store.locks.shared) return store;
  const storeUpdate = store.docs.storeUpdate.bind(store.docs);
  store.docs.storeUpdate = async (name, ...updates) => {
    if (!(await store.locks.tryLock(meetingOfDoc(name)))) throw new Error('a relay still serves this meeting');
    return storeUpdate(name, ...updates);
  };
  return store;
}

export interface TestRelay {
  server: RunningServer;
  /** http://127.0.0.1:<port> */
  url: string;
  /** ws://127.0.0.1:<port>/ws: the serverUrl for WebsocketProvider */
  wsUrl: string;
  dataDir: string;
  /** with TEST_STORE=postgres: the relay's database (its own schema) */
  databaseUrl?: string;
  config: Partial<RelayConfig>;
  /** Stops the relay (clean shutdown), keeping the data directory. */
  stop(): Promise<void>;
  /** Starts a fresh relay process-in-process on the same data directory (new port). */
  restart(): Promise<TestRelay>;
  /** Stops the relay and removes the data directory. */
  dispose(): Promise<void>;
}

/**
 * Starts an in-process relay on 127.0.0.1 and a random port, on a temp DATA_DIR unless given, on
 * the suite's store (TEST_STORE) unless told which.
 */
export async function startRelay(config: Partial<RelayConfig> = {}, dataDir?: string, store: 'level' | 'postgres' = TEST_STORE): Promise<TestRelay> {
  const dir = dataDir ?? (await makeTempDir());
  if (store === 'postgres' && !config.databaseUrl && !databaseOf.has(dir)) {
    const url = await relayDatabaseUrl();
    databaseOf.set(dir, url);
    recyclable.add(url);
  }
  const databaseUrl = store === 'postgres' ? (config.databaseUrl ?? databaseOf.get(dir)) : undefined;
  // a database named by the test may be shared with other relays or processes: never handed on
  if (config.databaseUrl) recyclable.delete(config.databaseUrl);
  const full: Partial<RelayConfig> = {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent',
    distDir: path.join(dir, 'no-dist'),
    ...config,
    dataDir: dir,
  };
  const server = await startServer(full);
  if (databaseUrl) runningOn.set(databaseUrl, (runningOn.get(databaseUrl) ?? 0) + 1);
  let stopped = false;
  const relay: TestRelay = {
    server,
    url: server.url,
    wsUrl: server.url.replace(/^http/, 'ws') + '/ws',
    dataDir: dir,
    databaseUrl,
    config: full,
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await server.close();
      } finally {
        if (databaseUrl) runningOn.set(databaseUrl, (runningOn.get(databaseUrl) ?? 1) - 1);
      }
    },
    async restart() {
      await relay.stop();
      return startRelay({ ...config }, dir, store);
    },
    async dispose() {
      await relay.stop();
      await removeDir(dir);
      // the DATA_DIR is gone, so nothing can come back to its database: empty it for the next relay
      const url = databaseOf.get(dir);
      if (url && url === databaseUrl) {
        databaseOf.delete(dir);
        await recycleSchema(url);
      }
    },
  };
  return relay;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
}

export async function api<T = any>(
  baseUrl: string,
  pathname: string,
  init: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(baseUrl + pathname, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T };
}

export interface CreatedMeeting {
  meetingId: string;
  facilitatorKey: string;
  boardKey: string;
  joinCode: string;
}

export async function createMeeting(baseUrl: string, title = 'Testmöte'): Promise<CreatedMeeting> {
  const res = await api<CreatedMeeting>(baseUrl, '/api/meetings', { method: 'POST', body: { title } });
  if (res.status !== 201) throw new Error(`create meeting failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function addParticipant(
  baseUrl: string,
  meetingId: string,
  name = 'Anna',
  organisation = 'Region',
): Promise<{ participantId: string; participantKey: string }> {
  const res = await api(baseUrl, `/api/meetings/${meetingId}/participants`, { method: 'POST', body: { name, organisation } });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface DocClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** resolves when the first sync with the relay completed */
  synced: Promise<void>;
  /** resolves with the close code if the relay closes the socket */
  closed: Promise<number>;
  destroy(): void;
}

/** A stock y-websocket client (BroadcastChannel off, so everything goes through the relay). */
export function connectDoc(wsUrl: string, docName: string, key: string, doc: Y.Doc = new Y.Doc()): DocClient {
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    const onSync = (state: boolean) => {
      if (state) {
        provider.off('sync', onSync);
        resolve();
      }
    };
    provider.on('sync', onSync);
  });
  const closed = new Promise<number>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event) resolve(event.code);
    });
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  messages: Uint8Array[];
}

/** A bare websocket to `<wsUrl>/<docName>?key=<key>`, for close codes and malformed frames. */
export function openRaw(wsUrl: string, docName: string, key?: string, options: WebSocket.ClientOptions = {}): RawSocket {
  const query = key === undefined ? '' : `?key=${encodeURIComponent(key)}`;
  const ws = new WebSocket(`${wsUrl}/${docName}${query}`, options);
  const messages: Uint8Array[] = [];
  ws.on('message', (data) => messages.push(new Uint8Array(data as Buffer)));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return { ws, opened, closed, messages };
}

/** Polls `check` until it returns a truthy value (or stops throwing); bounded. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5000, interval = 20, message = 'condition' }: { timeout?: number; interval?: number; message?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${message}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, interval));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface SpawnedRelay {
  process: ChildProcess;
  port: number;
  url: string;
  wsUrl: string;
  output: () => string;
  /** resolves with the exit code */
  exited: Promise<number | null>;
}

/** Runs `node --import tsx server/index.ts` as a separate process with PORT=0; parses the port. */
export async function spawnRelay(dataDir: string, env: Record<string, string> = {}, timeoutMs = 15_000): Promise<SpawnedRelay> {
  // on the postgres run the process gets the database this DATA_DIR stands for
  if (TEST_STORE === 'postgres' && env.DATABASE_URL === undefined && !databaseOf.has(dataDir)) databaseOf.set(dataDir, await freshDatabaseUrl());
  const database: Record<string, string> = TEST_STORE === 'postgres' ? { DATABASE_URL: databaseOf.get(dataDir)! } : {};
  // a process may outlive the test's view of it: its database is never handed on
  if (database.DATABASE_URL) recyclable.delete(database.DATABASE_URL);
  if (env.DATABASE_URL) recyclable.delete(env.DATABASE_URL);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...database, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start:\n${out}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on port (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}:\n${out}`));
    });
  });
  return {
    process: child,
    port,
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    output: () => out,
    exited,
  };
}

export { awarenessFrame, frame, updateFrame } from './frames';
import { syncStep1Frame, updateFrame } from './frames';

/** A fresh relay for every test in the file, closed after it together with every client opened through `connect`. */
export function relayForEachTest(config: Partial<RelayConfig> = {}) {
  let current: TestRelay | null = null;
  const clients: DocClient[] = [];
  beforeEach(async () => {
    current = await startRelay(config);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await current?.dispose();
    current = null;
  });
  return {
    get relay(): TestRelay {
      if (!current) throw new Error('the relay runs only inside a test');
      return current;
    },
    connect(...args: Parameters<typeof connectDoc>): DocClient {
      const c = connectDoc(...args);
      clients.push(c);
      return c;
    },
  };
}

let draftSeq = 0;
/** Writes a draft the way a phone does: a nested Y.Map in the private doc's `notes`. Returns its id. */
export function writeDraft(doc: Y.Doc, text: string, fields: Record<string, unknown> = {}): string {
  const id = `draft${String(++draftSeq).padStart(6, '0')}${'x'.repeat(10)}`;
  doc.transact(() => {
    const note = new Y.Map<unknown>();
    const now = Date.now();
    for (const [k, v] of Object.entries({ id, text, color: 'yellow', tag: '', group: 0, createdAt: now, updatedAt: now, state: 'draft', ...fields })) {
      note.set(k, v);
    }
    doc.getMap('notes').set(id, note);
  });
  return id;
}

/**
 * A hand-made y-protocols client over a bare websocket (not y-websocket): it keeps its own copy
 * of the doc from what the relay sends, and sends whatever update it is told to, as raw frames.
 */
export interface RawDocClient {
  raw: RawSocket;
  doc: Y.Doc;
  /** resolves once the relay's answer to our sync step 1 has arrived */
  synced: Promise<void>;
  /** makes a change on our copy and sends exactly that update to the relay */
  write(change: (doc: Y.Doc) => void): Uint8Array;
  /** sends bytes as they are */
  send(bytes: Uint8Array): void;
}

export function rawDocClient(wsUrl: string, docName: string, key: string): RawDocClient {
  const raw = openRaw(wsUrl, docName, key);
  const doc = new Y.Doc();
  let resolveSynced!: () => void;
  const synced = new Promise<void>((r) => (resolveSynced = r));
  raw.ws.on('message', (data) => {
    const decoder = decoding.createDecoder(new Uint8Array(data as Buffer));
    if (decoding.readVarUint(decoder) !== 0) return;
    const type = decoding.readVarUint(decoder);
    if (type === 0) return; // the relay's sync step 1: we never answer, we only write what we mean to
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder), 'relay');
    if (type === 1) resolveSynced();
  });
  raw.opened.then(() =>
    raw.ws.send(
      syncStep1Frame(Y.encodeStateVector(new Y.Doc())),
    ),
  );
  return {
    raw,
    doc,
    synced,
    write(change) {
      const before = Y.encodeStateVector(doc);
      change(doc);
      const update = Y.encodeStateAsUpdate(doc, before);
      raw.ws.send(updateFrame(update));
      return update;
    },
    send: (bytes) => raw.ws.send(bytes),
  };
}

/**
 * Sends a sync step 1 on the client's own socket and waits for the relay's answer (a sync step 2):
 * whatever the relay sent on that socket before answering has arrived by then, and whatever the
 * client wrote before it has reached the relay and is stored (a socket delivers in order, and the
 * relay answers a sync step 1 once its room's updates are stored).
 */
export function roundTrip(client: DocClient): Promise<void> {
  const ws = client.provider.ws as unknown as WebSocket | null;
  if (!ws || ws.readyState !== ws.OPEN) throw new Error('a client of the room is not connected');
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error('the relay did not answer a sync step 1 within 5 s')), 5000);
    const onMessage = (data: ArrayBuffer | Buffer) => {
      const bytes = new Uint8Array(data as ArrayBuffer);
      if (bytes[0] === 0 && bytes[1] === 1) done();
    };
    const onClose = () => done(new Error('the socket closed during a round trip'));
    function done(err?: Error) {
      clearTimeout(timer);
      ws!.off('message', onMessage);
      ws!.off('close', onClose);
      if (err) reject(err);
      else resolve();
    }
    ws.on('message', onMessage);
    ws.once('close', onClose);
    ws.send(syncStep1Frame(Y.encodeStateVector(client.doc)));
  });
}
