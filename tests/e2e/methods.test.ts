// Bikupa and fyra hörn as a real meeting: the facilitator adds both phases on the console, four
// phones buzz in pairs and send one line per group, then pick corners and send reasons; the board
// shows lines by group number and the corners' counts without a name, fitting the stage at
// 1280×720, 1920×1080 and 3840×2160. axe-core runs on console, board and phone in Swedish and English.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  PROJECTOR,
  appAndBrowserPerSuite,
  collectPageErrors,
  createMeetingFromLanding,
  expectNoSeriousAxeBoth,
  joinByCode,
  laptopContext,
  openBoard,
  phoneContext,
} from './harness';
import { MEASURE, type Measured } from './stageMeasure';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** The board fits the stage at every size: no scrolling, no text under the stage size. */
async function expectFits(board: Page, phase: string) {
  for (const size of SIZES) {
    await board.setViewportSize(size);
    await board.waitForTimeout(300);
    const m = (await board.evaluate(MEASURE)) as Measured;
    const where = `${phase} at ${size.width}×${size.height}`;
    expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
    expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
    expect(m.smallText, `${where}: text under 28 px at 1920×1080 scale`).toEqual([]);
    await board.screenshot({ path: join(SHOTS_DIR, `methods-${phase}-${size.width}.png`) });
  }
  await board.setViewportSize(PROJECTOR);
}

