// Crash: kill -9 the relay under CLIENTS connected clients and restart it on the same port and data.
// The clients are the app's own sessions (src/sync/openMeeting.ts: one provider per document and
// the app's reconnect with full jitter), WRITERS of them facilitators writing every WRITE_MS.
// After each kill:
//   - durability: every edit that any client had seen arrive from the relay is in the store the
//     dead process left behind (read from a copy of its data directory, before anyone reconnects,
//     so a reconnecting writer cannot put back what the store lost);
//   - recovery: time from the restart until every client is connected on every document and has
//     received an edit made after the restart (budget 5 s).
// KILLS=20 kills at random moments (KILL_MIN_MS..KILL_MAX_MS of load after the previous recovery).
//
//   npx tsx bench/crash.ts              # CLIENTS=300 WRITERS=10 WRITE_MS=500 KILLS=1
//   KILLS=20 npx tsx bench/crash.ts
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { meetingDocName } from '../common/docNames';
import { openLevelStore } from '../server/store/level';
import { openMeeting } from '../src/sync/openMeeting';
import type { MeetingSession } from '../src/sync/session';
import { launchRelay, type LaunchedRelay } from './spawnRelay';
import { SyncClient, createMeeting, envNumber, finish, hardDeadline, inParallel, join, machineLine, ms, percentile, sleep, until } from './faultkit';

const CLIENTS = envNumber('CLIENTS', 300);
const WRITERS = envNumber('WRITERS', 10);
// 20 edits a second into one meeting: every one of them is applied by 290 sessions in this one process
const WRITE_MS = envNumber('WRITE_MS', 500);
const KILLS = envNumber('KILLS', 1);
const KILL_MIN_MS = envNumber('KILL_MIN_MS', 1000);
const KILL_MAX_MS = envNumber('KILL_MAX_MS', 6000);
const BUDGET_MS = 5000;

process.setMaxListeners(0);

