// Three members of one group type into the same answer box at once, with real key presses: every
// sentence ends whole on every phone and on the console, and nobody's caret jumps. Then two members
// tap "Lägg till lösningsförslag" at the same moment and each types straight into their own new box,
// a member sees "<name> skriver…" beside the box someone else is typing in, and an input method's
// composition (a dead key) is left alone while another member types. axe on the phone.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  appAndBrowserPerSuite,
  collectPageErrors,
  createMeetingFromLanding,
  expectNoSeriousAxeBoth,
  joinByCode,
  laptopContext,
  phoneContext,
} from './harness';

const SENTENCES = {
  anna: 'Remisserna kommer fram för sent till hemtjänsten.',
  omar: 'Ingen vet vem som äger vårdplanen efter utskrivning.',
  lena: 'Läkemedelslistan skiljer sig åt mellan öppen och sluten vård.',
};

const WHY = 'a) Varför är det ett problem? – svar 1';

describe('a group typing together', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  it('keeps every member’s words whole when three type into one box at once', { timeout: 240_000 }, async () => {
    const cons = await (await laptopContext(suite.browser)).newPage();
    collectPageErrors(cons, pageErrors);
    const created = await createMeetingFromLanding(cons, suite.app.url, 'Skriva tillsammans');
    const joinAs = async (name: string, org: string) => joinByCode(await phoneContext(suite.browser), suite.app, created.joinCode, name, org, pageErrors);
    const anna = await joinAs('Anna Berg', 'Primärvård');
    const omar = await joinAs('Omar Said', 'Kommun – hemtjänst');
    const lena = await joinAs('Lena Ek', 'Geriatrik');
    const phones = [anna, omar, lena];

    // one group of all three
    await cons.getByRole('button', { name: 'Gå till Fördjupa', exact: true }).click();
    await cons.getByLabel('Ange').selectOption('count');
    await cons.getByLabel('Antal grupper').fill('1');
    await cons.getByRole('button', { name: 'Dela in grupperna' }).click();
    for (const page of phones) await page.locator('.dd-group-name', { hasText: 'Grupp 1' }).waitFor({ timeout: 20_000 });
    const card = cons.getByRole('region', { name: 'Grupp 1', exact: true });
    await card.getByText('Redigera svaren för Grupp 1').click();

    // ── case 1: three typists, one box, at the same time ─────────────────────────────────────
    await anna.getByRole('button', { name: 'Lägg till svar: a) Varför är det ett problem?' }).click();
    for (const page of phones) await page.getByLabel(WHY).waitFor({ timeout: 20_000 });
    await card.getByLabel(WHY).waitFor({ timeout: 20_000 });
    for (const page of [omar, lena]) await page.getByLabel(WHY).click();
    await anna.getByLabel(WHY).click();
    await Promise.all([
      anna.keyboard.type(SENTENCES.anna, { delay: 35 }),
      omar.keyboard.type(SENTENCES.omar, { delay: 45 }),
      lena.keyboard.type(SENTENCES.lena, { delay: 40 }),
    ]);
    const total = Object.values(SENTENCES).join('').length;
    const settled = async (page: Page) => {
      await expect.poll(async () => (await page.getByLabel(WHY).inputValue()).length, { timeout: 20_000 }).toBe(total);
      return page.getByLabel(WHY).inputValue();
    };
    const finals = await Promise.all([...phones, cons].map(settled));
    await anna.screenshot({ path: join(SHOTS_DIR, 'cotype-1-phone-three-typists.png'), fullPage: true });
    for (const text of finals) {
      for (const sentence of Object.values(SENTENCES)) expect(text).toContain(sentence);
      expect(text).toBe(finals[0]);
    }

    // ── case 2: two members add a proposal at the same moment and type without tapping ───────
    await Promise.all([omar, lena].map((page) => page.getByRole('button', { name: 'Lägg till lösningsförslag' }).click()));
    await Promise.all([omar.keyboard.type('Gemensam checklista', { delay: 30 }), lena.keyboard.type('Ett telefonnummer', { delay: 30 })]);
    const proposals = anna.getByRole('textbox', { name: /^d\) Förslag på lösningar – svar \d$/ });
    await expect.poll(async () => (await proposals.evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value))).sort(), { timeout: 20_000 }).toEqual([
      'Ett telefonnummer',
      'Gemensam checklista',
    ]);

    // ── someone else typing shows beside the box ─────────────────────────────────────────────
    await anna.getByLabel(WHY).click();
    await anna.keyboard.press('End');
    const typing = anna.keyboard.type(' Och utan återkoppling.', { delay: 120 });
    await omar.getByText('Anna Berg skriver…').waitFor({ timeout: 10_000 });
    await card.getByText('Anna Berg skriver…').waitFor({ timeout: 10_000 });
    await omar.screenshot({ path: join(SHOTS_DIR, 'cotype-2-phone-someone-typing.png'), fullPage: true });
    expect(await anna.getByText('Anna Berg skriver…').count()).toBe(0);
    await typing;

    // ── an input method composing (a dead key: ¨ then a) while someone else types in the box ────
    await expect.poll(() => omar.getByLabel(WHY).inputValue(), { timeout: 20_000 }).toContain(' Och utan återkoppling.');
    const before = await omar.getByLabel(WHY).inputValue();
    await omar.getByLabel(WHY).click();
    await omar.keyboard.press('Control+Home');
    const ime = await omar.context().newCDPSession(omar);
    await ime.send('Input.imeSetComposition', { text: '¨', selectionStart: 1, selectionEnd: 1 });
    await lena.getByLabel(WHY).click();
    await lena.keyboard.press('Control+End');
    await lena.keyboard.type(' Tack.', { delay: 30 });
    // mid-composition the box is left alone: Lena's words wait. They have reached the console, so
    // they have reached the relay and Omar's phone too: only the binding can be holding them back
    await expect.poll(() => cons.getByLabel(WHY).inputValue(), { timeout: 20_000 }).toContain(' Tack.');
    expect(await omar.getByLabel(WHY).inputValue()).toBe('¨' + before);
    await ime.send('Input.insertText', { text: 'ä' });
    await omar.keyboard.type('ven ', { delay: 30 });
    const composed = 'även ' + before + ' Tack.';
    for (const page of [...phones, cons]) await expect.poll(() => page.getByLabel(WHY).inputValue(), { timeout: 20_000 }).toBe(composed);
    await ime.detach();

    // the facilitator editing under "Redigera svaren" shows on the phones too
    await card.getByLabel(WHY).click();
    await cons.keyboard.press('Control+End');
    const facilitatorTyping = cons.keyboard.type(' Bra.', { delay: 150 });
    await anna.getByText('Mötesledaren skriver…').waitFor({ timeout: 10_000 });
    await cons.screenshot({ path: join(SHOTS_DIR, 'cotype-3-console-editing.png'), fullPage: true });
    await facilitatorTyping;
    for (const page of phones) await expect.poll(() => page.getByLabel(WHY).inputValue(), { timeout: 20_000 }).toBe(composed + ' Bra.');
    // a pause ends "skriver…" everywhere
    for (const page of [...phones, cons]) await page.getByText(/skriver…$/).first().waitFor({ state: 'detached', timeout: 10_000 });
    await expectNoSeriousAxeBoth(omar, 'deep-dive phone while another member types');
    expect(pageErrors).toEqual([]);
  });
});
