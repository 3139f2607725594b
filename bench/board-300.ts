// The clustering board with hundreds of notes: how long it takes to show them, and how smooth a
// drag is (every animation frame's time while dragging), in Debian's Chromium at 1920×1080: a short
// mouse drag, a long one (back and forth over the notes for 240 moves) and a keyboard drag (30
// arrow presses from target to target). VIEW=board (the projected board) or VIEW=console (the
// facilitator's console, where the board scrolls under the console's own controls).
//
//   npx vite build && npx tsx bench/board-300.ts [notes=300] [clusters=12]
//   npx vite build && NOTES=500 VIEW=console nice -n -5 npx tsx bench/board-300.ts
//   TRACE=1 …: also prints the renderer's main-thread work in each drag by kind (script, style, layout, paint; Chromium trace)
//   PROFILE=1 …: also prints each drag's long frames in order, and the functions that took the most time in each drag (CDP profiler)
//
// Exits 1 when a drag kind misses issue 21's budget (frames at median ≤ 16.7 ms, p95 ≤ 33 ms), 2
// when it ran out of time. Talks only to the app it starts on 127.0.0.1; bounded, stops by itself.
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { generateNKeysBetween } from 'fractional-indexing';
import { SHOTS_DIR, laptopContext, launchBrowser, startApp } from '../tests/e2e/harness';

const NOTES = Number(process.env.NOTES ?? process.argv[2] ?? 300);
const CLUSTERS = Number(process.env.CLUSTERS ?? process.argv[3] ?? 12);
const VIEW = process.env.VIEW === 'console' ? 'console' : 'board';
const PROFILE = process.env.PROFILE === '1';
const TRACE = process.env.TRACE === '1';
const WORDS = 'utskrivning läkemedel epikris hemtjänst vårdplan anhöriga samordning information överlämning journal'.split(' ');

async function connect(port: number, name: string, key: string) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, name, doc, {
    params: { key },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, provider };
}

