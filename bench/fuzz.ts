// Fuzz under load: FRAMES malformed frames (tests/relay/fuzzFrames.ts: random bytes, valid prefixes
// with garbage, truncated varints, huge declared lengths, junk awareness JSON, corrupted updates,
// and every hand-built bad update) from WORKERS sockets at a time, at every doc kind and role of two
// meetings, while honest clients keep editing both meetings. Checks: only the fuzzing sockets
// close, every honest edit arrives at every honest reader, the relay process stays up and answers,
// and its RSS returns near the baseline (within RSS_SLACK_MB) once the fuzzing stops.
//
//   npx tsx bench/fuzz.ts    # FRAMES=12000 WORKERS=32 FUZZ_SEED=20261129 RSS_SLACK_MB=50
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { CloseCode, controlDocName, groupDocName, inboxDocName, meetingDocName, privateDocName } from '../common/docNames';
import { FRAME_KINDS, frameMaker, prng, type FrameKind } from '../tests/relay/fuzzFrames';
import { updateFrame } from '../tests/relay/frames';
import { launchRelay } from './spawnRelay';
import { SyncClient, createMeeting, envNumber, finish, hardDeadline, join, machineLine, mb, sleep, until } from './faultkit';

const FRAMES = envNumber('FRAMES', 12_000);
const WORKERS = envNumber('WORKERS', 32);
const SEED = envNumber('FUZZ_SEED', 20261129);
const RSS_SLACK_MB = envNumber('RSS_SLACK_MB', 50);
const EDIT_MS = 25;

function openSocket(wsUrl: string, docName: string, key: string) {
  const ws = new WebSocket(`${wsUrl}/${docName}?key=${encodeURIComponent(key)}`, { perMessageDeflate: false });
  ws.on('error', () => {});
  const opened = new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
  });
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  return { ws, opened, closed };
}