/** The keys of the bench map in the meeting document as the dead relay left it on disk. */
async function storedKeys(dataDir: string, meetingId: string): Promise<Set<string>> {
  const copy = await mkdtemp(joinPath(tmpdir(), 'svv-crash-copy-'));
  try {
    await cp(dataDir, copy, { recursive: true });
    const store = await openLevelStore(copy);
    const storage = store.docs;
    try {
      const doc = await storage.loadDoc(meetingDocName(meetingId));
      return new Set(doc.getMap('crash').keys());
    } finally {
      await store.close();
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

async function main() {
  console.log(machineLine());
  const env = {
    MAX_CONNECTIONS_PER_ADDRESS: String(CLIENTS * 4 + 100),
    MAX_CONNECTIONS_PER_MEETING: String(CLIENTS * 4 + 100),
  };
  let relay: LaunchedRelay = await launchRelay({ env });
  // restarts listen where the clients keep retrying
  const port = relay.port;
  const dataDir = relay.dataDir;
  hardDeadline((3 + KILLS) * 60_000, () => relay.process.kill('SIGKILL'));
  const base = relay.base;
  const meeting = await createMeeting(base, 'Krasch');
  const participants = await inParallel(Array.from({ length: CLIENTS - WRITERS }), 8, (_, i) => join(base, meeting.meetingId, `Deltagare ${i}`));

  const open = (role: 'facilitator' | 'participant', key: string, participantId?: string) =>
    openMeeting({ meetingId: meeting.meetingId, role, key, participantId, serverUrl: relay.wsUrl, apiBase: base, WebSocketPolyfill: WebSocket });
  const writers: MeetingSession[] = Array.from({ length: WRITERS }, () => open('facilitator', meeting.facilitatorKey));
  const readers: MeetingSession[] = [];
  for (const p of participants) {
    readers.push(open('participant', p.participantKey, p.participantId));
    if (readers.length % 50 === 0) await sleep(100);
  }
  const sessions = [...writers, ...readers];
  const connected = (s: MeetingSession) => s.local.getState().connection.status === 'connected';
  if (!(await until(() => sessions.every(connected), 60_000, 50))) throw new Error(`only ${sessions.filter(connected).length} of ${CLIENTS} connected`);
  console.log(`${CLIENTS} sessions connected (${WRITERS} facilitators writing every ${WRITE_MS} ms, ${readers.length} participants; ${WRITERS * 4 + readers.length * 3} sockets)`);

  // an edit counts as seen once any participant received it from the relay
  const seen = new Set<string>();
  for (const s of readers) {
    s.docs.meeting.getMap('crash').observe((event) => {
      for (const key of event.keysChanged) seen.add(key);
    });
  }
  let written = 0;
  const timers = writers.map((w, i) => {
    let n = 0;
    return setInterval(() => {
      w.docs.meeting.getMap<number>('crash').set(`w${i}-${n++}`, Date.now());
      written++;
    }, WRITE_MS);
  });

  const recoveries: number[] = [];
  const fromSpawn: number[] = [];
  const lost: string[] = [];
  let allRecovered = true;
  for (let k = 0; k < KILLS; k++) {
    await sleep(KILL_MIN_MS + Math.random() * (KILL_MAX_MS - KILL_MIN_MS));
    await relay.kill9();
    // what clients had already received before the process died is still being read: let it land
    await sleep(50);
    const seenAtKill = [...seen];
    const stored = await storedKeys(dataDir, meeting.meetingId);
    const missing = seenAtKill.filter((key) => !stored.has(key));
    lost.push(...missing);

    const spawnedAt = performance.now();
    relay = await launchRelay({ port, dataDir, env });
    const listeningAt = performance.now();
    // on a shared machine, CPU is what a reader needs to tell a slow relay from a starved one
    const generatorBefore = process.cpuUsage();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    // an edit made after the restart: a client is back once it has it and every document is connected
    const marker = `restart-${k}`;
    const probe = new SyncClient(relay.wsUrl, meeting.meetingId, meeting.facilitatorKey);
    await probe.synced;
    probe.doc.getMap('crash').set(marker, Date.now());
    let allConnectedAt = 0;
    const back = await until(() => {
      if (!allConnectedAt && sessions.every(connected)) allConnectedAt = performance.now();
      return sessions.every((s) => connected(s) && s.docs.meeting.getMap('crash').has(marker));
    }, 30_000, 10);
    const doneAt = performance.now();
    const relayCpu = (await relay.cpuMs()) / 1000;
    const generator = process.cpuUsage(generatorBefore);
    lag.disable();
    probe.close();
    allRecovered &&= back;
    recoveries.push(doneAt - listeningAt);
    fromSpawn.push(doneAt - spawnedAt);
    console.log(
      `kill ${k + 1}: ${seenAtKill.length} edits seen before the kill, ${missing.length} missing from the store; ` +
        `relay listening ${ms(listeningAt - spawnedAt)} after the restart, every document connected ${allConnectedAt ? ms(allConnectedAt - listeningAt) : 'NOT within 30 s'} and ` +
        `every client synced ${back ? ms(doneAt - listeningAt) : 'NOT within 30 s'} after that ` +
        `(${ms(doneAt - spawnedAt)} after the restart); meanwhile relay CPU ${relayCpu.toFixed(1)} s since its start, ` +
        `generator CPU ${((generator.user + generator.system) / 1e6).toFixed(1)} s, generator event-loop lag p99 ${ms(lag.percentile(99) / 1e6)}`,
    );
  }
  for (const t of timers) clearInterval(t);

  // and the live relay serves every edit anyone saw
  await sleep(500);
  const check = new SyncClient(relay.wsUrl, meeting.meetingId, meeting.facilitatorKey);
  await check.synced;
  const notServed = [...seen].filter((key) => !check.doc.getMap('crash').has(key));
  check.close();
  for (const s of sessions) s.close();
  await relay.dispose();

  const worst = Math.max(...recoveries);
  console.log(
    `${KILLS} kill(s), ${written} edits written, ${seen.size} seen; synced again after listening: p50 ${ms(percentile(recoveries, 50))}, max ${ms(worst)}; ` +
      `after the restart command (process start included): p50 ${ms(percentile(fromSpawn, 50))}, max ${ms(Math.max(...fromSpawn))}`,
  );
  finish(
    [
      [`no edit a client had seen is missing from the store after a kill -9 (${lost.length} missing)`, lost.length === 0],
      [`every client synced again after every restart`, allRecovered],
      [`every client synced within ${BUDGET_MS / 1000} s of the relay listening again (worst ${ms(worst)})`, worst <= BUDGET_MS],
      [`the restarted relay serves every edit anyone saw (${notServed.length} not served)`, notServed.length === 0],
    ],
    `KILLS=${KILLS} npx tsx bench/crash.ts  # CLIENTS=${CLIENTS} WRITERS=${WRITERS} WRITE_MS=${WRITE_MS} KILL_MIN_MS=${KILL_MIN_MS} KILL_MAX_MS=${KILL_MAX_MS}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