describe('bikupa and fyra hörn with a room of phones', () => {
  const suite = appAndBrowserPerSuite();
  const errors: string[] = [];

  it('runs both methods on console, board and phones', { timeout: 300_000 }, async () => {
    const laptop = await laptopContext(suite.browser);
    const cons = await laptop.newPage();
    collectPageErrors(cons, errors);
    const created = await createMeetingFromLanding(cons, suite.app.url, 'Samverkan Norrort');
    const board = await openBoard(await laptopContext(suite.browser, PROJECTOR), suite.app, created, errors);
    const people = [
      ['Anna Berg', 'Primärvård'],
      ['Omar Said', 'Kommun – hemtjänst'],
      ['Lena Ek', 'Geriatrik'],
      ['Bo Lind', 'Primärvård'],
    ] as const;
    const phones: Page[] = [];
    for (const [name, org] of people) phones.push(await joinByCode(await phoneContext(suite.browser), suite.app, created.joinCode, name, org, errors));

    // the facilitator adds both methods to the meeting's phases, like any skipped phase
    await cons.getByRole('button', { name: 'Ändra faser' }).click();
    await cons.getByRole('button', { name: 'Ta med Bikupa' }).click();
    await cons.getByRole('button', { name: 'Ta med Fyra hörn' }).click();
    await cons.getByRole('button', { name: 'Klar med faserna' }).click();

    // --- bikupa ---
    await cons.getByRole('button', { name: /Gå till\s+Bikupa/ }).click();
    await board.locator('h1[data-phase="buzz"]').waitFor({ timeout: 15_000 });
    await cons.getByLabel('Fråga till bikupan').fill('Vad är det viktigaste vi kan göra före nästa möte?');
    await cons.getByRole('button', { name: 'Använd frågan' }).click();
    await cons.getByRole('radio', { name: 'Par' }).check();
    await cons.getByRole('button', { name: 'Bilda grupper av 4 anslutna' }).click();
    await board.getByText('0 av 2 grupper har skickat').waitFor();

    // Anna and Omar joined first: group 1; Lena and Bo: group 2 (neighbours, in joining order)
    await phones[0].getByText('Grupp 1').waitFor();
    await phones[0].getByText('med Omar Said').waitFor();
    await phones[0].getByLabel('Gruppens rad').fill('En gemensam kontaktväg <b>dygnet</b> runt');
    await phones[0].getByRole('button', { name: 'Skicka raden' }).click();
    await phones[0].getByText('Skickat – syns på tavlan.').waitFor();
    await phones[3].getByText('Grupp 2').waitFor();
    await phones[3].getByLabel('Gruppens rad').fill('Samma utskrivningsdatum för alla');
    await phones[3].getByRole('button', { name: 'Skicka raden' }).click();
    await board.getByText('2 av 2 grupper har skickat').waitFor();
    const lines = await board.locator('.buzz-line').allInnerTexts();
    expect(lines.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'Grupp 1 En gemensam kontaktväg <b>dygnet</b> runt',
      'Grupp 2 Samma utskrivningsdatum för alla',
    ]);
    // anonymous by group: no name on the board's lines
    const boardText = await board.locator('.buzz-board').innerText();
    for (const [name] of people) expect(boardText).not.toContain(name);
    await expectFits(board, 'buzz');
    await expectNoSeriousAxeBoth(cons, 'bikupa console');
    await expectNoSeriousAxeBoth(board, 'bikupa board');
    await expectNoSeriousAxeBoth(phones[0], 'bikupa phone');
    await phones[0].screenshot({ path: join(SHOTS_DIR, 'methods-buzz-phone.png'), fullPage: true });

    // --- fyra hörn ---
    await cons.getByRole('button', { name: /Gå till\s+Fyra hörn/ }).click();
    await board.locator('h1[data-phase="corners"]').waitFor({ timeout: 15_000 });
    await cons.getByLabel('Påstående').fill('Vi har tydliga roller i samverkan');
    for (const [i, answer] of ['Håller med', 'Delvis', 'Tveksam', 'Håller inte med'].entries()) {
      await cons.getByLabel(`Hörn ${'ABCD'[i]}`, { exact: true }).fill(answer);
    }
    await cons.getByRole('button', { name: 'Spara påstående och hörn' }).click();
    await cons.getByRole('button', { name: 'Öppna för val' }).click();
    const picks = [1, 1, 2, 1];
    for (const [i, phone] of phones.entries()) {
      const button = phone.getByRole('button', { name: new RegExp(`^${'ABCD'[picks[i]]}:`) });
      await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
      // a second tap on another corner moves the pick, never adds one
      if (i === 0) await phone.getByRole('button', { name: /^D:/ }).click();
      await button.click();
      await phone.getByText(`Du står i hörn ${'ABCD'[picks[i]]}.`).waitFor();
    }
    await cons.getByText('4 har valt hörn').waitFor();
    // nothing per corner before the showing
    expect(await board.locator('.corner-total').count()).toBe(0);
    await cons.getByRole('button', { name: 'Visa hörnen' }).click();
    await board.locator('.corner-total').first().waitFor();
    expect(await board.locator('.corner-total').allInnerTexts()).toEqual(['0 står här', '3 står här', '1 står här', '0 står här']);

    await cons.getByRole('button', { name: 'Låt hörnen skicka skäl' }).click();
    await phones[1].getByLabel('Hörn Bs skäl').fill('Vi vet vem som ringer, men inte vem som bestämmer');
    await phones[1].getByRole('button', { name: 'Skicka skälet' }).click();
    await board.getByText('Vi vet vem som ringer, men inte vem som bestämmer').waitFor();
    const cornersText = await board.locator('.corners-board').innerText();
    for (const [name] of people) expect(cornersText).not.toContain(name);
    await expectFits(board, 'corners');
    await expectNoSeriousAxeBoth(cons, 'fyra hörn console');
    await expectNoSeriousAxeBoth(board, 'fyra hörn board');
    await expectNoSeriousAxeBoth(phones[1], 'fyra hörn phone');
    await phones[1].screenshot({ path: join(SHOTS_DIR, 'methods-corners-phone.png'), fullPage: true });

    // --- the summary carries both ---
    await cons.getByRole('button', { name: /Gå till\s+Sammanfattning/ }).click();
    await cons.getByRole('heading', { name: 'Bikupa' }).first().waitFor();
    await cons.getByText('Grupp 2: Samma utskrivningsdatum för alla').first().waitFor();
    await cons.getByText('B: Delvis (3)').first().waitFor();
    await cons.screenshot({ path: join(SHOTS_DIR, 'methods-summary.png'), fullPage: true });
    expect(errors).toEqual([]);
  });
});
