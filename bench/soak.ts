// Soak: CONNECTIONS sockets across MEETINGS meetings for DURATION seconds with churn. Each socket
// slot connects (a real sync client), lives LIFE_MIN_S..LIFE_MAX_S, disconnects, waits 1–3 s and
// connects again; per meeting 2 slots are the facilitator writing an edit every second while
// connected (one key per life, overwritten, checked and cleared by the next life: the meetings
// keep a steady size, so a rising RSS is the relay's and not the data's), the others are phones
// on the meeting doc or on their own private doc. A writer slot is one facilitator console: like
// y-websocket's provider, it reconnects with the same client id (NEW_CLIENT_PER_LIFE=1 makes every
// life a new device instead: Yjs keeps a few hundred bytes per client that ever wrote to a doc, so
// the meetings' own data then grows with the soak). Prints relay RSS over time and its trend
// (least-squares slope after the first minute, and over the second half), then checks that after
// everyone leaves no sockets, documents or timers are left in the relay (its SIGUSR2 stats line)
// and that no edit was lost. A connect that did not sync within 30 s is counted with where it
// stopped (no upgrade, nothing heard from the relay, the relay's step 1 but no answer, closed); the
// generator's own CPU and event-loop delay are printed beside the relay's CPU (a starved generator
// reads its answers late), and the docs the relay read from its store (a warm private doc taken
// back is not read: PRIVATE_DOC_GRACE_MS).
//
//   npx tsx bench/soak.ts     # DURATION=600 MEETINGS=100 CONNECTIONS=2000 LIFE_MIN_S=3 LIFE_MAX_S=10 NEW_CLIENT_PER_LIFE=0
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { meetingDocName, privateDocName } from '../common/docNames';
import { launchRelay, type RelayStats } from './spawnRelay';
import { SyncClient, createMeeting, envNumber, finish, hardDeadline, inParallel, join, machineLine, mb, sleep, slope, until } from './faultkit';

const DURATION = envNumber('DURATION', 600);
const MEETINGS = envNumber('MEETINGS', 100);
const CONNECTIONS = envNumber('CONNECTIONS', 2000);
const LIFE_MIN_S = envNumber('LIFE_MIN_S', 3);
const LIFE_MAX_S = envNumber('LIFE_MAX_S', 10);
const NEW_CLIENT_PER_LIFE = envNumber('NEW_CLIENT_PER_LIFE', 0) === 1;
const WRITERS_PER_MEETING = 2;
const RSS_SAMPLE_S = 10;
// a trend, not noise: 1 MB a minute would be 60 MB over an hour's meeting
const SLOPE_BUDGET_MB_PER_MIN = 1;
/** what an idle relay may hold more after the soak than before it (caches, JIT code) */
const HEAP_SLACK_MB = 20;

process.setMaxListeners(0);

/** V8's spaces that hold more than 1 MB: used/committed */
const spacesLine = (s: RelayStats) =>
  Object.entries(s.spaces ?? {})
    .filter(([, v]) => v.committedBytes > 2 ** 20)
    .map(([name, v]) => `${name.replace(/_space$/, '')} ${(v.usedBytes / 2 ** 20).toFixed(0)}/${(v.committedBytes / 2 ** 20).toFixed(0)}`)
    .join(', ');

