// The facilitator's console and board window (two windows of one browser): a move made on the
// board is undone and redone from the console. The windows talk over BroadcastChannel, not the relay.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectPageErrors, laptopContext, launchBrowser, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';

describe('undo follows the facilitator across windows', () => {
  let app: RunningApp;
  let browser: Browser;
  let room: SeededRoom;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    room = await seedRoom(app, { participants: 0, notes: 6, clusters: 2 });
    await room.goTo('clustering');
  });
  afterAll(async () => {
    room?.close();
    await browser?.close();
    await app?.stop();
  });

  it('a move on the board is undone and redone from the console', async () => {
    const context = await laptopContext(browser, { width: 1920, height: 1080 });
    const board = await context.newPage();
    const console = await context.newPage();
    collectPageErrors(board, errors);
    collectPageErrors(console, errors);
    await board.goto(`${app.url}/m/${room.meetingId}/board#key=${room.facilitatorKey}`);
    await console.goto(`${app.url}/m/${room.meetingId}/f#key=${room.facilitatorKey}`);
    const text = room.noteTexts[5];
    const inCluster = (page: typeof board) => page.locator(`[data-cluster-id] [data-note-id="note${'5'.padStart(17, '0')}"]`);
    await board.getByRole('button', { name: `Åtgärder för lappen ”${text}”` }).click();
    await board.getByRole('combobox', { name: 'Flytta till kluster' }).selectOption({ label: 'utskrivning och ansvar 1' });
    await inCluster(console).waitFor();

    const undo = console.getByRole('button', { name: 'Ångra', exact: true });
    await expect(undo.isEnabled()).resolves.toBe(true);
    await undo.click();
    await inCluster(board).waitFor({ state: 'detached' });
    await inCluster(console).waitFor({ state: 'detached' });
    await console.getByRole('button', { name: 'Gör om', exact: true }).click();
    await inCluster(board).waitFor();
    expect(errors).toEqual([]);
  });
});
