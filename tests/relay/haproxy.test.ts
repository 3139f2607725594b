// deploy/haproxy.cfg, run by Debian's haproxy in front of three relay processes on loopback: every
// request and socket about one meeting reaches one instance, meetings spread over all of them, a
// killed instance's meetings move and no other meeting does, and they stay where they moved when
// it comes back (so a returning instance never competes for a meeting another one serves).
// Each instance has its own DATA_DIR here: routing only is under test, not shared storage.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTempDir, removeDir, spawnRelay, waitFor, type SpawnedRelay } from './helpers';
import { requireHaproxy, startHaproxy, type RunningHaproxy } from './haproxy';

const INSTANCES = 3;
const newMeetingId = () => randomBytes(16).toString('base64url').slice(0, 21);

let dirs: string[] = [];
let relays: SpawnedRelay[] = [];
let proxy: RunningHaproxy;
let configDir: string;

let dists: string[] = [];
const instanceEnv = (i: number) => ({
  INSTANCE_ID: `app${i + 1}`,
  DIST_DIR: dists[i],
  TRUST_PROXY: '1',
  // small, so the address check below reaches it quickly
  JOIN_FAILURES_PER_ADDRESS: '2',
  LOG_LEVEL: 'silent',
});

beforeAll(async () => {
  requireHaproxy();
  configDir = await makeTempDir('haproxy-test-');
  dirs = await Promise.all(Array.from({ length: INSTANCES }, () => makeTempDir('haproxy-instance-')));
  // mid-upgrade: only the first instance has a build with this file (no archive holds it)
  dists = dirs.map((dir) => path.join(dir, 'dist'));
  for (const dist of dists) await mkdir(path.join(dist, 'assets'), { recursive: true });
  await writeFile(path.join(dists[0], 'assets', 'OnlyHere-Ab12.js'), 'export const build = 2;\n');
  // generous: a busy CI machine starts three processes at once
  relays = await Promise.all(dirs.map((dir, i) => spawnRelay(dir, instanceEnv(i), 60_000)));
  proxy = await startHaproxy(
    relays.map((r) => r.port),
    path.join(configDir, 'haproxy.cfg'),
    // each request's log line too: the test below reads them for keys
    { logTraffic: true },
  );
}, 120_000);

afterAll(async () => {
  await proxy?.stop();
  for (const relay of relays) if (relay.process.exitCode === null && relay.process.signalCode === null) relay.process.kill('SIGKILL');
  await Promise.all(relays.map((r) => r.exited));
  await Promise.all([...dirs, configDir].filter(Boolean).map((dir) => removeDir(dir)));
});

async function httpInstance(pathname: string, init: RequestInit = {}): Promise<string> {
  const res = await fetch(proxy.url + pathname, init);
  await res.arrayBuffer();
  const instance = res.headers.get('x-instance');
  if (!instance) throw new Error(`no X-Instance on ${pathname}: ${res.status}`);
  return instance;
}

