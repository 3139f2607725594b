// The whole meeting, phases 1–9, by keyboard only: the facilitator's console and one phone are
// driven with Tab / Shift+Tab / Enter / Space / arrows and typing, never a click or a tap. Reaching a
// control means tabbing to it from wherever the focus is, so an unreachable control, a focus trap or
// focus lost on a re-render fails the test. axe-core runs on every view it visits, and the live
// regions say the phase changes, the revealed results and the timer's last minute, in sv and en.
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS_DIR, appAndBrowserPerSuite, collectPageErrors, expectNoSeriousAxe, laptopContext, phoneContext } from './harness';

const NOTES = ['Epikrisen kommer för sent', 'Hemtjänsten vet inte utskrivningsdatum'];
const PROPOSAL = 'Gemensam checklista vid utskrivning';

/** Where the target lies from the focused element: 0 focused, 1 after it, -1 before it. */
const direction = (target: Locator) =>
  target.evaluate((el) => {
    const active = document.activeElement;
    if (active === el) return 0;
    if (!active || active === document.body) return 1;
    return active.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1;
  });

/** Tabs (or Shift+Tabs) from wherever the focus is to `target`; fails when Tab never gets there. */
async function tabTo(page: Page, target: Locator, what: string): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: 20_000 });
  let presses = 0;
  for (let last = 2; presses < 250; presses++) {
    const where = await direction(target);
    if (where === 0) return;
    // turned back and forth: the target is between two stops, so Tab never lands on it
    if (last !== 2 && where !== last && presses > 2) break;
    last = where;
    await page.keyboard.press(where > 0 ? 'Tab' : 'Shift+Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`Tab does not reach ${what} (${presses} presses; focus on ${focused})`);
}

/** Controls after which the focus fell back to the page: a keyboard user starts again from the top. */
const lostFocus: string[] = [];

/** Tabs to a control and presses a key on it (Enter for buttons, Space for checkboxes). */
async function press(page: Page, target: Locator, what: string, key = 'Enter') {
  await tabTo(page, target, what);
  await page.keyboard.press(key);
  await page.waitForTimeout(300);
  if (await page.evaluate(() => !document.activeElement || document.activeElement === document.body)) lostFocus.push(what);
}

/** Tabs to a text field, selects what is in it and types. */
async function typeInto(page: Page, target: Locator, what: string, text: string) {
  await tabTo(page, target, what);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 5 });
}

const announced = (page: Page) => page.locator('[data-announcer]').allTextContents();
const expectAnnounced = (page: Page, text: string) => expect.poll(() => announced(page), { timeout: 20_000 }).toContain(text);

