// Presence with a room of real phones: eight separate phone contexts join, two reload, one leaves;
// the board and the console show the right "anslutna" count within 2 s of each change (issue 6:
// the stock client's echo used to close sockets once a room held five states, and a reloaded phone
// stayed missing for 18 s or more).
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  collectPageErrors,
  createMeetingFromLanding,
  fillJoinForm,
  laptopContext,
  appAndBrowserPerSuite,
  phoneContext,
  PROJECTOR,
  openBoard,
} from './harness';

/** The bound the issue names for each change to show; polled, not measured. */
const WITHIN_MS = 2000;

describe('presence in a room of eight phones', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  const countText = (n: number) => (n === 1 ? '1 ansluten' : `${n} anslutna`);

  async function expectCount(pages: Page[], n: number, timeout = WITHIN_MS) {
    for (const page of pages) {
      await page.locator('.presence__count').filter({ hasText: new RegExp(`^${countText(n)}$`) }).first().waitFor({ timeout });
    }
  }

  it('the board and the console count every phone that joins, reloads and leaves, within 2 s', async () => {
    const laptop = await laptopContext(suite.browser);
    const consolePage = await laptop.newPage();
    collectPageErrors(consolePage, pageErrors);
    const created = await createMeetingFromLanding(consolePage, suite.app.url, 'Närvaro, åtta telefoner');
    const boardContext = await laptopContext(suite.browser, PROJECTOR);
    const board = await openBoard(boardContext, suite.app, created, pageErrors);
    const screens = [board, consolePage];
    // the pages' first load is not a change: give it the time a load takes
    await expectCount(screens, 0, 20_000);

    const contexts: BrowserContext[] = [];
    const phones: Page[] = [];
    for (let i = 0; i < 8; i++) {
      const context = await phoneContext(suite.browser);
      contexts.push(context);
      const page = await context.newPage();
      collectPageErrors(page, pageErrors);
      await page.goto(`${suite.app.url}/j/${created.joinCode}`);
      await fillJoinForm(page, `Deltagare ${i + 1}`, `Organisation ${i + 1}`);
      phones.push(page);
      await expectCount(screens, i + 1);
    }

    // two phones reload (a new tab session, the same participant): back in the count, not doubled
    for (const page of [phones[2], phones[6]]) {
      await page.reload();
      await page.getByText(/^Du är Deltagare \d, Organisation \d$/).waitFor();
      await expectCount(screens, 8);
    }
    // and both at once
    await Promise.all([phones[2].reload(), phones[6].reload()]);
    await Promise.all([phones[2], phones[6]].map((p) => p.getByText(/^Du är Deltagare \d, Organisation \d$/).waitFor()));
    await expectCount(screens, 8);

    // one phone leaves
    await contexts[4].close();
    await expectCount(screens, 7);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
