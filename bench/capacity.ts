// Capacity: MEETINGS meetings × PHONES phones on one relay process. Every phone is a real sync
// client on its meeting's document (participant key); each meeting's facilitator writes an edit
// every WRITE_MS. Prints: how many clients synced, edit→visible p50/p95/p99 over every phone,
// relay RSS (now and peak), relay CPU. Budget (issue 10): all synced, p95 ≤ 50 ms, RSS ≤ 400 MB.
//
//   npx tsx bench/capacity.ts        # MEETINGS=200 PHONES=20 WRITE_MS=2000 MEASURE_SECONDS=30
//
// The phones come from one address: the per-address cap is raised for this run only.
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { launchRelay } from './spawnRelay';
import { SyncClient, createMeeting, envNumber, finish, hardDeadline, inParallel, join, machineLine, mb, ms, percentile, sleep, until } from './faultkit';

const MEETINGS = envNumber('MEETINGS', 200);
const PHONES = envNumber('PHONES', 20);
const WRITE_MS = envNumber('WRITE_MS', 2000);
const MEASURE_SECONDS = envNumber('MEASURE_SECONDS', 30);
const SYNC_TIMEOUT_MS = 120_000;

process.setMaxListeners(0);

async function peakRssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main() {
  console.log(machineLine());
  const relay = await launchRelay({
    env: { MAX_CONNECTIONS_PER_ADDRESS: String(MEETINGS * (PHONES + 1) + 100), CREATE_MEETINGS_PER_ADDRESS: String(MEETINGS + 10) },
  });
  hardDeadline(15 * 60_000, () => relay.process.kill('SIGKILL'));
  const idleRss = await relay.rssMb();

  const t0 = performance.now();
  const meetings = await inParallel(Array.from({ length: MEETINGS }), 8, async (_, m) => {
    const meeting = await createMeeting(relay.base, `Kapacitet ${m}`);
    const keys = await inParallel(Array.from({ length: PHONES }), 4, (__, p) => join(relay.base, meeting.meetingId, `Deltagare ${p}`));
    return { meeting, keys: keys.map((k) => k.participantKey) };
  });
  console.log(`${MEETINGS} meetings, ${MEETINGS * PHONES} participants created in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  // phones connect a meeting at a time (a room scanning its QR code), meetings in parallel batches
  const t1 = performance.now();
  const rooms = await inParallel(meetings, 20, async ({ meeting, keys }) => {
    const writer = new SyncClient(relay.wsUrl, meeting.meetingId, meeting.facilitatorKey);
    const phones = keys.map((key) => new SyncClient(relay.wsUrl, meeting.meetingId, key));
    await Promise.race([Promise.all([writer, ...phones].map((c) => c.synced)), sleep(SYNC_TIMEOUT_MS)]);
    return { writer, phones };
  });
  const all = rooms.flatMap((r) => r.phones);
  const synced = all.filter((c) => c.isSynced).length;
  const writersSynced = rooms.filter((r) => r.writer.isSynced).length;
  console.log(`${synced} of ${all.length} phones synced (+ ${writersSynced} of ${MEETINGS} facilitators) in ${((performance.now() - t1) / 1000).toFixed(1)} s`);

  const samples: number[] = [];
  let measuring = false;
  let edits = 0;
  for (const { phones } of rooms) {
    for (const phone of phones) {
      const map = phone.doc.getMap<number>('bench');
      map.observe((event) => {
        if (!measuring) return;
        const now = performance.now();
        for (const key of event.keysChanged) samples.push(now - map.get(key)!);
      });
    }
  }
  const timers: NodeJS.Timeout[] = [];
  rooms.forEach(({ writer }, m) => {
    let n = 0;
    const start = setTimeout(() => {
      timers.push(
        setInterval(() => {
          if (!measuring) return;
          writer.doc.getMap<number>('bench').set(`e${m}-${n++}`, performance.now());
          edits++;
        }, WRITE_MS),
      );
    }, Math.random() * WRITE_MS);
    timers.push(start);
  });
  const cpuBefore = await relay.cpuMs();
  const generatorBefore = process.cpuUsage();
  // the generator shares the machine: its own event-loop lag is part of every figure it measures
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  measuring = true;
  let rssDuring = 0;
  for (let s = 0; s < MEASURE_SECONDS; s += 5) {
    await sleep(5000);
    rssDuring = Math.max(rssDuring, await relay.rssMb());
  }
  for (const t of timers) clearInterval(t);
  // the last edits are still on their way: wait for every delivery, bounded
  const expected = edits * PHONES;
  const delivered = await until(() => samples.length >= expected, 10_000);
  measuring = false;
  const cpu = (await relay.cpuMs()) - cpuBefore;
  const generator = process.cpuUsage(generatorBefore);
  lag.disable();
  const rssNow = await relay.rssMb();
  const rssPeak = await peakRssMb(relay.pid);
  const p95 = percentile(samples, 95);
  console.log(
    `edit→visible over ${samples.length} deliveries of ${edits} edits (${expected} expected): p50 ${ms(percentile(samples, 50))}, p95 ${ms(p95)}, ` +
      `p99 ${ms(percentile(samples, 99))}, max ${ms(percentile(samples, 100))}`,
  );
  console.log(`relay RSS idle ${mb(idleRss)}, under load ${mb(rssNow)} (max sampled ${mb(rssDuring)}, peak VmHWM ${mb(rssPeak)}); relay CPU ${(cpu / 1000).toFixed(1)} s over ${MEASURE_SECONDS} s`);
  console.log(
    `generator (same machine): CPU ${((generator.user + generator.system) / 1e6).toFixed(1)} s while measuring, ` +
      `event-loop lag p50 ${ms(lag.percentile(50) / 1e6)}, p99 ${ms(lag.percentile(99) / 1e6)}`,
  );

  for (const { writer, phones } of rooms) for (const c of [writer, ...phones]) c.close();
  await relay.dispose();
  finish(
    [
      [`every client synced (${synced + writersSynced} of ${all.length + MEETINGS})`, synced === all.length && writersSynced === MEETINGS],
      [`every edit reached every phone (${samples.length} of ${expected})`, delivered],
      [`edit→visible p95 ${ms(p95)} ≤ 50 ms`, p95 <= 50],
      [`relay RSS peak ${mb(rssPeak)} ≤ 400 MB`, rssPeak <= 400],
    ],
    `npx tsx bench/capacity.ts  # MEETINGS=${MEETINGS} PHONES=${PHONES} WRITE_MS=${WRITE_MS} MEASURE_SECONDS=${MEASURE_SECONDS}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