describe('the whole meeting by keyboard only', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  it('runs phases 1–9 on the console and a phone with the keyboard, announced through live regions in sv and en', { timeout: 400_000 }, async () => {
    const cons = await (await laptopContext(suite.browser)).newPage();
    collectPageErrors(cons, pageErrors);
    const step = (what: string) => console.log('step:', what, new Date().toISOString());
    const axe = async (page: Page, label: string) => expectNoSeriousAxe(page, label);

    // ── the facilitator creates the meeting from the start page ──────────────────────────
    step('create');
    await cons.goto(suite.app.url);
    await axe(cons, 'start page');
    await typeInto(cons, cons.getByLabel('Mötets namn'), 'the title', 'Utskrivningen, Norrort');
    const [response] = await Promise.all([
      cons.waitForResponse((r) => r.url().endsWith('/api/meetings') && r.request().method() === 'POST'),
      press(cons, cons.getByRole('button', { name: 'Skapa möte' }), 'Skapa möte'),
    ]);
    const { joinCode } = (await response.json()) as { joinCode: string };
    await cons.waitForURL((url) => /\/m\/[\w-]+\/f$/.test(url.pathname));
    expect(joinCode).not.toBe('');

    // ── a phone joins with the code, by keyboard ─────────────────────────────────────────
    step('join');
    const phone = await (await phoneContext(suite.browser)).newPage();
    collectPageErrors(phone, pageErrors);
    await phone.goto(`${suite.app.url}/j/${joinCode}`);
    await axe(phone, 'join form');
    await typeInto(phone, phone.getByLabel('Ditt namn'), 'name', 'Åsa Öberg');
    await typeInto(phone, phone.getByLabel('Din organisation'), 'organisation', 'Region Västerbotten');
    await press(phone, phone.getByRole('button', { name: 'Gå med' }), 'Gå med');
    await phone.getByText('Du är Åsa Öberg, Region Västerbotten').waitFor();
    await axe(phone, 'setup phone');
    await axe(cons, 'setup console');
    const nextPhase = async (name: string) => {
      await press(cons, cons.getByRole('button', { name: 'Nästa fas' }), 'Nästa fas');
      await cons.getByRole('heading', { level: 1, name }).waitFor();
      await expectAnnounced(phone, `Ny fas: ${name}.`);
    };

    // ── 1. check-in, with a timer whose last minute is announced ─────────────────────────
    step('checkin');
    await nextPhase('Incheckning');
    await expectAnnounced(cons, 'Ny fas: Incheckning.');
    await press(cons, cons.getByRole('button', { name: 'Använd frågan: Vad har du med dig in i dagens möte?' }), 'a suggested question');
    await press(cons, cons.getByRole('button', { name: 'Talarordning efter ankomst' }), 'order by arrival');
    await press(cons, cons.getByRole('button', { name: 'Starta rundan' }), 'start the round');
    await phone.getByText('Vad har du med dig in i dagens möte?').first().waitFor();
    await typeInto(phone, phone.getByLabel('Ditt svar (frivilligt, syns på tavlan)'), 'check-in answer', 'Nyfiken');
    await press(phone, phone.getByRole('button', { name: 'Spara svar' }), 'save the answer');
    await cons.getByText('Nyfiken').first().waitFor({ timeout: 20_000 });
    await typeInto(cons, cons.getByLabel('Minuter'), 'timer minutes', '0.5');
    await press(cons, cons.getByRole('button', { name: 'Starta timer' }), 'start the timer');
    await expectAnnounced(phone, 'En minut kvar på timern.');
    await expectAnnounced(cons, 'En minut kvar på timern.');
    await press(cons, cons.getByRole('button', { name: 'Nollställ timer' }), 'reset the timer');
    await axe(phone, 'check-in phone');
    await axe(cons, 'check-in console');

    // ── 2. gathering ─────────────────────────────────────────────────────────────────────
    step('gathering');
    await nextPhase('Identifiera brister');
    for (const text of NOTES) {
      await typeInto(phone, phone.getByLabel('Ny lapp'), 'the note', text);
      await press(phone, phone.getByRole('button', { name: 'Lägg till', exact: true }), 'add the note');
      await phone.getByText(text).first().waitFor();
    }
    await axe(phone, 'gathering phone');
    await press(cons, cons.getByRole('button', { name: 'Visa alla lappar' }), 'reveal');
    await press(cons, cons.getByRole('button', { name: 'Ja, visa alla lappar' }), 'confirm the reveal');
    await axe(cons, 'gathering console');

    // ── 3. clustering: the note's menu makes a cluster and moves the other note into it ──
    step('clustering');
    await nextPhase('Klustra');
    await press(cons, cons.getByRole('button', { name: `Åtgärder för lappen ”${NOTES[0]}”` }), 'the first note’s menu');
    // the menu opens with the focus on "Flytta till kluster"; the arrow picks "Nytt kluster"
    await expect.poll(() => cons.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await cons.keyboard.press('ArrowDown');
    const cluster = cons.getByRole('region', { name: /^Kluster / });
    await cluster.first().waitFor();
    const clusterName = ((await cluster.first().getAttribute('aria-label')) ?? '').replace(/^Kluster /, '');
    await press(cons, cons.getByRole('button', { name: `Åtgärder för lappen ”${NOTES[1]}”` }), 'the second note’s menu');
    await expect.poll(() => cons.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await cons.keyboard.press('ArrowDown');
    await expect.poll(() => cluster.first().getByText(NOTES[1]).count()).toBeGreaterThan(0);
    await axe(cons, 'clustering console');
    await axe(phone, 'clustering phone');

    // ── 4. dot voting ────────────────────────────────────────────────────────────────────
    step('voting');
    await nextPhase('Prioritera');
    const placeOnCluster = phone.getByRole('button', { name: `Lägg prick på ”${clusterName}”` });
    for (let i = 0; i < 3; i++) await press(phone, placeOnCluster, 'place a dot');
    await phone.getByText('Prickar kvar: 0 av 3').waitFor();
    await axe(phone, 'voting phone');
    await cons.getByText('1 av 1 har röstat klart').waitFor({ timeout: 20_000 });
    await press(cons, cons.getByRole('button', { name: 'Visa resultatet' }), 'reveal the votes');
    await press(cons, cons.getByRole('button', { name: 'Ja, visa' }), 'confirm');
    await expectAnnounced(phone, `Resultatet visas. Flest prickar: ${clusterName}, 3 prickar.`);
    await press(cons, cons.getByRole('checkbox', { name: `${clusterName} (3 prickar)` }), 'choose the area', 'Space');
    await expect.poll(() => cons.getByRole('checkbox', { name: `${clusterName} (3 prickar)` }).isChecked()).toBe(true);
    await axe(cons, 'voting result console');
    await axe(phone, 'voting result phone');

    // ── 5. deep dive: the group gets the chosen area by itself; the phone answers ────────
    step('deepdive');
    await nextPhase('Fördjupa');
    await press(cons, cons.getByRole('button', { name: 'Dela in grupperna' }), 'form the groups');
    await phone.getByText(`Område: ${clusterName}`).waitFor({ timeout: 20_000 });
    const WHY = 'a) Varför är det ett problem?';
    await press(phone, phone.getByRole('button', { name: `Lägg till svar: ${WHY}` }), 'add an answer');
    await typeInto(phone, phone.getByLabel(`${WHY} – svar 1`), 'the answer', 'Ingen äger helheten');
    await press(phone, phone.getByRole('button', { name: 'Lägg till lösningsförslag' }), 'add a proposal');
    await typeInto(phone, phone.getByLabel('d) Förslag på lösningar – svar 1'), 'the proposal', PROPOSAL);
    await axe(phone, 'deep dive phone');
    await axe(cons, 'deep dive console');

    // ── 6. solution voting ───────────────────────────────────────────────────────────────
    step('solutions');
    await nextPhase('Prioritera lösningar');
    await cons.getByText('1 att rösta på.').waitFor({ timeout: 20_000 });
    await press(phone, phone.getByRole('button', { name: `Lägg prick på ”${PROPOSAL}”` }), 'vote for the proposal');
    await press(phone, phone.getByRole('button', { name: 'Jag är klar' }), 'done voting');
    await cons.getByText('1 av 1 har röstat klart').waitFor({ timeout: 20_000 });
    await press(cons, cons.getByRole('button', { name: 'Visa resultatet' }), 'reveal the solution votes');
    await press(cons, cons.getByRole('button', { name: 'Ja, visa' }), 'confirm');
    await expectAnnounced(phone, `Resultatet visas. Flest prickar: ${PROPOSAL}, 1 prick.`);
    await press(cons, cons.getByRole('checkbox', { name: `${PROPOSAL} (1 prick)` }), 'choose the proposal', 'Space');
    await axe(cons, 'solution vote console');
    await axe(phone, 'solution vote phone');

    // ── 7. next steps: one from the console, taken on by the phone ───────────────────────
    step('nextsteps');
    await nextPhase('Nästa steg');
    await press(cons, cons.getByRole('button', { name: `Lägg till nästa steg för ”${PROPOSAL}”` }), 'add a next step');
    await typeInto(cons, cons.getByRole('group', { name: 'Steg 1' }).getByLabel('Vad'), 'what', 'Ta fram checklistan');
    await press(phone, phone.getByRole('button', { name: 'Jag tar den: Ta fram checklistan' }), 'volunteer');
    await phone.getByRole('heading', { name: 'Mina nästa steg (1)' }).waitFor({ timeout: 20_000 });
    await axe(cons, 'next steps console');
    await axe(phone, 'next steps phone');

    // ── 8. check-out with the rating; the phone speaks English from here ─────────────────
    step('checkout');
    await nextPhase('Utcheckning');
    await press(cons, cons.getByRole('button', { name: 'Använd frågan: Vad tar du med dig från dagens möte?' }), 'the check-out question');
    await press(phone, phone.getByRole('button', { name: 'English', exact: true }), 'English');
    await phone.locator('html[lang="en"]').waitFor();
    // Tab enters the radio group; the arrows move the choice (and check it) from 1 to 4
    await tabTo(phone, phone.getByRole('radio', { name: '1 – Strongly disagree' }), 'the rating');
    for (let i = 0; i < 3; i++) await phone.keyboard.press('ArrowRight');
    await expect.poll(() => phone.getByRole('radio', { name: '4', exact: true }).isChecked()).toBe(true);
    await cons.getByText('1 har svarat.', { exact: false }).first().waitFor({ timeout: 20_000 });
    await press(cons, cons.getByRole('button', { name: 'Visa fördelningen' }), 'show the distribution');
    await expectAnnounced(phone, 'The rating’s distribution is shown once at least 3 have answered.');
    // the picker is still there while the distribution is shown
    await phone.getByRole('radio', { name: '4', exact: true }).waitFor();
    await axe(phone, 'check-out phone (en)');
    await axe(cons, 'check-out console');

    // ── 9. summary ───────────────────────────────────────────────────────────────────────
    step('summary');
    await press(cons, cons.getByRole('button', { name: 'Nästa fas' }), 'Nästa fas');
    await cons.getByRole('heading', { level: 1, name: 'Sammanfattning' }).waitFor();
    await expectAnnounced(phone, 'New phase: Summary.');
    await axe(phone, 'summary phone (en)');
    await axe(cons, 'summary console');
    await cons.screenshot({ path: join(SHOTS_DIR, 'keyboard-summary-console.png'), fullPage: true });
    await phone.screenshot({ path: join(SHOTS_DIR, 'keyboard-summary-phone.png'), fullPage: true });

    // where the focus may fall back to the page: a new page (creating, joining); the reveal's
    // confirmation, "Jag tar den" and the last "Nästa fas" hand it to what takes their place
    const elsewhere = ['Skapa möte', 'Gå med'];
    expect(lostFocus.filter((what) => !elsewhere.includes(what))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
