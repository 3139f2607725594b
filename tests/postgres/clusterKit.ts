// A whole deployment on loopback, as the README's "Running for many forums" describes it: one
// PostgreSQL, several relay processes (DATABASE_URL, INSTANCE_ID) and HAProxy with the shipped
// deploy/haproxy.cfg in front. Used by tests/postgres/cluster.test.ts and bench/failover.ts.
//
// failoverRound(): 4 meetings on one instance, each with a facilitator, an observer and 40 phones
// (stock y-websocket clients with the app's jittered reconnect), writing; the instance is killed
// with SIGKILL; it measures how long until each meeting is served again and returns what the
// caller asserts (acknowledged updates kept, no relay action applied twice, presence right).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { controlDocName, meetingDocName, privateDocName } from '../../common/docNames';
import { makeTempDir, removeDir, sleep, spawnRelay, waitFor, writeDraft, type SpawnedRelay } from '../relay/helpers';
import { requireHaproxy, startHaproxy, type RunningHaproxy } from '../relay/haproxy';
import { renewPresenceOnReconnect } from '../../src/sync/presenceRenewal';
import { superviseReconnect } from '../../src/sync/reconnect';

export interface Instance {
  id: string;
  dir: string;
  port: number;
  relay: SpawnedRelay;
}

export interface Cluster {
  databaseUrl: string;
  instances: Instance[];
  proxy: RunningHaproxy;
  /** starts a killed instance again on its port (HAProxy's config names it) */
  restart(instance: Instance): Promise<void>;
  stop(): Promise<void>;
}

function instanceEnv(databaseUrl: string, id: string, dir: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    INSTANCE_ID: id,
    TRUST_PROXY: '1',
    LOG_LEVEL: 'silent',
    DIST_DIR: path.join(dir, 'dist'),
    // every client comes through the proxy from 127.0.0.1: the per-address limits would be the test
    MAX_CONNECTIONS_PER_ADDRESS: '5000',
    CREATE_MEETINGS_PER_ADDRESS: '5000',
  };
}

export async function startCluster(databaseUrl: string, count = 3): Promise<Cluster> {
  requireHaproxy();
  const configDir = await makeTempDir('cluster-haproxy-');
  const dirs = await Promise.all(Array.from({ length: count }, () => makeTempDir('cluster-instance-')));
  for (const dir of dirs) await mkdir(path.join(dir, 'dist'), { recursive: true });
  const instances: Instance[] = [];
  // one after the other: the first runs the migrations, the others find them done
  for (let i = 0; i < count; i++) {
    const id = `app${i + 1}`;
    const relay = await spawnRelay(dirs[i], instanceEnv(databaseUrl, id, dirs[i]), 60_000);
    instances.push({ id, dir: dirs[i], port: relay.port, relay });
  }
  const proxy = await startHaproxy(
    instances.map((x) => x.port),
    path.join(configDir, 'haproxy.cfg'),
  );
  const alive = (x: Instance) => x.relay.process.exitCode === null && x.relay.process.signalCode === null;
  return {
    databaseUrl,
    instances,
    proxy,
    async restart(instance) {
      instance.relay = await spawnRelay(instance.dir, { ...instanceEnv(databaseUrl, instance.id, instance.dir), PORT: String(instance.port) }, 60_000);
    },
    async stop() {
      await proxy.stop();
      for (const x of instances) if (alive(x)) x.relay.process.kill('SIGKILL');
      await Promise.all(instances.map((x) => x.relay.exited));
      await Promise.all([...dirs, configDir].map((dir) => removeDir(dir)));
    },
  };
}

export interface Reply<T = any> {
  status: number;
  instance: string | null;
  body: T;
}

export async function proxyApi<T = any>(cluster: Cluster, pathname: string, body?: unknown): Promise<Reply<T>> {
  const res = await fetch(cluster.proxy.url + pathname, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, instance: res.headers.get('x-instance'), body: parsed as T };
}