async function main() {
  const deadline = setTimeout(() => {
    console.error('bench: deadline reached');
    process.exit(2);
  }, 300_000);
  const app = await startApp();
  const created = (await (await fetch(`${app.url}/api/meetings`, { method: 'POST', body: '{}' })).json()) as {
    meetingId: string;
    facilitatorKey: string;
  };
  const meeting = await connect(app.port, created.meetingId, created.facilitatorKey);
  const control = await connect(app.port, `${created.meetingId}/control`, created.facilitatorKey);

  // revealed notes as the relay writes them; half of them already in clusters
  const clusterIds = Array.from({ length: CLUSTERS }, (_, i) => `cluster${String(i).padStart(16, '0')}`);
  const clusterOrders = generateNKeysBetween(null, null, CLUSTERS);
  const noteOrders = generateNKeysBetween(null, null, NOTES);
  meeting.doc.transact(() => {
    clusterIds.forEach((id, i) => {
      const c = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id, name: `Område ${i + 1}`, order: clusterOrders[i], parked: false, handOverTo: '', createdAt: Date.now() })) c.set(k, v);
      meeting.doc.getMap('clusters').set(id, c);
    });
    for (let i = 0; i < NOTES; i++) {
      const id = `note${String(i).padStart(17, '0')}`;
      const text = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} brister ${i + 1}`;
      const n = new Y.Map<unknown>();
      const clusterId = i % 2 === 0 ? clusterIds[i % CLUSTERS] : null;
      for (const [k, v] of Object.entries({ id, text, color: 'yellow', tag: '', group: 0, clusterId, stackedOn: null, parked: false, handOverTo: '', order: noteOrders[i], createdAt: Date.now() })) n.set(k, v);
      meeting.doc.getMap('notes').set(id, n);
    }
  });
  control.doc.getMap('phase').set('current', 'clustering');
  await new Promise((r) => setTimeout(r, 500));

  const browser = await launchBrowser();
  const context = await laptopContext(browser, { width: 1920, height: 1080 });
  const page = await context.newPage();
  const t0 = performance.now();
  const path = VIEW === 'console' ? 'f' : 'board';
  await page.goto(`${app.url}/m/${created.meetingId}/${path}#key=${created.facilitatorKey}`);
  // the stage may show clusters compactly (docs/board-stage.md): wait for every cluster and a note
  await page.waitForFunction((n) => document.querySelectorAll('[data-cluster-id]').length >= n && document.querySelector('[data-note-id]') !== null, CLUSTERS, { timeout: 60_000 });
  const renderMs = performance.now() - t0;
  const shown = await page.locator('[data-note-id]').count();
  const mode = await page.locator('.cluster-board').getAttribute('class');
  await page.screenshot({ path: join(SHOTS_DIR, `bench-board-${NOTES}-${VIEW}.png`) });

  // every animation frame's time while a drag runs (a string, not a function: tsx's name helpers must not leak into the page)
  const record = () =>
    page.evaluate(`(() => {
      window.__frames = [];
      window.__recording = true;
      let last = performance.now();
      const tick = (now) => {
        window.__frames.push(now - last);
        last = now;
        if (window.__recording) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
  const stop = async () => {
    // the frame after the drop too: the drop's own render belongs to the drag
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
    const frames = (await page.evaluate('(window.__recording = false, window.__frames.slice(1))')) as number[];
    // with PROFILE=1, the frames over 33 ms in the order they came (which moment of the drag they belong to)
    if (PROFILE) console.log(`  frames over 33 ms at (index/count: ms): ${frames.map((f, i) => [i, f]).filter(([, f]) => f > 33).map(([i, f]) => `${i}/${frames.length}: ${f.toFixed(0)}`).join(', ')}`);
    return frames.sort((a, b) => a - b);
  };
  const summary = (label: string, ms: number, frames: number[]) => {
    const long = frames.filter((f) => f > 50).length;
    return `  ${label.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms, ${String(frames.length).padStart(3)} frames: p50 ${pct(frames, 50).toFixed(1)} ms  p95 ${pct(frames, 95).toFixed(1)} ms  max ${frames[frames.length - 1].toFixed(1)} ms, ${long} frames over 50 ms`;
  };
  const lines: string[] = [];
  const results: { label: string; frames: number[] }[] = [];
  const profiles: { label: string; profile: Profile }[] = [];
  const traces: { label: string; trace: Trace }[] = [];
  const cdp = PROFILE ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  /** Records the frames (and with PROFILE=1 a CPU profile) of one drag. */
  const measure = async (label: string, drag: () => Promise<void>) => {
    if (cdp) await cdp.send('Profiler.start');
    if (TRACE) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await record();
    const start = performance.now();
    await drag();
    const ms = performance.now() - start;
    const frames = await stop();
    if (TRACE) traces.push({ label, trace: JSON.parse((await browser.stopTracing()).toString()) as Trace });
    if (cdp) profiles.push({ label, profile: (await cdp.send('Profiler.stop')).profile as Profile });
    results.push({ label, frames });
    lines.push(summary(label, ms, frames));
  };
  const looseNote = () => page.locator('.loose-tray [data-note-id]').first();
  const clusterHeader = (i: number) => page.locator('[data-cluster-id] .cluster-header').nth(i);

  // 1. short mouse drag: a loose note onto the first cluster (65 moves)
  {
    const source = looseNote();
    await source.scrollIntoViewIfNeeded();
    const from = (await source.boundingBox())!;
    await clusterHeader(0).scrollIntoViewIfNeeded();
    await source.scrollIntoViewIfNeeded();
    const to = (await clusterHeader(0).boundingBox())!;
    await measure('short mouse drag (65 moves)', async () => {
      await page.mouse.move(from.x + from.width / 2, from.y + 10);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 15, from.y + 30, { steps: 5 });
      await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 60 });
      await page.mouse.up();
    });
  }

  // 2. long mouse drag: a clustered note picked up, carried back and forth over the notes in view
  // (240 moves crossing dozens of notes and several clusters), dropped on another cluster
  {
    await page.evaluate('window.scrollTo(0, 0)');
    const source = page.locator('[data-cluster-id] [data-note-id]').first();
    const from = (await source.boundingBox())!;
    const view = page.viewportSize()!;
    // a zigzag over the upper part of the page, where the clusters and their notes are
    const waypoints = [
      [0.85, 0.3],
      [0.1, 0.55],
      [0.8, 0.75],
      [0.2, 0.35],
      [0.6, 0.6],
    ];
    await measure('long mouse drag (240 moves)', async () => {
      await page.mouse.move(from.x + from.width / 2, from.y + 10);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2 + 15, from.y + 30, { steps: 5 });
      for (const [x, y] of waypoints) await page.mouse.move(view.width * x, view.height * y, { steps: 47 });
      await page.mouse.up();
    });
  }

  // 3. keyboard drag: a note picked up with space, 30 arrow presses from target to target, dropped with space
  {
    await page.evaluate('window.scrollTo(0, 0)');
    const handle = page.locator('[data-cluster-id] [data-note-id] .note-card-body').nth(2);
    await handle.focus();
    // each key's script: from the page's first listener (before dnd-kit's) until React has rendered
    // what it did (a microtask queued after dnd-kit's listener runs after React's own flush)
    await page.evaluate(`(() => {
      window.__keys = [];
      let t = 0;
      window.addEventListener('keydown', () => { t = performance.now(); }, true);
      window.addEventListener('keydown', () => queueMicrotask(() => window.__keys.push(performance.now() - t)));
    })()`);
    await measure('keyboard drag (30 arrow presses)', async () => {
      await page.keyboard.press('Space');
      for (let i = 0; i < 30; i++) await page.keyboard.press(i % 6 === 5 ? 'ArrowDown' : 'ArrowRight');
      await page.keyboard.press('Space');
    });
    const keys = (await page.evaluate('window.__keys')) as number[];
    const arrows = keys.slice(1, -1).sort((a, b) => a - b);
    lines.push(
      `    per key press, its script (handled and rendered): pick-up ${keys[0].toFixed(0)} ms, arrows p50 ${pct(arrows, 50).toFixed(1)} ms  p95 ${pct(arrows, 95).toFixed(1)} ms  max ${arrows[arrows.length - 1].toFixed(1)} ms, drop ${keys[keys.length - 1].toFixed(0)} ms`,
    );
  }

  console.log(`clustering ${VIEW} with ${NOTES} notes in ${CLUSTERS} clusters + loose tray, Chromium 1920×1080 (headless, software rendering)`);
  console.log(`  first render               ${renderMs.toFixed(0)} ms (from navigation, includes loading the app and syncing); ${shown} notes rendered, ${mode}`);
  for (const line of lines) console.log(line);
  // the budget (issue 21): every drag kind's frames at median ≤ 16.7 ms and p95 ≤ 33 ms, as printed (0.1 ms)
  const missed = results.filter(({ frames }) => round(pct(frames, 50)) > BUDGET.p50 || round(pct(frames, 95)) > BUDGET.p95);
  console.log(`  budget: median ≤ ${BUDGET.p50} ms and p95 ≤ ${BUDGET.p95} ms per drag kind: ${missed.length === 0 ? 'met' : `MISSED by ${missed.map((r) => r.label).join(', ')}`}`);
  console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on ${cpus().length} cores (figures from a busy machine are upper bounds)`);
  console.log(`  screenshot: test-results/bench-board-${NOTES}-${VIEW}.png`);
  console.log(`  reproduce: npx vite build && NOTES=${NOTES} CLUSTERS=${CLUSTERS} VIEW=${VIEW} nice -n -5 npx tsx bench/board-300.ts`);
  for (const { label, profile } of profiles) printProfile(label, profile);
  for (const { label, trace } of traces) printTrace(label, trace);

  meeting.provider.destroy();
  control.provider.destroy();
  await browser.close();
  await app.stop();
  clearTimeout(deadline);
  // providers and the browser can leave handles that keep Node alive after the figures
  process.exit(missed.length === 0 ? 0 : 1);
}