async function main() {
  console.log(machineLine());
  const perMeeting = Math.ceil(CONNECTIONS / MEETINGS);
  const relay = await launchRelay({
    env: { MAX_CONNECTIONS_PER_ADDRESS: String(CONNECTIONS * 2 + 100), CREATE_MEETINGS_PER_ADDRESS: String(MEETINGS + 10) },
    // stats lines collect garbage first: heap after everyone left is what the relay still holds
    exposeGc: true,
  });
  hardDeadline((DURATION + 600) * 1000, () => relay.process.kill('SIGKILL'));
  const meetings = await inParallel(Array.from({ length: MEETINGS }), 8, async (_, m) => {
    const meeting = await createMeeting(relay.base, `Soak ${m}`);
    const phones = await inParallel(Array.from({ length: perMeeting - WRITERS_PER_MEETING }), 4, (__, p) => join(relay.base, meeting.meetingId, `Deltagare ${p}`));
    return { ...meeting, phones };
  });
  await sleep(6000); // the setup's HTTP keep-alive sockets close first: the baseline is an idle relay
  const baseline = await relay.stats();
  const heap = (s: RelayStats) => mb(s.heapUsedBytes / 2 ** 20);
  console.log(`${MEETINGS} meetings × ${perMeeting} sockets; idle relay: ${JSON.stringify({ ...baseline, rssBytes: undefined, heapUsedBytes: undefined, batches: undefined, batchedUpdates: undefined, batchWaitMs: undefined, batchStoreMs: undefined, batchFanOutMs: undefined })}, RSS ${mb(baseline.rssBytes / 2 ** 20)}, heap ${heap(baseline)}`);

  let running = true;
  let t0 = performance.now();
  let connects = 0;
  /** per writer slot, the key of its last life and the last value written there: checked at its next life or at the end */
  const lastWritten = new Map<string, { key: string; value: number }>();
  let edits = 0;
  let lives = 0;
  let lost = 0;
  let failedSyncs = 0;
  let failedPrivate = 0;
  /** where a connect that did not sync stopped: no upgrade, upgraded but nothing from the relay, the relay's step 1 but no answer */
  const failedAt = { notOpened: 0, openedNothingHeard: 0, heardNoAnswer: 0, closed: 0 };
  /** connects that did not sync, by the minute of the run they opened in */
  const failedByMinute = new Map<number, number>();
  let unexpectedCloses = 0;
  const live = new Set<SyncClient>();
  const slotLoop = async (m: number, slot: number) => {
    const meeting = meetings[m];
    const writer = slot < WRITERS_PER_MEETING;
    const phone = writer ? null : meeting.phones[slot - WRITERS_PER_MEETING];
    // start spread over the first cycle, so the room does not arrive in one millisecond
    await sleep(Math.random() * LIFE_MAX_S * 1000);
    // the console's client id, kept across its reconnects
    const clientId = Math.floor(Math.random() * 2 ** 32);
    for (let life = 0; running; life++) {
      const docName = writer || slot % 2 === 0 ? meetingDocName(meeting.meetingId) : privateDocName(meeting.meetingId, phone!.participantId);
      const client = new SyncClient(relay.wsUrl, docName, writer ? meeting.facilitatorKey : phone!.participantKey);
      let opened = false;
      let heard = false;
      client.ws.once('open', () => (opened = true));
      client.ws.once('message', () => (heard = true));
      live.add(client);
      connects++;
      let closedByUs = false;
      void client.closed.then(() => {
        if (!closedByUs) unexpectedCloses++;
      });
      const ok = await Promise.race([client.synced.then(() => true), client.closed.then(() => false), sleep(30_000).then(() => false)]);
      if (!ok) {
        failedSyncs++;
        // when, and on which doc: a stall at the start, or private docs reloading, or spread over the run
        const minute = Math.floor((performance.now() - t0) / 60_000);
        failedByMinute.set(minute, (failedByMinute.get(minute) ?? 0) + 1);
        if (phone && !writer && slot % 2 === 1) failedPrivate++;
        if (client.isClosed) failedAt.closed++;
        else if (!opened) failedAt.notOpened++;
        else if (!heard) failedAt.openedNothingHeard++;
        else failedAt.heardNoAnswer++;
      }
      const end = performance.now() + (LIFE_MIN_S + Math.random() * (LIFE_MAX_S - LIFE_MIN_S)) * 1000;
      const slotKey = `${m}:${slot}`;
      if (writer && ok) {
        // after the sync and before any write, as a reconnecting provider's doc would be: the doc now
        // holds everything this client id wrote, so its next edits follow on from them
        if (!NEW_CLIENT_PER_LIFE) client.doc.clientID = clientId;
        // the previous life's last edit is in the meeting: it went out just before that socket closed
        const map = client.doc.getMap<number>('soak');
        const previous = lastWritten.get(slotKey);
        if (previous) {
          lives++;
          if (map.get(previous.key) !== previous.value) lost++;
          // what it checked is cleared, so the meetings do not grow with the soak's length
          map.delete(previous.key);
          lastWritten.delete(slotKey);
        }
      }
      for (let n = 0; ok && running && performance.now() < end; n++) {
        if (writer) {
          // one key per life, overwritten every second: Yjs merges the overwritten values, and each
          // value depends on the one before it, so one lost update would keep every later one out too
          const key = `s${slot}-l${life}`;
          client.doc.getMap<number>('soak').set(key, n);
          lastWritten.set(slotKey, { key, value: n });
          edits++;
        }
        await sleep(1000);
      }
      closedByUs = true;
      client.close();
      live.delete(client);
      await sleep(1000 + Math.random() * 2000);
    }
  };
  t0 = performance.now();
  const cpuAtStart = await relay.cpuMs();
  // the generator's own CPU and event-loop delay: a starved generator reads its answers late
  const ownCpuAtStart = process.cpuUsage();
  const ownLoop = monitorEventLoopDelay({ resolution: 20 });
  ownLoop.enable();
  const loops = meetings.flatMap((_, m) => Array.from({ length: perMeeting }, (__, slot) => slotLoop(m, slot)));

  const rss: [number, number][] = [];
  const statsLines: string[] = [];
  while ((performance.now() - t0) / 1000 < DURATION) {
    await sleep(RSS_SAMPLE_S * 1000);
    const minutes = (performance.now() - t0) / 60_000;
    rss.push([minutes, await relay.rssMb()]);
    if (rss.length % 6 === 0) {
      const s = await relay.stats();
      statsLines.push(
        `${minutes.toFixed(1)} min: RSS ${mb(s.rssBytes / 2 ** 20)}, heap after GC ${heap(s)} of ${mb(s.heapTotalBytes / 2 ** 20)} committed (${spacesLine(s)}), external ${mb(s.externalBytes / 2 ** 20)} (array buffers ${mb(s.arrayBuffersBytes / 2 ** 20)}), ` +
          `sockets ${s.sockets} (${live.size} open here), docs ${s.docsInMemory} (${s.warmDocs ?? 0} warm, ${s.storeLoads ?? '?'} read from the store so far), timers ${s.timers}, ${connects} connects so far, ${failedSyncs} not synced`,
      );
      console.log(statsLines[statsLines.length - 1]);
    }
  }
  running = false;
  const relayCpuS = ((await relay.cpuMs()) - cpuAtStart) / 1000;
  const ownCpu = process.cpuUsage(ownCpuAtStart);
  const ownCpuS = (ownCpu.user + ownCpu.system) / 1e6;
  ownLoop.disable();
  await Promise.all(loops);
  const elapsed = (performance.now() - t0) / 1000;

  // everyone left: nothing may stay behind (unloads finish, keep-alive sockets time out: wait, bounded)
  let left: RelayStats = await relay.stats();
  const clean = await until(
    async () => {
      left = await relay.stats();
      return left.sockets === 0 && left.docsInMemory === 0 && left.timers <= baseline.timers && left.awarenessEntries === 0;
    },
    60_000,
    1000,
  );
  const leftRss = left.rssBytes / 2 ** 20;

  // every writer's last life: its last edit is in its meeting (read by a fresh client), then that client leaves too
  await inParallel(meetings, 10, async (meeting, m) => {
    const check = new SyncClient(relay.wsUrl, meetingDocName(meeting.meetingId), meeting.facilitatorKey);
    await check.synced;
    const map = check.doc.getMap<number>('soak');
    for (let slot = 0; slot < WRITERS_PER_MEETING; slot++) {
      const last = lastWritten.get(`${m}:${slot}`);
      if (!last) continue;
      lives++;
      if (map.get(last.key) !== last.value) lost++;
    }
    check.close();
  });
  await relay.dispose();

  const warm = rss.filter(([t]) => t >= 1);
  const secondHalf = rss.filter(([t]) => t >= rss[rss.length - 1][0] / 2);
  const trend = slope(warm);
  const trendLate = slope(secondHalf);
  console.log(`RSS every minute (MB): ${rss.filter((_, i) => (i + 1) % 6 === 0).map(([, r]) => r.toFixed(0)).join(' ')}`);
  console.log(
    `${elapsed.toFixed(0)} s, ${connects} connections opened (${(connects / elapsed).toFixed(0)}/s), ${failedSyncs} did not sync, ${unexpectedCloses} closed by the relay; ` +
      `${edits} edits in ${lives} writer lives, the last edit of ${lost} lives missing`,
  );
  console.log(
    `RSS trend after the first minute ${trend.toFixed(2)} MB/min, over the second half ${trendLate.toFixed(2)} MB/min; ` +
      `RSS min ${mb(Math.min(...warm.map(([, r]) => r)))}, max ${mb(Math.max(...warm.map(([, r]) => r)))}; after everyone left ${mb(leftRss)} (idle at start ${mb(baseline.rssBytes / 2 ** 20)}); ` +
      `V8 heap after GC: idle at start ${heap(baseline)}, after everyone left ${heap(left)}`,
  );
  console.log(
    `relay CPU under load ${relayCpuS.toFixed(0)} s (${((relayCpuS / DURATION) * 100).toFixed(0)} % of a core), this generator's ${ownCpuS.toFixed(0)} s (its event loop's delay p99 ${(ownLoop.percentile(99) / 1e6).toFixed(0)} ms, max ${(ownLoop.max / 1e6).toFixed(0)} ms); did not sync: ${failedPrivate} of ${failedSyncs} on private docs, by minute opened ${JSON.stringify(Object.fromEntries(failedByMinute))}, where they stopped ${JSON.stringify(failedAt)}`,
  );
  console.log(`after everyone left: sockets ${left.sockets}, docs ${left.docsInMemory}, awareness entries ${left.awarenessEntries}, timers ${left.timers} (idle at start ${baseline.timers}); docs read from the store during the run ${(left.storeLoads ?? 0) - (baseline.storeLoads ?? 0)} for ${connects} connects`);
  finish(
    [
      [`every connection synced and none was closed by the relay (${failedSyncs} / ${unexpectedCloses})`, failedSyncs === 0 && unexpectedCloses === 0],
      [`no lost edits (the last edit of ${lost} of ${lives} writer lives missing)`, lost === 0 && lives > 0],
      [`no RSS growth trend over the second half (${trendLate.toFixed(2)} MB/min ≤ ${SLOPE_BUDGET_MB_PER_MIN})`, trendLate <= SLOPE_BUDGET_MB_PER_MIN],
      [`heap after everyone left within ${HEAP_SLACK_MB} MB of the idle start (${heap(left)} vs ${heap(baseline)})`, left.heapUsedBytes - baseline.heapUsedBytes <= HEAP_SLACK_MB * 2 ** 20],
      ['no sockets, documents, awareness entries or timers left behind', clean],
    ],
    `npx tsx bench/soak.ts  # DURATION=${DURATION} MEETINGS=${MEETINGS} CONNECTIONS=${CONNECTIONS} LIFE_MIN_S=${LIFE_MIN_S} LIFE_MAX_S=${LIFE_MAX_S} NEW_CLIENT_PER_LIFE=${NEW_CLIENT_PER_LIFE ? 1 : 0}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
