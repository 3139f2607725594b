// Phones after the reveal: a latecomer joins by the QR link on the clustering board, reads every
// note grouped as on the board (own notes marked), and text being typed survives a phase change.
// Every phone, board and console view here is checked with axe-core in Swedish and English.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOTS_DIR, collectPageErrors, expectNoSeriousAxe, fillJoinForm, laptopContext, launchBrowser, phoneContext, startApp, type RunningApp } from './harness';
import { seedRoom, type SeededRoom } from './seedRoom';

describe('phones read the whole board after the reveal', () => {
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

  async function inBothLanguages(page: Page, label: string) {
    await expectNoSeriousAxe(page, `${label} (sv)`);
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
    await expectNoSeriousAxe(page, `${label} (en)`);
    await page.getByRole('button', { name: 'Svenska', exact: true }).click();
    await page.locator('html[lang="sv"]').waitFor({ state: 'attached' });
  }

  it('a latecomer joins from the clustering board and lists every note; typing survives the next phase', async () => {
    await room.goTo('clustering');
    const board = await (await laptopContext(browser, { width: 1920, height: 1080 })).newPage();
    collectPageErrors(board, errors);
    await board.goto(`${app.url}/m/${room.meetingId}/board#key=${room.facilitatorKey}`);
    const corner = board.getByRole('complementary', { name: 'Gå med i mötet' });
    await corner.getByText(room.joinCode).waitFor();
    const joinUrl = (await corner.getAttribute('data-join-url'))!;
    expect(joinUrl).toMatch(new RegExp(`/j/${room.joinCode}$`));

    const phone = await (await phoneContext(browser)).newPage();
    collectPageErrors(phone, errors);
    // the QR code's link, on this machine's address (the test app listens on 127.0.0.1 only)
    await phone.goto(`${app.url}${new URL(joinUrl).pathname}`);
    await fillJoinForm(phone, 'Sara Lind', 'Geriatrik');
    await phone.getByRole('heading', { name: /Hela tavlan \(298 lappar\)/ }).waitFor();
    const listed = await phone.locator('.whole-board [data-note-id]').allTextContents();
    const parked = new Set([room.noteTexts[1], room.noteTexts[3]]);
    for (const text of room.noteTexts.filter((t) => !parked.has(t))) expect(listed.some((l) => l.startsWith(text))).toBe(true);
    expect(listed).toHaveLength(298);
    // grouped as on the board, unsorted notes too
    await expect(phone.getByRole('region', { name: 'Osorterade' }).locator('[data-note-id]').count()).resolves.toBe(148);
    // zoom is never locked
    expect(await phone.locator('meta[name="viewport"]').getAttribute('content')).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
    await phone.screenshot({ path: join(SHOTS_DIR, 'phone-whole-board.png') });
    await inBothLanguages(phone, 'phone in clustering');
    await inBothLanguages(board, 'board in clustering');

    // the facilitator's console in clustering
    const console = await (await laptopContext(browser)).newPage();
    collectPageErrors(console, errors);
    await console.goto(`${app.url}/m/${room.meetingId}/f#key=${room.facilitatorKey}`);
    await console.locator('[data-note-id]').first().waitFor();
    await inBothLanguages(console, 'console in clustering');

    // text being typed survives the facilitator moving on
    await room.goTo('gathering');
    const field = phone.getByLabel('Ny lapp');
    await field.fill('Hemtjänsten ser inte läkemedelslistan');
    await room.goTo('clustering');
    await phone.getByRole('button', { name: 'Gå vidare till Klustra' }).waitFor();
    await expect(field.inputValue()).resolves.toBe('Hemtjänsten ser inte läkemedelslistan');
    await inBothLanguages(phone, 'phone holding its text');
    await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await phone.getByRole('listitem').filter({ hasText: 'Hemtjänsten ser inte läkemedelslistan' }).first().waitFor();
    await phone.getByRole('button', { name: 'Gå vidare till Klustra' }).click();
    await phone.getByRole('heading', { name: /Hela tavlan/ }).waitFor();
    expect(errors).toEqual([]);
  });

  it('a phone scrolled down the whole board starts the next phase at its top', async () => {
    // the voting view is loaded already (its chunk cached): the page never shrinks to a
    // loading line in between, which would take the scroll back to the top by itself
    await room.goTo('voting');
    const phone = await (await phoneContext(browser)).newPage();
    collectPageErrors(phone, errors);
    await phone.goto(`${app.url}/j/${room.joinCode}`);
    await fillJoinForm(phone, 'Per Holm', 'Psykiatri');
    await phone.getByRole('heading', { level: 1, name: 'Prioritera' }).waitFor();
    await room.goTo('clustering');
    await phone.getByRole('heading', { name: /Hela tavlan/ }).waitFor();
    // read to the end of 300 notes
    await phone.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await phone.evaluate(() => scrollY)).toBeGreaterThan(2000);
    await room.goTo('voting');
    await expect.poll(() => phone.getByRole('heading', { name: /Hela tavlan/ }).count()).toBe(0);
    // the new phase from its top: its name in the heading, not the middle of the page
    await expect.poll(() => phone.evaluate(() => scrollY)).toBe(0);
    await phone.getByRole('heading', { level: 1, name: 'Prioritera' }).waitFor();
    await phone.screenshot({ path: join(SHOTS_DIR, 'phone-next-phase-top.png') });
    expect(errors).toEqual([]);
  });
});
