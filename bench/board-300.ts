// The projected board with hundreds of notes: how long the clustering board takes to show them,
// and how smooth a mouse drag is (frame times while dragging), in Debian's Chromium at 1920×1080.
//
//   npx vite build && npx tsx bench/board-300.ts [notes=300] [clusters=12]
//
// Talks only to the app it starts on 127.0.0.1; bounded, stops by itself.
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { generateNKeysBetween } from 'fractional-indexing';
import { SHOTS_DIR, laptopContext, launchBrowser, startApp } from '../tests/e2e/harness';

const NOTES = Number(process.argv[2] ?? 300);
const CLUSTERS = Number(process.argv[3] ?? 12);
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
  }, 180_000);
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
  await page.goto(`${app.url}/m/${created.meetingId}/board#key=${created.facilitatorKey}`);
  // the stage may show clusters compactly (docs/board-stage.md): wait for every cluster and a note
  await page.waitForFunction((n) => document.querySelectorAll('[data-cluster-id]').length >= n && document.querySelector('[data-note-id]') !== null, CLUSTERS, { timeout: 60_000 });
  const renderMs = performance.now() - t0;
  const shown = await page.locator('[data-note-id]').count();
  const mode = await page.locator('.cluster-board').getAttribute('class');
  await page.screenshot({ path: join(SHOTS_DIR, 'bench-board-300.png') });

  // drag a loose note onto a cluster while recording every animation frame
  const source = page.locator('[data-note-id]').filter({ hasNot: page.locator('[data-cluster-id]') }).last();
  await source.scrollIntoViewIfNeeded();
  const from = (await source.boundingBox())!;
  const target = page.locator('[data-cluster-id]').first();
  const to = (await target.boundingBox())!;
  // a string, not a function: tsx's name helpers must not leak into the page
  await page.evaluate(`(() => {
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
  const dragStart = performance.now();
  await page.mouse.move(from.x + from.width / 2, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 15, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 60 });
  await page.mouse.up();
  const dragMs = performance.now() - dragStart;
  const frames = (await page.evaluate('(window.__recording = false, window.__frames.slice(1))')) as number[];
  frames.sort((a, b) => a - b);
  const pct = (p: number) => frames[Math.min(frames.length - 1, Math.floor((p / 100) * frames.length))];
  const long = frames.filter((f) => f > 50).length;

  console.log(`board with ${NOTES} notes in ${CLUSTERS} clusters + loose tray, Chromium 1920×1080 (headless, software rendering)`);
  console.log(`  first render               ${renderMs.toFixed(0)} ms (from navigation, includes loading the app and syncing); ${shown} notes rendered, ${mode}`);
  console.log(`  mouse drag (65 moves)      ${dragMs.toFixed(0)} ms, ${frames.length} frames: p50 ${pct(50).toFixed(1)} ms  p95 ${pct(95).toFixed(1)} ms  max ${frames[frames.length - 1].toFixed(1)} ms, ${long} frames over 50 ms`);
  console.log(`  screenshot: test-results/bench-board-300.png`);
  console.log(`  reproduce: npx vite build && npx tsx bench/board-300.ts ${NOTES} ${CLUSTERS}`);

  meeting.provider.destroy();
  control.provider.destroy();
  await browser.close();
  await app.stop();
  clearTimeout(deadline);
  // providers and the browser can leave handles that keep Node alive after the figures
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
