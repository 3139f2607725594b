// Phases 4–8 as a real meeting: three phones vote with hidden dots, the facilitator reveals and picks
// the top area, two mixed groups answer the four questions from their phones at once, solutions
// are voted on, two next steps get owner/date/mandate (one volunteered from a phone), everyone
// checks out with an anonymous rating and the board shows the distribution. axe-core runs on
// every new view — console, board, phone — in Swedish and English.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  collectPageErrors,
  expectNoSeriousAxeBoth,
  createMeetingFromLanding,
  laptopContext,
  appAndBrowserPerSuite,
  phoneContext,
  PROJECTOR,
  openBoard,
  joinByCode,
} from './harness';

const NOTES = { anna: 'Epikrisen kommer för sent', omar: 'Hemtjänsten vet inte utskrivningsdatum', lena: 'Ingen gemensam vårdplan' };

describe('dot voting, deep dive, solutions, next steps and check-out with a room of phones', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  const joinPhone = (context: BrowserContext, code: string, name: string, organisation: string) =>
    joinByCode(context, suite.app, code, name, organisation, pageErrors);

  it('runs phases 4–8 and the board shows the anonymous rating’s distribution', { timeout: 300_000 }, async () => {
    const laptop = await laptopContext(suite.browser);
    const cons = await laptop.newPage();
    collectPageErrors(cons, pageErrors);
    const created = await createMeetingFromLanding(cons, suite.app.url, 'Utskrivningsprocessen, Norrort');
    const boardContext = await laptopContext(suite.browser, PROJECTOR);
    const board = await openBoard(boardContext, suite.app, created, pageErrors);
    const contexts = await Promise.all([phoneContext(suite.browser), phoneContext(suite.browser), phoneContext(suite.browser)]);
    const anna = await joinPhone(contexts[0], created.joinCode, 'Anna Berg', 'Primärvård');
    const omar = await joinPhone(contexts[1], created.joinCode, 'Omar Said', 'Kommun – hemtjänst');
    const lena = await joinPhone(contexts[2], created.joinCode, 'Lena Ek', 'Primärvård');
    const phones = [anna, omar, lena];
    const goTo = (phase: string) => cons.getByRole('button', { name: `Gå till ${phase}`, exact: true }).click();

    // ── the notes to vote on (phases 1–3 are covered by workshop.test.ts) ─────────────────
    console.log('step: the notes to vote on (phases 1–3 are covered by workshop.test.ts)', new Date().toISOString());
    await goTo('Identifiera brister');
    for (const [page, text] of [[anna, NOTES.anna], [omar, NOTES.omar], [lena, NOTES.lena]] as const) {
      await page.getByLabel('Ny lapp').fill(text);
      await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    }
    await board.getByText('3 lappar från 3 av 3 deltagare').first().waitFor({ timeout: 20_000 });
    await cons.getByRole('button', { name: 'Visa alla lappar' }).click();
    await cons.getByRole('button', { name: 'Ja, visa alla lappar' }).click();
    await board.getByText(NOTES.lena).first().waitFor();

    // ── dot voting: hidden until the reveal ───────────────────────────────────────────────
    console.log('step: dot voting: hidden until the reveal', new Date().toISOString());
    await goTo('Prioritera');
    const place = (page: Page, label: string) => page.getByRole('button', { name: `Lägg prick på ”${label}”` }).click();
    for (const page of phones) await page.getByText('Prickar kvar: 3 av 3').waitFor();
    await expectNoSeriousAxeBoth(anna, 'voting phone');
    for (let i = 0; i < 3; i++) await place(anna, NOTES.omar);
    await anna.getByText('Prickar kvar: 0 av 3').waitFor();
    expect(await anna.getByRole('button', { name: `Lägg prick på ”${NOTES.lena}”` }).isDisabled()).toBe(true);
    await place(omar, NOTES.omar);
    await place(omar, NOTES.omar);
    await place(omar, NOTES.anna);
    await place(lena, NOTES.lena);
    await lena.getByRole('button', { name: 'Jag är klar' }).click();
    await board.getByText('3 av 3 har röstat klart').waitFor({ timeout: 20_000 });
    await cons.getByText('3 av 3 har röstat klart').waitFor();
    // nobody's dots are on the board or the console before the reveal
    expect(await board.getByText('5 prickar').count()).toBe(0);
    await expectNoSeriousAxeBoth(board, 'voting board');
    await expectNoSeriousAxeBoth(cons, 'voting console');
    await cons.getByRole('button', { name: 'Visa resultatet' }).click();
    await cons.getByRole('button', { name: 'Ja, visa' }).click();
    await board.getByText('5 prickar').waitFor({ timeout: 20_000 });
    // Anna's and Lena's notes have one dot each: a shared place
    await expect.poll(() => board.getByText('2. (delad plats)').count()).toBe(2);
    await cons.getByRole('checkbox', { name: `${NOTES.omar} (5 prickar)` }).check();
    await board.getByText('– valt').waitFor();
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop2-1-voting-board.png') });
    // the chart reads as a table from the back of the room: labels, bars and counts line up from row
    // to row, whatever the width of each row's place ("1." or "2. (delad plats)") and count
    const columns = await board.evaluate(() =>
      ['.vote-chart-label', '.vote-chart-bar', '.vote-chart-count'].map((cls) => [...document.querySelectorAll(`.vote-chart-board ${cls}`)].map((el) => Math.round(el.getBoundingClientRect().left))),
    );
    for (const lefts of columns) expect(new Set(lefts).size, `left edges ${lefts.join(', ')}`).toBe(1);
    await expectNoSeriousAxeBoth(board, 'voting result board');
    await expectNoSeriousAxeBoth(anna, 'voting result phone');
    // on a 360 px phone the label keeps most of the row: the place column ("2. (delad plats)")
    // wraps instead, so an area's name breaks between words, not inside them
    const phoneChart = await anna.evaluate(() => {
      const chart = document.querySelector('.vote-chart-phone')!.getBoundingClientRect();
      return [...document.querySelectorAll('.vote-chart-phone .vote-chart-label')].map((el) => (el.getBoundingClientRect().width / chart.width).toFixed(2));
    });
    for (const share of phoneChart) expect(Number(share), `label widths ${phoneChart.join(', ')}`).toBeGreaterThan(0.6);

    // ── deep dive: two mixed groups answer from their phones at the same time ─────────────
    console.log('step: deep dive: two mixed groups answer from their phones at the same time', new Date().toISOString());
    await goTo('Fördjupa');
    await cons.getByLabel('Ange').selectOption('count');
    await cons.getByLabel('Antal grupper').fill('2');
    await cons.getByRole('button', { name: 'Dela in grupperna' }).click();
    await cons.getByRole('region', { name: 'Grupp 2' }).waitFor();
    for (const name of ['Grupp 1', 'Grupp 2']) {
      await cons.getByRole('region', { name }).getByLabel('Område').selectOption({ label: NOTES.omar });
    }
    const groupOf = async (page: Page) => (await page.locator('.dd-group-name').innerText()).trim();
    for (const page of phones) await page.getByText(`Område: ${NOTES.omar}`).waitFor();
    const names = await Promise.all(phones.map(groupOf));
    const groups = ['Grupp 1', 'Grupp 2'].map((g) => phones.filter((_, i) => names[i] === g));
    expect(groups.map((g) => g.length).sort()).toEqual([1, 2]);
    // the two Primärvård people are not in the same group: organisations are mixed
    expect(names[0]).not.toBe(names[2]);
    await expectNoSeriousAxeBoth(anna, 'deep dive phone');

    const WHY = 'a) Varför är det ett problem?';
    const proposals = ['Gemensam checklista vid utskrivning', 'Ringa hemtjänsten dagen före'];
    await Promise.all(
      groups.map(async (members, gi) => {
        // each member adds an answer under a), then all type at once
        for (const [mi, page] of members.entries()) {
          await page.getByRole('button', { name: `Lägg till svar: ${WHY}` }).click();
          for (const other of members) await other.getByLabel(`${WHY} – svar ${mi + 1}`).waitFor();
        }
        await Promise.all(
          members.map((page, mi) => page.getByLabel(`${WHY} – svar ${mi + 1}`).pressSequentially(`Grupp ${gi + 1} person ${mi + 1} svarar`, { delay: 5 })),
        );
        await members[0].getByRole('button', { name: 'Lägg till lösningsförslag' }).click();
        await members[0].getByLabel('d) Förslag på lösningar – svar 1').fill(proposals[gi]);
      }),
    );
    for (const [gi, members] of groups.entries()) {
      for (const mi of members.keys()) await board.getByText(`Grupp ${gi + 1} person ${mi + 1} svarar`, { exact: true }).waitFor({ timeout: 20_000 });
      // a hyphenated text is on the board twice: for the eye and for screen readers
      await board.getByText(proposals[gi], { exact: true }).first().waitFor();
    }
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop2-2-deepdive-board.png') });
    await expectNoSeriousAxeBoth(board, 'deep dive board');
    await expectNoSeriousAxeBoth(cons, 'deep dive console');

    // ── solution voting: the same machinery, its own round; the groups' proposals arrive by themselves
    console.log('step: solution voting: the same machinery, its own round', new Date().toISOString());
    await goTo('Prioritera lösningar');
    await cons.getByText('2 att rösta på.').waitFor({ timeout: 20_000 });
    for (const page of [anna, omar]) await place(page, proposals[0]);
    await place(lena, proposals[1]);
    for (const page of phones) await page.getByRole('button', { name: 'Jag är klar' }).click();
    await board.getByText('3 av 3 har röstat klart').waitFor({ timeout: 20_000 });
    await expectNoSeriousAxeBoth(omar, 'solution voting phone');
    await cons.getByRole('button', { name: 'Visa resultatet' }).click();
    await cons.getByRole('button', { name: 'Ja, visa' }).click();
    await cons.getByRole('checkbox', { name: `${proposals[0]} (2 prickar)` }).check();
    await board.getByText('– valt').waitFor({ timeout: 20_000 });

    // ── next steps: owner, date and mandate; one volunteered from a phone ────────────────
    console.log('step: next steps: owner, date and mandate; one volunteered from a phone', new Date().toISOString());
    await goTo('Nästa steg');
    const addFor = cons.getByRole('button', { name: `Lägg till nästa steg för ”${proposals[0]}”` });
    await addFor.click();
    const step1 = cons.getByRole('group', { name: 'Steg 1' });
    await step1.getByLabel('Vad').fill('Ta fram checklistan');
    await step1.getByLabel('Vem').selectOption({ label: 'Anna Berg (Primärvård)' });
    await step1.getByLabel('Senast').fill('2026-12-15');
    await addFor.click();
    const step2 = cons.getByRole('group', { name: 'Steg 2' });
    await step2.getByLabel('Vad').fill('Förankra rutinen');
    await step2.getByLabel('Senast').fill('2027-01-31');
    await step2.getByLabel('Mandat').selectOption('propose');
    await step2.getByLabel(/^Förslag till \(/).fill('Ledningsgruppen vård och omsorg');
    await omar.getByRole('button', { name: 'Jag tar den: Förankra rutinen' }).click();
    await omar.getByRole('heading', { name: 'Mina nästa steg (1)' }).waitFor({ timeout: 20_000 });
    await anna.getByRole('heading', { name: 'Mina nästa steg (1)' }).waitFor();
    const row = board.getByRole('row').filter({ hasText: 'Förankra rutinen' });
    await row.getByText('Omar Said').waitFor();
    await row.getByText('Förslag till Ledningsgruppen vård och omsorg').waitFor();
    await board.getByRole('row').filter({ hasText: 'Ta fram checklistan' }).getByText('2026-12-15').waitFor();
    await expectNoSeriousAxeBoth(board, 'next steps board');
    await expectNoSeriousAxeBoth(cons, 'next steps console');
    await cons.screenshot({ path: join(SHOTS_DIR, 'workshop2-nextsteps-console.png'), fullPage: true });
    await expectNoSeriousAxeBoth(omar, 'next steps phone');

    // ── check-out with the anonymous rating ───────────────────────────────────────────────
    console.log('step: check-out with the anonymous rating', new Date().toISOString());
    await goTo('Utcheckning');
    await cons.getByRole('button', { name: 'Använd frågan: Vad tar du med dig från dagens möte?' }).click();
    await cons.getByRole('button', { name: 'Talarordning efter ankomst' }).click();
    await anna.getByText('Vad tar du med dig från dagens möte?').first().waitFor();
    await anna.getByLabel('Ditt svar (frivilligt, syns på tavlan)').fill('Vi har en plan');
    await anna.getByRole('button', { name: 'Spara svar' }).click();
    await omar.getByRole('button', { name: 'Stå över' }).click();
    await board.getByText('Vi har en plan').first().waitFor({ timeout: 20_000 });
    await expectNoSeriousAxeBoth(lena, 'check-out phone');
    for (const [page, value] of [[anna, '4'], [omar, '5 – Instämmer helt'], [lena, '4']] as const) {
      await page.getByRole('radio', { name: value, exact: true }).check();
    }
    await board.getByText('3 har svarat.').waitFor({ timeout: 20_000 });
    await expectNoSeriousAxeBoth(cons, 'check-out console');
    await cons.getByRole('button', { name: 'Visa fördelningen' }).click();
    await board.getByText('Antal svar: 3').waitFor({ timeout: 20_000 });
    await expect.poll(() => board.locator('.rating-n').allInnerTexts()).toEqual(['0 st', '0 st', '0 st', '2 st', '1 st']);
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop2-3-checkout-board.png') });
    // the rating's bars share one track, and the speakers' status words start at one edge
    const edges = await board.evaluate(() => {
      const rect = (sel: string) => [...document.querySelectorAll(sel)].map((el) => el.getBoundingClientRect());
      return {
        barLefts: rect('.rating-bar').map((r) => Math.round(r.left)),
        barRights: rect('.rating-bar').map((r) => Math.round(r.right)),
        statusLefts: rect('.speaker__status').map((r) => Math.round(r.left)),
      };
    });
    expect(edges.barLefts.length).toBe(5);
    for (const [what, xs] of Object.entries(edges)) expect(new Set(xs).size, `${what}: ${xs.join(', ')}`).toBe(1);
    await expectNoSeriousAxeBoth(board, 'check-out board');

    expect(pageErrors).toEqual([]);
  });
});
