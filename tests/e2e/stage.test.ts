// The projected board is a stage: at 1280×720, 1920×1080 and 3840×2160, in every phase, with 40
// participants and 300 revealed notes, the page never scrolls, no note's text is cut off and note
// text is at least the size docs/board-stage.md names (28 px at 1920×1080, scaled with the screen).
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhaseId } from '@common/schema';
import { SHOTS_DIR, collectPageErrors, expectNoSeriousAxe, laptopContext, launchBrowser, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';
import { MEASURE, type Measured } from './stageMeasure';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const PHASES: (PhaseId | 'gathering-before')[] = ['setup', 'checkin', 'gathering-before', 'gathering', 'clustering', 'voting', 'deepdive', 'solutionVoting', 'nextsteps', 'checkout', 'summary'];

const CLUSTERS_ON_SCREEN = `(() => {
  const all = [...document.querySelectorAll('[data-cluster-id]')];
  const on = all.filter((c) => { const r = c.getBoundingClientRect(); return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight + 0.5 && r.right <= innerWidth + 0.5; });
  return { total: all.length, onScreen: on.length };
})()`;

describe('the projected board fits one screen in every phase', () => {
  let app: RunningApp;
  let browser: Browser;
  let room: SeededRoom;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    room = await seedRoom(app);
  });
  afterAll(async () => {
    room?.close();
    await browser?.close();
    await app?.stop();
  });

  async function show(phase: (typeof PHASES)[number]) {
    if (phase === 'gathering-before') {
      await room.setRevealed(false);
      await room.goTo('gathering');
    } else {
      await room.setRevealed(true);
      await room.goTo(phase);
    }
  }

  async function settled(page: Page, phase: string) {
    const heading = phase === 'gathering-before' ? 'gathering' : phase;
    await page.locator('h1').first().waitFor();
    await page.waitForFunction(`document.querySelector('h1')?.dataset.phase === ${JSON.stringify(heading)}`, undefined, { timeout: 15_000 });
    if (phase === 'clustering') await page.locator('[data-note-id]:not([hidden])').first().waitFor();
    if (phase === 'gathering') await page.locator('.gathering-board-note').first().waitFor();
    // fonts, QR code and the fit passes (one layout pass after the data arrives)
    await page.waitForTimeout(300);
  }

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}: no scrolling, whole legible notes, in every phase`, async () => {
      const context = await laptopContext(browser, size);
      const page = await context.newPage();
      collectPageErrors(page, errors);
      await room.goTo('setup');
      await page.goto(`${app.url}/m/${room.meetingId}/board#key=${room.facilitatorKey}&code=${room.joinCode}`);
      for (const phase of PHASES) {
        await show(phase);
        await settled(page, phase);
        const m = (await page.evaluate(MEASURE)) as Measured;
        const where = `${phase} at ${size.width}×${size.height}`;
        expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
        expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
        expect(m.cut, `${where}: cut-off notes`).toEqual([]);
        expect(m.small, `${where}: notes under the stage size`).toEqual([]);
        expect(m.offscreen, `${where}: notes off screen`).toEqual([]);
        expect(m.smallText, `${where}: text under 28 px at 1920×1080 scale`).toEqual([]);
        if (phase === 'gathering') expect(m.notes, `${where}: notes shown`).toBeGreaterThanOrEqual(12);
        if (phase === 'clustering') {
          // compact or not, every cluster is on screen with its name and count, and the unsorted tray shows notes
          expect(m.notes, `${where}: notes shown`).toBeGreaterThanOrEqual(2);
          const clusters = (await page.evaluate(CLUSTERS_ON_SCREEN)) as { total: number; onScreen: number };
          expect(clusters, `${where}: clusters on screen`).toEqual({ total: 12, onScreen: 12 });
        }
        // latecomers can join in every phase: the corner (or the set-up stage) shows the code
        await expect(page.getByText(room.joinCode).first().isVisible(), `${where}: join code`).resolves.toBe(true);
        // every phase at every size, to look at
        await page.screenshot({ path: join(SHOTS_DIR, `stage-${phase}-${size.width}.png`) });
        if (size.width === 1920) await expectNoSeriousAxe(page, `board ${where}`);
      }
      await context.close();
      expect(errors).toEqual([]);
    });
  }
});
