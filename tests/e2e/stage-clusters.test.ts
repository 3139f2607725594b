// The clustering board with every note sorted: 300 notes in 12 clusters of 25. The full form
// cannot fit, so the board must switch to compact (name, count, first notes, Öppna) at every
// size — no page scroll and no cluster or note box below or beside the viewport — and at
// 1920×1080 and up the first compact clusters still show their first note.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR, laptopContext, launchBrowser, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

const MEASURE = `(() => {
  const doc = document.documentElement;
  const out = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5); };
  const boxes = [...document.querySelectorAll('[data-cluster-id], [data-note-id]')].filter((el) => !el.closest('[hidden]') && el.offsetParent !== null);
  const clusters = [...document.querySelectorAll('[data-cluster-id]')];
  return {
    scrollW: doc.scrollWidth, scrollH: doc.scrollHeight, w: innerWidth, h: innerHeight,
    outside: boxes.filter(out).map((el) => (el.dataset.clusterId ? 'cluster ' + el.dataset.clusterId : 'note ' + el.dataset.noteId)).slice(0, 5),
    clusters: clusters.length,
    withNotes: clusters.filter((c) => c.querySelector('[data-note-id]')).length,
    mode: document.querySelector('.cluster-board')?.className ?? '',
  };
})()`;

describe('the clustering board with 12 clusters of 25 notes fits one screen', () => {
  let app: RunningApp;
  let browser: Browser;
  let room: SeededRoom;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    room = await seedRoom(app, { participants: 4, notes: 300, clusters: 12, allClustered: true });
    await room.goTo('clustering');
  });
  afterAll(async () => {
    room?.close();
    await browser?.close();
    await app?.stop();
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      const context = await laptopContext(browser, size);
      const page = await context.newPage();
      await page.goto(`${app.url}/m/${room.meetingId}/board#key=${room.facilitatorKey}&code=${room.joinCode}`);
      await page.locator('[data-cluster-id]').nth(11).waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(600);
      const m = (await page.evaluate(MEASURE)) as { scrollW: number; scrollH: number; w: number; h: number; outside: string[]; clusters: number; withNotes: number; mode: string };
      if (size.width === 1920) await page.screenshot({ path: join(SHOTS_DIR, 'stage-clusters-12x25-1920.png') });
      const where = `${size.width}×${size.height} (${m.mode})`;
      expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
      expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
      expect(m.outside, `${where}: boxes outside the viewport`).toEqual([]);
      expect(m.clusters, `${where}: clusters`).toBe(12);
      // 13 tiles at stage text sizes: not every one has room for a note, but the first ones do
      if (size.width >= 1920) expect(m.withNotes, `${where}: clusters showing a note`).toBeGreaterThanOrEqual(4);
      await context.close();
    });
  }
});
