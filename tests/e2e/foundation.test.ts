// The foundation as a user meets it: a facilitator creates a meeting on a laptop, two people
// join from phone-sized browsers with the join code, and everyone sees everyone; a reload and a
// server restart lose nothing; nothing is loaded from another host; phones get no drag-and-drop code.
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DND_KIT_MARKER,
  SHOTS_DIR,
  collectPageErrors,
  createMeetingFromLanding,
  fillJoinForm,
  laptopContext,
  launchBrowser,
  phoneContext,
  recordTraffic,
  restartableApp,
  type RestartableApp,
} from './harness';

describe('joining a meeting', () => {
  let app: RestartableApp;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await restartableApp('foundation');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  async function joinFromPhone(context: BrowserContext, path: string, name: string, organisation: string) {
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(app.url + path);
    return fillJoinForm(page, name, organisation);
  }

  it('a facilitator creates a meeting, two phones join by code and both appear on the board and console', async () => {
    const laptop = await laptopContext(browser);
    const laptopTraffic = recordTraffic(laptop);
    const console_ = await laptop.newPage();
    collectPageErrors(console_, pageErrors);
    const created = await createMeetingFromLanding(console_, app.url, 'Samverkansforum Norrort');
    // the facilitator's key never shows in the address bar (a projected console would show it)
    expect(console_.url()).not.toContain(created.facilitatorKey);
    await console_.getByRole('status', { name: 'Mötets kod' }).filter({ hasText: created.joinCode }).waitFor();
    await console_.getByRole('img', { name: /QR-kod/i }).first().waitFor();

    const phoneA = await phoneContext(browser);
    const phoneB = await phoneContext(browser);
    const trafficA = recordTraffic(phoneA);
    const trafficB = recordTraffic(phoneB);

    // Anna types the code (in lower case, as people do) on the start page
    const anna = await phoneA.newPage();
    collectPageErrors(anna, pageErrors);
    await anna.goto(app.url);
    await anna.getByLabel('Mötets kod').fill(created.joinCode.toLowerCase());
    await anna.getByRole('button', { name: 'Gå med' }).click();
    await fillJoinForm(anna, 'Anna Berg', 'Primärvård');
    // Omar scans the QR code, which opens the join link
    const omar = await joinFromPhone(phoneB, `/j/${created.joinCode}`, 'Omar Said', 'Kommun – hemtjänst');

    const boardContext = await laptopContext(browser, { width: 1920, height: 1080 });
    const boardTraffic = recordTraffic(boardContext);
    const board = await boardContext.newPage();
    collectPageErrors(board, pageErrors);
    // opened with only the key (as from another laptop): the code still comes from the meeting
    await board.goto(`${app.url}/m/${created.meetingId}/board#key=${created.facilitatorKey}`);
    await board.getByRole('status', { name: 'Mötets kod' }).filter({ hasText: created.joinCode }).waitFor();
    expect(board.url()).not.toContain(created.facilitatorKey);

    // the view-only link from the console: shows the meeting, offers nothing to change, shows no key
    const viewerHref = await console_.getByRole('link', { name: 'Visa tavlan (endast visning)' }).getAttribute('href');
    expect(viewerHref).toContain(created.boardKey);
    const viewerContext = await laptopContext(browser, { width: 1280, height: 720 });
    const viewer = await viewerContext.newPage();
    collectPageErrors(viewer, pageErrors);
    await viewer.goto(app.url + viewerHref);
    await viewer.getByRole('status', { name: 'Mötets kod' }).filter({ hasText: created.joinCode }).waitFor();
    await viewer.getByText('Samverkansforum Norrort').first().waitFor();
    expect(viewer.url()).not.toContain(created.boardKey);
    expect(await viewer.getByRole('textbox').count()).toBe(0);
    await viewer.reload();
    await viewer.getByText('Samverkansforum Norrort').first().waitFor();
    // the console lists who is here; the projected board (a stage) shows the count and the representation line
    await console_.getByText('Anna Berg').first().waitFor();
    await console_.getByText('Omar Said').first().waitFor();
    for (const page of [board, console_]) await page.getByText('2 anslutna').first().waitFor();
    await board.screenshot({ path: join(SHOTS_DIR, 'foundation-board.png') });
    await anna.screenshot({ path: join(SHOTS_DIR, 'foundation-phone.png') });

    // a reload rejoins as the same participant: no join form, still two people, not three
    await anna.reload();
    await anna.getByText('Du är Anna Berg, Primärvård').waitFor();
    await console_.getByText('2 anslutna').first().waitFor();
    await board.getByText('2 anslutna').first().waitFor();

    // the server restarts on the same data directory: nothing is lost, phones come back by themselves
    await app.stop('SIGTERM');
    await anna.getByRole('status').filter({ hasText: /Återansluter|Offline/ }).waitFor({ timeout: 15_000 });
    await app.start();
    await anna.getByRole('status').filter({ hasText: /Anslutning: Ansluten$/ }).waitFor({ timeout: 20_000 });
    await board.reload();
    await board.getByText('Samverkansforum Norrort').first().waitFor();
    expect(board.url()).not.toContain(created.facilitatorKey);
    await board.getByText('2 anslutna').first().waitFor();
    await console_.getByText('Anna Berg').first().waitFor();
    await console_.getByText('Omar Said').first().waitFor();
    await omar.reload();
    await omar.getByText('Du är Omar Said, Kommun – hemtjänst').waitFor();

    // no request left this machine, and no page request carried a key in its query string
    const all = [...laptopTraffic.urls, ...boardTraffic.urls, ...trafficA.urls, ...trafficB.urls];
    const foreign = all.filter((u) => !/^(https?|wss?):\/\/127\.0\.0\.1:\d+\//.test(u) && !u.startsWith('data:'));
    expect(foreign).toEqual([]);
    const keyInHttp = all.filter((u) => u.startsWith('http') && (u.includes(created.facilitatorKey) || u.includes(created.boardKey)));
    expect(keyInHttp).toEqual([]);

    // phones never download the drag-and-drop code
    for (const traffic of [trafficA, trafficB]) {
      const scripts = await traffic.scripts();
      expect(scripts.size).toBeGreaterThan(0);
      const withDnd = [...scripts].filter(([, body]) => body.includes(DND_KIT_MARKER)).map(([url]) => url);
      expect(withDnd).toEqual([]);
    }
    expect(pageErrors).toEqual([]);
  });
});