async function main() {
  console.log(machineLine());
  const relay = await launchRelay({ env: { MAX_CONNECTIONS_PER_ADDRESS: String(WORKERS * 4 + 200) } });
  hardDeadline(10 * 60_000, () => relay.process.kill('SIGKILL'));
  const random = prng(SEED);
  const maker = frameMaker(random);

  // two meetings, each with an honest facilitator writing its meeting and control docs and phones reading them
  const meetings = await Promise.all(
    [0, 1].map(async (i) => {
      const m = await createMeeting(relay.base, `Fuzz ${i}`);
      const phones = await Promise.all([0, 1, 2, 3].map((p) => join(relay.base, m.meetingId, `Deltagare ${p}`)));
      return { ...m, phones };
    }),
  );
  const lanes = meetings.flatMap((m) =>
    [meetingDocName(m.meetingId), controlDocName(m.meetingId)].map((name) => ({
      writer: new SyncClient(relay.wsUrl, name, m.facilitatorKey),
      readers: m.phones.map((p) => new SyncClient(relay.wsUrl, name, p.participantKey)),
      written: [] as string[],
    })),
  );
  const honest = lanes.flatMap((l) => [l.writer, ...l.readers]);
  await Promise.all(honest.map((c) => c.synced));
  // every doc kind, every role that may open it
  const targets = meetings.flatMap((m) => [
    [meetingDocName(m.meetingId), m.facilitatorKey],
    [meetingDocName(m.meetingId), m.phones[0].participantKey],
    [controlDocName(m.meetingId), m.facilitatorKey],
    [controlDocName(m.meetingId), m.phones[1].participantKey],
    [groupDocName(m.meetingId, 'g1'), m.facilitatorKey],
    [groupDocName(m.meetingId, 'g1'), m.phones[2].participantKey],
    [privateDocName(m.meetingId, m.phones[3].participantId), m.phones[3].participantKey],
    [inboxDocName(m.meetingId), m.facilitatorKey],
  ]);

  let editing = true;
  const editor = (async () => {
    for (let n = 0; editing; n++) {
      for (const lane of lanes) {
        lane.writer.doc.getMap('honest').set(`e${n}`, n);
        lane.written.push(`e${n}`);
      }
      await sleep(EDIT_MS);
    }
  })();
  await sleep(3000);
  const baselineRss = await relay.rssMb();
  const baselineStats = await relay.stats();

  const sentByKind = Object.fromEntries(FRAME_KINDS.map((k) => [k, 0])) as Record<FrameKind, number>;
  let sent = 0;
  let socketsOpened = 0;
  let badUpdatesSent = 0;
  const badClosedWrongly: number[] = [];
  const closeCodes = new Map<number, number>();
  let peakRss = baselineRss;
  const rssSampler = setInterval(() => void relay.rssMb().then((r) => (peakRss = Math.max(peakRss, r))).catch(() => {}), 500);

  const t0 = performance.now();
  const worker = async () => {
    while (sent < FRAMES) {
      const [name, key] = targets[Math.floor(random() * targets.length)];
      const socket = openSocket(relay.wsUrl, name, key);
      socketsOpened++;
      if (!(await socket.opened)) continue;
      if (random() < 0.1) {
        // a hand-built bad update on a fresh socket: the relay must close it with 1008
        socket.ws.send(updateFrame(maker.bad[Math.floor(random() * maker.bad.length)], random() < 0.5 ? 1 : 2));
        sent++;
        badUpdatesSent++;
        const code = await Promise.race([socket.closed, sleep(10_000).then(() => -1)]);
        if (code !== CloseCode.policy) badClosedWrongly.push(code);
        socket.ws.terminate();
        continue;
      }
      for (let i = 0; i < 32 && sent < FRAMES && socket.ws.readyState === WebSocket.OPEN; i++) {
        const { kind, bytes } = maker.next();
        socket.ws.send(bytes);
        sentByKind[kind]++;
        sent++;
        await new Promise((r) => setImmediate(r));
      }
      // the relay's verdict on what it got, or a short pause; then the socket goes either way
      const code = await Promise.race([socket.closed, sleep(200).then(() => null)]);
      if (code !== null) closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      socket.ws.terminate();
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  const fuzzSeconds = (performance.now() - t0) / 1000;
  editing = false;
  await editor;
  clearInterval(rssSampler);

  const allArrived = await until(() => lanes.every((l) => l.readers.every((r) => l.written.every((k) => r.doc.getMap('honest').has(k)))), 20_000, 100);
  const honestOpen = honest.every((c) => !c.isClosed);
  const health = await fetch(`${relay.base}/healthz`).then((r) => r.status, () => 0);
  const alive = relay.process.exitCode === null && relay.process.signalCode === null;
  // memory: back near the baseline once the attackers are gone (V8 gives pages back lazily: wait, bounded)
  let afterRss = await relay.rssMb();
  const settled = await until(async () => (afterRss = await relay.rssMb()) <= baselineRss + RSS_SLACK_MB, 60_000, 1000);
  const after = await relay.stats();
  for (const c of honest) c.close();
  await relay.dispose();

  const edits = lanes.reduce((s, l) => s + l.written.length, 0);
  console.log(
    `${sent} malformed frames in ${fuzzSeconds.toFixed(1)} s over ${socketsOpened} sockets (${WORKERS} at a time, seed ${SEED}): ` +
      FRAME_KINDS.map((k) => `${k} ${sentByKind[k]}`).join(', ') +
      `, hand-built bad updates ${badUpdatesSent}`,
  );
  console.log(`close codes the fuzzing sockets got: ${[...closeCodes].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`).join(', ')} (the rest were still open and cut by the fuzzer)`);
  console.log(`honest: ${edits} edits on ${lanes.length} docs of 2 meetings, ${honest.length} sockets; relay sockets ${baselineStats.sockets} before and ${after.sockets} after, docs in memory ${baselineStats.docsInMemory} before and ${after.docsInMemory} after`);
  console.log(`relay RSS: baseline ${mb(baselineRss)}, peak ${mb(peakRss)}, after ${mb(afterRss)}`);
  finish(
    [
      [`at least 10,000 malformed frames (${sent})`, sent >= 10_000],
      [`every hand-built bad update closed its socket with 1008 (${badClosedWrongly.length} of ${badUpdatesSent} did not)`, badClosedWrongly.length === 0],
      ['no honest socket closed', honestOpen],
      [`every honest edit reached every honest reader (${edits} edits × 4 readers)`, allArrived],
      [`the relay process is up and answers /healthz (${health})`, alive && health === 200],
      [`no fuzzing socket or document left behind (sockets ${after.sockets}, docs ${after.docsInMemory})`, after.sockets === baselineStats.sockets && after.docsInMemory <= baselineStats.docsInMemory],
      [`RSS back within ${RSS_SLACK_MB} MB of the baseline (${mb(afterRss)} vs ${mb(baselineRss)})`, settled],
    ],
    `npx tsx bench/fuzz.ts  # FRAMES=${FRAMES} WORKERS=${WORKERS} FUZZ_SEED=${SEED} RSS_SLACK_MB=${RSS_SLACK_MB}`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