/** The instance that answers a websocket for `docName` through the proxy (then the socket is closed). */
export function wsInstance(cluster: Cluster, docName: string, key: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${cluster.proxy.wsBase}/ws/${docName}?key=${encodeURIComponent(key)}`);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no upgrade for ${docName}`));
    }, 5000);
    ws.once('upgrade', (res) => {
      clearTimeout(timer);
      const instance = res.headers['x-instance'];
      ws.terminate();
      if (typeof instance === 'string') resolve(instance);
      else reject(new Error('no X-Instance on the upgrade'));
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** close codes the clients saw (a failed test says which) */
export const closeCodes = new Map<number, number>();

process.setMaxListeners(0);

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced(): Promise<void>;
}

/** A stock y-websocket client through the proxy, reconnecting as the app does (src/sync/reconnect.ts: jittered, unsynced sockets retried). */
export function connect(cluster: Cluster, docName: string, key: string, onSync?: () => void): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${cluster.proxy.wsBase}/ws`, docName, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.on('connection-close', (event) => {
    closeCodes.set(event?.code ?? 0, (closeCodes.get(event?.code ?? 0) ?? 0) + 1);
  });
  superviseReconnect(provider, { mayRetry: () => true });
  provider.on('sync', (state: boolean) => {
    if (state) onSync?.();
  });
  return {
    doc,
    provider,
    synced: () =>
      new Promise<void>((resolve) => {
        if (provider.synced) return resolve();
        const on = (state: boolean) => {
          if (!state) return;
          provider.off('sync', on);
          resolve();
        };
        provider.on('sync', on);
      }),
  };
}

interface Meeting {
  meetingId: string;
  facilitatorKey: string;
  createdOn: string;
  servedBy: string;
  phones: { participantId: string; participantKey: string }[];
}

/** A join, tried again on 503 as a client does (Retry-After): a busy creator may still be letting the new meeting go. */
async function joinMeeting(cluster: Cluster, meetingId: string, name: string): Promise<Reply> {
  for (let attempt = 0; ; attempt++) {
    const joined = await proxyApi(cluster, `/api/meetings/${meetingId}/participants`, { name, organisation: 'Kommun' });
    if (joined.status !== 503 || attempt === 4) return joined;
    await sleep(300);
  }
}

/** Creates meetings through the proxy (round robin) until `count` of them hash to one instance; joins `phones` people to each. */
export async function meetingsOnOneInstance(cluster: Cluster, count: number, phones: number, alive: string[]): Promise<Meeting[]> {
  const byInstance = new Map<string, Meeting[]>();
  for (let tries = 0; tries < 60; tries++) {
    const created = await proxyApi(cluster, '/api/meetings', { title: `Forum ${tries}` });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const first = await joinMeeting(cluster, created.body.meetingId, 'Deltagare 1');
    if (first.status !== 201 || !first.instance) throw new Error(`join: ${first.status} ${JSON.stringify(first.body)}`);
    const m: Meeting = { ...created.body, createdOn: created.instance!, servedBy: first.instance, phones: [first.body] };
    const list = byInstance.get(m.servedBy) ?? [];
    list.push(m);
    byInstance.set(m.servedBy, list);
    if (list.length === count && alive.includes(m.servedBy)) {
      for (const meeting of list) {
        while (meeting.phones.length < phones) {
          const joined = await joinMeeting(cluster, meeting.meetingId, `Deltagare ${meeting.phones.length + 1}`);
          if (joined.status !== 201) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
          if (joined.instance !== meeting.servedBy) throw new Error(`join answered by ${joined.instance}, not ${meeting.servedBy}`);
          meeting.phones.push(joined.body);
        }
      }
      return list;
    }
  }
  throw new Error('no instance got enough meetings');
}

export interface FailoverResult {
  victim: string;
  /** per meeting: ms from the kill to the first sync of a new socket */
  servedAgainMs: number[];
  /** ms from the last socket back to the facilitators' presence showing every phone */
  presenceRightMs: number;
  /** the instances serving the meetings afterwards */
  servedAfter: string[];
  /** acknowledged before the kill and missing afterwards */
  lostFacilitatorEdits: number;
  lostAnswers: number;
  acknowledgedFacilitatorEdits: number;
  acknowledgedAnswers: number;
  /** notes on each board afterwards (each phone wrote one draft, revealed before the kill) */
  notesAfter: number[];
  /** the relay's per-person note counts afterwards (withdrawn at the reveal: none) */
  tallies: number[];
  phones: number;
  sockets: number;
}

const answerNumber = (doc: Y.Doc, pid: string) => {
  const a = doc.getMap('checkin').get(pid) as Y.Map<unknown> | Record<string, unknown> | undefined;
  const text = a instanceof Y.Map ? a.get('text') : a?.text;
  const match = typeof text === 'string' ? /svar (\d+)/.exec(text) : null;
  return match ? Number(match[1]) : -1;
};
const onlineParticipants = (c: Client) =>
  new Set([...c.provider.awareness.getStates().values()].filter((s) => s.role === 'participant').map((s) => s.participantId)).size;

/** One failover: see the file's comment. The caller asserts on the result. */
export async function failoverRound(cluster: Cluster, { meetings: meetingCount = 4, phones = 40, writeMs = 1500 } = {}): Promise<FailoverResult> {
  const alive = cluster.instances.filter((x) => x.relay.process.exitCode === null && x.relay.process.signalCode === null).map((x) => x.id);
  const meetings = await meetingsOnOneInstance(cluster, meetingCount, phones, alive);
  const victim = cluster.instances.find((x) => x.id === meetings[0].servedBy)!;
  const clients: Client[] = [];
  let killAt = Infinity;
  const servedAgain: number[] = meetings.map(() => NaN);
  const track = (i: number) => () => {
    if (Number.isNaN(servedAgain[i]) && performance.now() > killAt) servedAgain[i] = performance.now() - killAt;
  };
  const rooms = meetings.map((m, i) => {
    const add = (c: Client) => (clients.push(c), c);
    const facilitator = add(connect(cluster, meetingDocName(m.meetingId), m.facilitatorKey, track(i)));
    facilitator.provider.awareness.setLocalState({ role: 'facilitator', participantId: null });
    // as the app does (src/sync/openMeeting.ts): presence said again on every reconnect
    renewPresenceOnReconnect(facilitator.provider);
    const control = add(connect(cluster, controlDocName(m.meetingId), m.facilitatorKey, track(i)));
    const observer = add(connect(cluster, meetingDocName(m.meetingId), m.facilitatorKey, track(i)));
    const phoneClients = m.phones.map((p) => {
      const meeting = add(connect(cluster, meetingDocName(m.meetingId), p.participantKey, track(i)));
      meeting.provider.awareness.setLocalState({ role: 'participant', participantId: p.participantId });
      renewPresenceOnReconnect(meeting.provider);
      const priv = add(connect(cluster, privateDocName(m.meetingId, p.participantId), p.participantKey, track(i)));
      return { ...p, meeting, priv };
    });
    return { m, facilitator, control, observer, phones: phoneClients };
  });
  try {
    await waitFor(async () => (await Promise.all(clients.map((c) => c.synced())), true), { timeout: 30_000, message: 'every client synced' });

    // before the kill: every phone writes a draft and the facilitator reveals them (a relay action each)
    for (const r of rooms) for (const p of r.phones) writeDraft(p.priv.doc, `Lapp från ${p.participantId.slice(0, 4)}`);
    await waitFor(() => rooms.every((r) => Object.keys(r.control.doc.getMap('noteCounts').toJSON()).length === phones), {
      timeout: 20_000,
      message: 'every draft counted',
    });
    for (const r of rooms) r.control.doc.getMap('gathering').set('revealed', true);
    await waitFor(() => rooms.every((r) => r.observer.doc.getMap('notes').size === phones), { timeout: 20_000, message: 'every note revealed' });

    // writing: the facilitator into the meeting doc, each phone its check-in answer into its private doc
    let writing = true;
    let n = 0;
    const writer = (async () => {
      while (writing) {
        n++;
        for (const r of rooms) r.facilitator.doc.getMap('clusters').set(`f${n}`, n);
        for (const r of rooms) {
          // a tenth of the phones each round: 40 phones answer again about every second
          for (const p of r.phones.filter((_, j) => j % 10 === n % 10)) {
            p.priv.doc.transact(() => {
              const a = p.priv.doc.getMap('checkin');
              a.set('text', `svar ${n}`);
              a.set('passed', false);
              a.set('updatedAt', Date.now());
            });
          }
        }
        await sleep(100);
      }
    })();
    await sleep(writeMs);

    // acknowledged = what a second client already saw (the relay stores before it broadcasts)
    const ackedEdits = rooms.map((r) => Object.keys(r.observer.doc.getMap('clusters').toJSON()));
    const ackedAnswers = rooms.map((r) => new Map(r.phones.map((p) => [p.participantId, answerNumber(r.observer.doc, p.participantId)])));
    victim.relay.process.kill('SIGKILL');
    killAt = performance.now();
    await victim.relay.exited;

    await waitFor(() => servedAgain.every((t) => !Number.isNaN(t)), { timeout: 20_000, interval: 10, message: 'every meeting served again' });
    await waitFor(() => clients.every((c) => c.provider.synced), { timeout: 30_000, interval: 10, message: 'every client back' }).catch(async (err) => {
      const missing = clients.filter((c) => !c.provider.synced);
      // where they are stuck: a socket still CONNECTING (0) waits for its upgrade; OPEN (1) for its sync
      const states = new Map<string, number>();
      for (const c of missing) {
        const state = `${c.provider.ws?.readyState ?? 'none'}`;
        states.set(state, (states.get(state) ?? 0) + 1);
      }
      // and how long each live instance takes to answer, asked directly (not through the proxy)
      const health = await Promise.all(
        cluster.instances
          .filter((x) => x.relay.process.exitCode === null && x.relay.process.signalCode === null)
          .map(async (x) => {
            const at = performance.now();
            const status = await fetch(`${x.relay.url}/healthz`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => 0);
            return `${x.id} ${status} in ${(performance.now() - at).toFixed(0)} ms`;
          }),
      );
      throw new Error(
        `${err.message}: ${missing.length} not back (${missing.slice(0, 5).map((c) => `${c.provider.roomname} connected=${c.provider.wsconnected}`).join('; ')}); ready states ${JSON.stringify([...states])}; /healthz ${health.join(', ')}; close codes ${JSON.stringify([...closeCodes])}; served again ${servedAgain.map((t) => t.toFixed(0))}`,
      );
    });
    const backAt = performance.now();
    await waitFor(() => rooms.every((r) => onlineParticipants(r.facilitator) === phones), { timeout: 10_000, interval: 10, message: 'presence right' });
    const presenceRightMs = performance.now() - backAt;
    writing = false;
    await writer;

    // a fresh look through the proxy, after the writes
    await sleep(500);
    const servedAfter = await Promise.all(rooms.map((r) => wsInstance(cluster, meetingDocName(r.m.meetingId), r.m.facilitatorKey)));
    let lostFacilitatorEdits = 0;
    let lostAnswers = 0;
    const notesAfter: number[] = [];
    const tallies: number[] = [];
    for (const [i, r] of rooms.entries()) {
      const fresh = connect(cluster, meetingDocName(r.m.meetingId), r.m.facilitatorKey);
      const freshControl = connect(cluster, controlDocName(r.m.meetingId), r.m.facilitatorKey);
      await Promise.all([fresh.synced(), freshControl.synced()]);
      // let every action woken by the reload finish (a reveal cut short would be finished now)
      await sleep(300);
      const edits = fresh.doc.getMap('clusters');
      lostFacilitatorEdits += ackedEdits[i].filter((k) => !edits.has(k)).length;
      for (const [pid, acked] of ackedAnswers[i]) if (answerNumber(fresh.doc, pid) < acked) lostAnswers++;
      notesAfter.push(fresh.doc.getMap('notes').size);
      tallies.push(...Object.values(freshControl.doc.getMap('noteCounts').toJSON() as Record<string, number>));
      fresh.provider.destroy();
      freshControl.provider.destroy();
    }
    return {
      victim: victim.id,
      servedAgainMs: servedAgain,
      presenceRightMs,
      servedAfter,
      lostFacilitatorEdits,
      lostAnswers,
      acknowledgedFacilitatorEdits: ackedEdits.reduce((s, a) => s + a.length, 0),
      acknowledgedAnswers: ackedAnswers.reduce((s, a) => s + [...a.values()].filter((x) => x >= 0).length, 0),
      notesAfter,
      tallies,
      phones: meetingCount * phones,
      sockets: clients.length,
    };
  } finally {
    for (const c of clients) c.provider.destroy();
  }
}