/** The instance that answered a websocket upgrade (the relay then closes it: no such meeting). */
function wsInstance(pathname: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(proxy.wsBase + pathname);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no upgrade for ${pathname}`));
    }, 5000);
    ws.once('upgrade', (res) => {
      clearTimeout(timer);
      const instance = res.headers['x-instance'];
      ws.terminate();
      if (typeof instance === 'string') resolve(instance);
      else reject(new Error(`no X-Instance on the upgrade of ${pathname}`));
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Every way a meeting is reached: its API and its documents' sockets (name plain and %2F-encoded). */
async function instancesFor(meetingId: string): Promise<Set<string>> {
  const seen = await Promise.all([
    httpInstance(`/api/meetings/${meetingId}/participants`, { method: 'POST', body: '{"name":"A","organisation":"B"}' }),
    httpInstance(`/api/meetings/${meetingId}/board-key`, { method: 'POST' }),
    httpInstance(`/api/meetings/${meetingId}/participants/${newMeetingId()}`, { method: 'PATCH', body: '{}' }),
    wsInstance(`/ws/${meetingId}?key=${newMeetingId()}`),
    wsInstance(`/ws/${meetingId}/control?key=${newMeetingId()}`),
    wsInstance(`/ws/${encodeURIComponent(`${meetingId}/p/${newMeetingId()}`)}?key=${newMeetingId()}`),
  ]);
  return new Set(seen);
}

async function placement(ids: string[]): Promise<Map<string, string>> {
  const where = new Map<string, string>();
  for (const id of ids) {
    const seen = await instancesFor(id);
    expect([...seen], `meeting ${id} reached more than one instance`).toHaveLength(1);
    where.set(id, [...seen][0]);
  }
  return where;
}

describe('the shipped HAProxy configuration', () => {
  const ids = Array.from({ length: 24 }, newMeetingId);
  let before: Map<string, string>;

  it('sends every request and socket about one meeting to one instance, and spreads meetings over all', async () => {
    before = await placement(ids);
    // asked again, nothing moves
    expect(await placement(ids)).toEqual(before);
    const counts = new Map<string, number>();
    for (const instance of before.values()) counts.set(instance, (counts.get(instance) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['app1', 'app2', 'app3']);
  }, 60_000);

  it('sends what is not about one meeting round robin', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) seen.add(await httpInstance('/api/time'));
    expect(seen.size).toBe(INSTANCES);
  });

  it('asks the next instance for a hashed file one instance does not have (a rolling upgrade under way)', async () => {
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${proxy.url}/assets/OnlyHere-Ab12.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-instance')).toBe('app1');
      expect(await res.text()).toBe('export const build = 2;\n');
    }
    // a file no instance has is still a 404
    expect((await fetch(`${proxy.url}/assets/Nowhere-Zz99.js`)).status).toBe(404);
  });

  it('logs each request without a key: no query string, and the calendar feed’s key masked', async () => {
    const meetingId = newMeetingId();
    const secrets = { socket: `sockkey${newMeetingId()}`, api: `apikey${newMeetingId()}`, feed: `feedkey${newMeetingId()}`, encoded: `enckey${newMeetingId()}` };
    await wsInstance(`/ws/${meetingId}/control?key=${secrets.socket}`).catch(() => '');
    await httpInstance(`/api/meetings/${meetingId}/participants?key=${secrets.api}`, { method: 'POST', body: '{}' }).catch(() => '');
    await fetch(`${proxy.url}/api/calendar/${secrets.feed}.ics`).then((r) => r.arrayBuffer());
    await fetch(`${proxy.url}/api/calendar/${secrets.encoded}.ics?lang=en`).then((r) => r.arrayBuffer());
    // the requests are logged (so the check below is not passing on an empty log)
    await waitFor(() => proxy.output().includes(`/ws/${meetingId}/control`) && (proxy.output().match(/\/api\/calendar\//g) ?? []).length >= 2, {
      timeout: 10_000,
      message: `the requests in haproxy's log:\n${proxy.output().slice(-2000)}`,
    });
    for (const secret of Object.values(secrets)) expect(proxy.output()).not.toContain(secret);
    expect(proxy.output()).not.toContain('?key=');
  });

  it('writes the client address itself: a client cannot pass for another with its own X-Forwarded-For', async () => {
    const statuses: number[] = [];
    // two failures per address, and one address's joins all reach one instance: the third is
    // refused (round robin over three instances let it guess six times)
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${proxy.url}/api/join/ZZZZZZ`, { headers: { 'X-Forwarded-For': `10.1.${i}.7` } });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses).toEqual([404, 404, 429, 429, 429]);
  });

  it('keeps an instance that answers late (stopped for 3.5 s) up, with its meetings where they are', async () => {
    // the reconnect storm of a failover on a loaded machine: the instance taking the meetings over
    // answers its health checks seconds late. It is alive and holds its meetings' locks, so marking it
    // down (as a 1 s check timeout did, twice in a row) would cut its sockets and send its phones to
    // an instance that must refuse them: the cascade of issue 18's failed 10-kill run
    const stalled = relays[0];
    const downs = () => (proxy.output().match(/by_meeting\/app1 is DOWN/g) ?? []).length;
    const downsBefore = downs();
    stalled.process.kill('SIGSTOP');
    try {
      await new Promise((r) => setTimeout(r, 3500));
    } finally {
      stalled.process.kill('SIGCONT');
    }
    // a check sent during the stall is answered now; give HAProxy a moment to log anything it decided
    await new Promise((r) => setTimeout(r, 1500));
    expect(downs(), proxy.output().slice(-1500)).toBe(downsBefore);
    expect(await placement(ids)).toEqual(before);
  }, 60_000);

  it('moves only a killed instance’s meetings, marks it down, and keeps them where they moved when it returns', async () => {
    const victimIndex = relays.findIndex((_, i) => [...before.values()].includes(`app${i + 1}`));
    const victim = `app${victimIndex + 1}`;
    const victimPort = relays[victimIndex].port;
    relays[victimIndex].process.kill('SIGKILL');
    await relays[victimIndex].exited;

    // once it is marked down (not before: a meeting's requests redispatched one by one could land
    // on different instances), its meetings go to the next instance on the ring, all of them together
    await waitFor(() => new RegExp(`by_meeting/${victim} is DOWN`).test(proxy.output()), {
      timeout: 10_000,
      message: `haproxy marking ${victim} down`,
    });
    const after = await placement(ids);
    for (const id of ids) {
      if (before.get(id) === victim) expect(after.get(id)).not.toBe(victim);
      else expect(after.get(id), `meeting ${id} moved although its instance lives`).toBe(before.get(id));
    }
    expect(await placement(ids)).toEqual(after);

    // back on its port and its data: meetings that moved stay; new ones reach it again
    relays[victimIndex] = await spawnRelay(dirs[victimIndex], { ...instanceEnv(victimIndex), PORT: String(victimPort) }, 60_000);
    await waitFor(() => new RegExp(`by_meeting/${victim} is UP`).test(proxy.output()), {
      timeout: 10_000,
      message: `haproxy marking ${victim} up`,
    });
    expect(await placement(ids)).toEqual(after);
    const fresh = await placement(Array.from({ length: 24 }, newMeetingId));
    expect([...fresh.values()]).toContain(victim);
  }, 90_000);
});