/** Issue 21's drag budget for every drag kind's animation frames. */
const BUDGET = { p50: 16.7, p95: 33 };
/** The p-th percentile of sorted frame times. */
const pct = (frames: number[], p: number) => frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))];
const round = (ms: number) => Math.round(ms * 10) / 10;

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function over the profile, the 25 largest: where a drag's frames go. */
function printProfile(label: string, profile: Profile) {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log(`  self time during the ${label} (ms):`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${ms.toFixed(1).padStart(8)}  ${name}`);
}

interface Trace {
  traceEvents: { name: string; ph: string; dur?: number; pid: number; tid: number; args?: { name?: string } }[];
}

/** The renderer main thread's work by trace event (nested events count in each level): script, style, layout, paint… */
function printTrace(label: string, trace: Trace) {
  const main = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const threads = new Set(main.map((e) => `${e.pid}:${e.tid}`));
  const total = new Map<string, { ms: number; n: number }>();
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || !threads.has(`${e.pid}:${e.tid}`)) continue;
    const t = total.get(e.name) ?? { ms: 0, n: 0 };
    t.ms += (e.dur ?? 0) / 1000;
    t.n += 1;
    total.set(e.name, t);
  }
  console.log(`  renderer main thread during the ${label} (trace events, ms, count):`);
  for (const [name, t] of [...total].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) console.log(`    ${t.ms.toFixed(1).padStart(8)}  ${String(t.n).padStart(5)}  ${name}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
