// The deep dive with a room of ten phones: the facilitator forms mixed groups, drags a person to
// another group with the mouse and back with the keyboard, drags a latecomer in by finger, and each
// phone follows. Then the groups' proposals reach the solution vote by themselves: one deleted
// before the reveal drops out (its dot goes back), wording edited on the console follows, and after
// the reveal the proposals stay fixed. axe on the console's groups view and the phones, sv and en.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  collectPageErrors,
  createMeetingFromLanding,
  expectNoSeriousAxeBoth,
  fillJoinForm,
  appAndBrowserPerSuite,
  phoneContext,
} from './harness';

const PEOPLE: [string, string][] = [
  ['Anna Berg', 'Primärvård'],
  ['Omar Said', 'Kommun – hemtjänst'],
  ['Lena Ek', 'Geriatrik'],
  ['Per Holm', 'Primärvård'],
  ['Sara Lind', 'Kommun – hemtjänst'],
  ['Jonas Åberg', 'Geriatrik'],
  ['Maria Nyström', 'Primärvård'],
  ['Ali Hassan', 'Kommun – hemtjänst'],
  ['Karin Sjö', 'Geriatrik'],
];

describe('groups on the console with ten phones', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  async function joinPhone(code: string, name: string, organisation: string): Promise<Page> {
    const context: BrowserContext = await phoneContext(suite.browser);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    await page.goto(`${suite.app.url}/j/${code}`);
    return fillJoinForm(page, name, organisation);
  }

  it('moves people by mouse, finger and keyboard drag, and round 2 votes on the groups’ proposals as they are', { timeout: 300_000 }, async () => {
    // a laptop with a touch screen: the same console is dragged by mouse, finger and keyboard
    const laptop = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE', hasTouch: true });
    const cons = await laptop.newPage();
    collectPageErrors(cons, pageErrors);
    const created = await createMeetingFromLanding(cons, suite.app.url, 'Samordnad utskrivning, Söderort');
    const phones = new Map<string, Page>();
    for (let i = 0; i < PEOPLE.length; i += 3) {
      const batch = PEOPLE.slice(i, i + 3);
      const pages = await Promise.all(batch.map(([name, org]) => joinPhone(created.joinCode, name, org)));
      batch.forEach(([name], j) => phones.set(name, pages[j]));
    }
    const goTo = (phase: string) => cons.getByRole('button', { name: `Gå till ${phase}`, exact: true }).click();
    const groupOf = async (page: Page) => (await page.locator('.dd-group-name').innerText()).trim();
    const region = (name: string) => cons.getByRole('region', { name, exact: true });
    const live = cons.locator('[id^="DndLiveRegion"]');

    // ── three mixed groups of three ──────────────────────────────────────────────────────────
    await goTo('Fördjupa');
    await cons.getByLabel('Personer per grupp').fill('3');
    await cons.getByRole('button', { name: 'Dela in grupperna' }).click();
    await region('Grupp 3').waitFor();
    for (const page of phones.values()) await page.locator('.dd-group-name').waitFor({ timeout: 20_000 });

    // ── the mouse: the first person of group 1 to group 2 ───────────────────────────────────
    const handle = region('Grupp 1').getByRole('button', { name: /^Dra .+ till en annan grupp$/ }).first();
    const moved = (await handle.getAttribute('aria-label'))!.replace(/^Dra (.+) till en annan grupp$/, '$1');
    const movedPhone = phones.get(moved)!;
    expect(await groupOf(movedPhone)).toBe('Grupp 1');
    await dragWithMouse(cons, handle, region('Grupp 2').getByRole('heading', { name: 'Grupp 2' }));
    await region('Grupp 2').getByRole('button', { name: `Dra ${moved} till en annan grupp` }).waitFor();
    await movedPhone.locator('.dd-group-name', { hasText: 'Grupp 2' }).waitFor({ timeout: 20_000 });
    await cons.screenshot({ path: join(SHOTS_DIR, 'groups-1-console-after-mouse-drag.png'), fullPage: true });

    // ── the keyboard: Space, an arrow, Space takes them back to group 1 ───────────────────────
    await cons.getByRole('button', { name: `Dra ${moved} till en annan grupp` }).focus();
    await cons.keyboard.press('Space');
    await expect.poll(() => live.innerText()).toBe(`Lyfte ${moved}.`);
    await cons.keyboard.press('ArrowDown');
    await expect.poll(() => live.innerText()).toBe(`${moved} är över Grupp 1.`);
    await cons.keyboard.press('Space');
    await expect.poll(() => live.innerText()).toBe(`Flyttade ${moved} till Grupp 1.`);
    await movedPhone.locator('.dd-group-name', { hasText: 'Grupp 1' }).waitFor({ timeout: 20_000 });

    // ── a latecomer waits in "Utan grupp" and is dragged into group 3 by finger ───────────────
    const late = await joinPhone(created.joinCode, 'Eva Dahl', 'Region – närakut');
    await late.getByText('Du är inte med i någon grupp än. Mötesledaren delar in grupperna.').waitFor({ timeout: 20_000 });
    const tray = region('Utan grupp');
    await dragWithFinger(cons, tray.getByRole('button', { name: 'Dra Eva Dahl till en annan grupp' }), region('Grupp 3').getByRole('heading', { name: 'Grupp 3' }));
    await late.locator('.dd-group-name', { hasText: 'Grupp 3' }).waitFor({ timeout: 20_000 });
    await tray.getByText('Alla är med i en grupp.').waitFor();
    phones.set('Eva Dahl', late);
    await cons.screenshot({ path: join(SHOTS_DIR, 'groups-2-console-groups.png'), fullPage: true });
    await late.screenshot({ path: join(SHOTS_DIR, 'groups-3-phone-group.png'), fullPage: true });
    await expectNoSeriousAxeBoth(cons, 'groups console with drag');
    await expectNoSeriousAxeBoth(late, 'group phone');

    // ── one proposal per group, typed on a member's phone ───────────────────────────────────
    const byGroup = new Map<string, Page[]>();
    for (const page of phones.values()) {
      const g = await groupOf(page);
      byGroup.set(g, [...(byGroup.get(g) ?? []), page]);
    }
    expect([...byGroup.keys()].sort()).toEqual(['Grupp 1', 'Grupp 2', 'Grupp 3']);
    const proposal = (g: number) => `Förslag från grupp ${g}`;
    for (const g of [1, 2, 3]) {
      const member = byGroup.get(`Grupp ${g}`)![0];
      await member.getByRole('button', { name: 'Lägg till lösningsförslag' }).click();
      await member.getByLabel('d) Förslag på lösningar – svar 1').fill(proposal(g));
    }

    // ── the vote: the proposals are there without any button ─────────────────────────────────
    await goTo('Prioritera lösningar');
    await cons.getByText('3 att rösta på.').waitFor({ timeout: 20_000 });
    const voter = phones.get('Anna Berg')!;
    await voter.getByRole('button', { name: `Lägg prick på ”${proposal(3)}”` }).click();
    await voter.getByText('Prickar kvar: 2 av 3').waitFor();
    await voter.screenshot({ path: join(SHOTS_DIR, 'groups-4-phone-solution-vote.png'), fullPage: true });
    await expectNoSeriousAxeBoth(voter, 'solution voting phone');
    await expectNoSeriousAxeBoth(cons, 'solution voting console');

    // before the reveal: group 3's proposal is deleted and group 1's reworded on the console
    await goTo('Fördjupa');
    await region('Grupp 3').getByText('Redigera svaren för Grupp 3').click();
    await region('Grupp 3').getByRole('button', { name: 'Ta bort svar 1 under d) Förslag på lösningar' }).click();
    await region('Grupp 1').getByText('Redigera svaren för Grupp 1').click();
    await region('Grupp 1').getByLabel('d) Förslag på lösningar – svar 1').fill('Gemensam checklista vid utskrivning');
    await goTo('Prioritera lösningar');
    await cons.getByText('2 att rösta på.').waitFor({ timeout: 20_000 });
    await voter.getByRole('button', { name: 'Lägg prick på ”Gemensam checklista vid utskrivning”' }).waitFor({ timeout: 20_000 });
    expect(await voter.getByRole('button', { name: `Lägg prick på ”${proposal(3)}”` }).count()).toBe(0);
    // the dot on the deleted proposal went back
    await voter.getByText('Prickar kvar: 3 av 3').waitFor();
    await voter.getByRole('button', { name: 'Lägg prick på ”Gemensam checklista vid utskrivning”' }).click();

    // after the reveal the proposals stay as they were, even if a group deletes one
    await cons.getByRole('button', { name: 'Visa resultatet' }).click();
    await cons.getByRole('button', { name: 'Ja, visa' }).click();
    await cons.getByRole('checkbox', { name: 'Gemensam checklista vid utskrivning (1 prick)' }).waitFor({ timeout: 20_000 });
    await goTo('Fördjupa');
    await region('Grupp 2').getByText('Redigera svaren för Grupp 2').click();
    await region('Grupp 2').getByRole('button', { name: 'Ta bort svar 1 under d) Förslag på lösningar' }).click();
    await goTo('Prioritera lösningar');
    await cons.getByRole('checkbox', { name: `${proposal(2)} (0 prickar)` }).waitFor({ timeout: 20_000 });
    await cons.getByText('2 att rösta på.').waitFor();
    await cons.screenshot({ path: join(SHOTS_DIR, 'groups-5-console-solution-result.png'), fullPage: true });

    expect(pageErrors).toEqual([]);
  });
});

/** A real mouse drag: press on the handle, move in steps (past dnd-kit's 6 px start), release on the target. */
async function dragWithMouse(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
  const b = (await to.boundingBox())!;
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** A real touch drag through Chromium's input pipeline: hold still past dnd-kit's 250 ms, move, lift. */
async function dragWithFinger(page: Page, from: ReturnType<Page['locator']>, to: ReturnType<Page['locator']>) {
  await from.scrollIntoViewIfNeeded();
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  const start = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
  const end = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  await touch('touchStart', start.x, start.y);
  await page.waitForTimeout(400);
  for (let i = 1; i <= 12; i++) await touch('touchMove', start.x + ((end.x - start.x) * i) / 12, start.y + ((end.y - start.y) * i) / 12);
  await touch('touchEnd', end.x, end.y);
  await cdp.detach();
}
