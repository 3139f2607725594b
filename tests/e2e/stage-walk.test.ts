// The walk-through after the reveal (issue 19, case 5): the board steps through every note at stage
// size, a page at a time. With 300 notes of every length at 1280×720, 1920×1080 and 3840×2160,
// paged with → on the facilitator's board window: every note id on exactly one page, no note
// past the stage's body or cut, text at the stage size, the same page count at every size, the
// view-only board on the same page, a phone marking its own note, axe clean.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SHOTS_DIR, collectPageErrors, expectNoSeriousAxe, expectNoSeriousAxeBoth, joinByCode, laptopContext, phoneContext } from './harness';
import { roomForFile } from './roomForFile';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

const LONG = 'Utskrivningen från geriatriken sker ofta på fredagseftermiddagar när hemtjänsten inte hinner planera, läkemedelslistan saknas och anhöriga inte vet vem de ska ringa; vårdplanen kommer fram först efter helgen och bostadsanpassningen är inte klar, så personen läggs in igen inom en vecka.';
const COMPOUNDS = 'Läkemedelsgenomgångsrutiner samordningsansvarsfördelning informationsöverföringssystem vårdplaneringsmöten';

/** The page as the board shows it: ids, and every note that is cut, outside the body, or small. */
export const WALK_PAGE = `(() => {
  const s = Math.min(innerWidth / 1920, innerHeight / 1080);
  const body = document.querySelector('.stage__body').getBoundingClientRect();
  const notes = [...document.querySelectorAll('.walk [data-note-id]')];
  const bad = [];
  // the fallback for a board short of room: the packed pages must not need it at these sizes
  if (document.querySelector('.is-tight')) bad.push('needed the tight fallback');
  let lowest = body.top;
  for (const n of notes) {
    const r = n.getBoundingClientRect();
    const text = n.querySelector('.note-text');
    lowest = Math.max(lowest, r.bottom);
    if (r.top < body.top - 0.5 || r.left < body.left - 0.5 || r.bottom > body.bottom + 0.5 || r.right > body.right + 0.5) bad.push('outside ' + n.dataset.noteId);
    if (text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1) bad.push('cut ' + n.dataset.noteId);
    if (parseFloat(getComputedStyle(text).fontSize) < 28 * s - 0.5) bad.push('small ' + n.dataset.noteId);
  }
  const doc = document.documentElement;
  if (doc.scrollHeight > innerHeight || doc.scrollWidth > innerWidth) bad.push('page scrolls');
  return { page: Number(document.querySelector('.walk-columns')?.dataset.walkPage ?? -1), where: document.querySelector('.walk-where')?.textContent ?? '', ids: notes.map((n) => n.dataset.noteId), bad, slack: (body.bottom - lowest) / s };
})()`;

interface WalkPage {
  page: number;
  where: string;
  ids: string[];
  bad: string[];
  slack: number;
}

const pageCount = (where: string) => Number(/(\d+)\s*$/.exec(where.split('·')[0].trim())?.[1] ?? NaN);

async function onPage(page: Page, n: number): Promise<WalkPage> {
  await page.locator(`.walk-columns[data-walk-page="${n}"]`).waitFor({ timeout: 30_000 });
  return (await page.evaluate(WALK_PAGE)) as WalkPage;
}

describe('the walk-through shows every note once, whole, at every size', () => {
  const env = roomForFile({ participants: 4, notes: 300, clusters: 12 }, 'gathering');
  const counts: number[] = [];

  it('sets up 300 notes of every length and starts the walk-through', async () => {
    await env.room.meeting((doc) => {
      const notes = doc.getMap<Y.Map<unknown>>('notes');
      doc.transact(() => {
        let i = 0;
        for (const [, note] of notes) {
          if (i % 10 === 0) note.set('text', LONG.slice(0, 280));
          else if (i % 10 === 5) note.set('text', COMPOUNDS);
          else if (i % 10 === 7) note.set('text', 'Rad ett\nRad två\nRad tre');
          i++;
        }
      });
    });
    // as the console's Start does (raw, so the test runs against a board that has no walk-through)
    await env.room.control((doc) => doc.transact(() => (doc.getMap('walkthrough').set('active', true), doc.getMap('walkthrough').set('page', 0))));
  });

  for (const size of SIZES) {
    it(`pages through all 300 notes at ${size.width}×${size.height} with →`, async () => {
      // the page is the meeting's: the last size left it at the end
      await env.room.control((doc) => doc.getMap('walkthrough').set('page', 0));
      const context = await laptopContext(env.browser, size);
      const page = await context.newPage();
      const errors: string[] = [];
      collectPageErrors(page, errors);
      await page.goto(`${env.app.url}/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
      const first = await onPage(page, 0);
      const total = pageCount(first.where);
      expect(total, first.where).toBeGreaterThan(1);
      counts.push(total);
      const seen: string[] = [];
      const bad: string[] = [];
      let slack = Infinity;
      for (let n = 0; n < total; n++) {
        if (n > 0) await page.keyboard.press('ArrowRight');
        const m = await onPage(page, n);
        expect(m.where.startsWith(`Sida ${n + 1} av ${total}`), m.where).toBe(true);
        seen.push(...m.ids);
        bad.push(...m.bad.map((b) => `page ${n + 1}: ${b}`));
        slack = Math.min(slack, m.slack);
        if (n === 0 || n === 1) await page.screenshot({ path: join(SHOTS_DIR, `stage-walk-${size.width}-p${n + 1}.png`) });
      }
      console.log(`walk-through at ${size.width}×${size.height}: ${total} pages, least room left under a page's notes ${slack.toFixed(0)} stage px`);
      expect(bad).toEqual([]);
      expect(seen.length).toBe(300);
      expect(new Set(seen).size).toBe(300);
      // the last page stays: → at the end turns nothing
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(300);
      expect(((await page.evaluate(WALK_PAGE)) as WalkPage).page).toBe(total - 1);
      if (size.width === 1920) await expectNoSeriousAxe(page, 'walk-through board');
      await context.close();
      expect(errors).toEqual([]);
    });
  }

  it('has the same page count at every size', () => {
    expect(counts).toHaveLength(3);
    expect(new Set(counts).size).toBe(1);
  });

  it('the view-only board follows the facilitator page by page, and a phone marks its own note on the board', async () => {
    await env.room.control((doc) => doc.getMap('walkthrough').set('page', 0));
    const context = await laptopContext(env.browser, { width: 1920, height: 1080 });
    const board = await context.newPage();
    const viewer = await (await laptopContext(env.browser, { width: 1280, height: 720 })).newPage();
    const errors: string[] = [];
    collectPageErrors(board, errors);
    collectPageErrors(viewer, errors);
    await board.goto(`${env.app.url}/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    await viewer.goto(`${env.app.url}/m/${env.room.meetingId}/view#key=${env.room.boardKey}`);
    const phoneCtx = await phoneContext(env.browser);
    const phone = await joinByCode(phoneCtx, env.app, env.room.joinCode, 'Åsa Öberg', 'Geriatrik', errors);
    // who wrote is shown from here on: only a note that carries its author's name may get a person's group
    await env.room.control((doc) => doc.getMap('gathering').set('showAuthors', true));
    await phone.getByRole('textbox', { name: /Ny lapp/ }).fill('Min egen lapp om epikrisen');
    await phone.getByRole('button', { name: 'Lägg till' }).click();
    // revealed late (the reveal is done): it gets a page of its own somewhere in the pass
    const last = await onPage(board, 0);
    const total = pageCount(last.where);
    let mine = -1;
    for (let n = 0; n < total + 1 && mine < 0; n++) {
      const here = await onPage(board, n);
      const v = await onPage(viewer, n);
      expect(v.ids, `view-only board on page ${n + 1}`).toEqual(here.ids);
      expect(v.bad).toEqual([]);
      if (await board.locator('.walk [data-note-id]', { hasText: 'Min egen lapp om epikrisen' }).count()) mine = n;
      else await board.getByRole('button', { name: 'Nästa sida' }).click();
    }
    expect(mine).toBeGreaterThanOrEqual(0);
    await expect.poll(() => phone.getByText('På tavlan nu', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect(phone.getByRole('status').filter({ hasText: '1 av dina lappar är på tavlan nu.' }).count()).resolves.toBe(1);
    await phone.screenshot({ path: join(SHOTS_DIR, 'stage-walk-phone.png') });
    // one page on (back, when the note's page is the last): the phone's mark goes
    const now = pageCount(((await board.evaluate(WALK_PAGE)) as WalkPage).where);
    if (mine < now - 1) {
      await board.keyboard.press('ArrowRight');
    } else await board.keyboard.press('ArrowLeft');
    await expect.poll(() => phone.getByText('På tavlan nu', { exact: true }).count(), { timeout: 10_000 }).toBe(0);
    // person by person: the relay groups only notes that show their author. Only the phone's note
    // does (the seeded ones are anonymous), so the pass is that person's page, then the rest
    await env.room.control((doc) => doc.transact(() => (doc.getMap('walkthrough').set('byAuthor', true), doc.getMap('walkthrough').set('page', 0))));
    await board.locator('.walk-where', { hasText: 'Sida 1 av' }).filter({ hasText: 'Person 1 av 2' }).waitFor({ timeout: 30_000 });
    const alone = await onPage(board, 0);
    expect(alone.ids).toHaveLength(1);
    await expect(board.locator('.walk [data-note-id]', { hasText: 'Min egen lapp om epikrisen' }).count()).resolves.toBe(1);
    await viewer.locator('.walk-where', { hasText: 'Person 1 av 2' }).waitFor({ timeout: 30_000 });
    await expect.poll(() => phone.getByText('På tavlan nu', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    // the console counts the same pages as the boards, and turns them too
    const consolePage = await context.newPage();
    collectPageErrors(consolePage, errors);
    await consolePage.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    const boardWhere = (((await board.evaluate(WALK_PAGE)) as WalkPage).where.split('·')[0] ?? '').trim();
    await consolePage.locator('.walk-console .walk-where', { hasText: boardWhere }).waitFor({ timeout: 30_000 });
    await consolePage.getByRole('button', { name: /Nästa sida/ }).click();
    await board.locator('.walk-columns[data-walk-page="1"]').waitFor({ timeout: 30_000 });
    await viewer.locator('.walk-columns[data-walk-page="1"]').waitFor({ timeout: 30_000 });
    await consolePage.screenshot({ path: join(SHOTS_DIR, 'stage-walk-console.png'), fullPage: true });
    await expectNoSeriousAxeBoth(consolePage, 'console during the walk-through');
    await expectNoSeriousAxe(phone, 'phone during the walk-through');
    await expectNoSeriousAxe(viewer, 'view-only board during the walk-through');
    await phoneCtx.close();
    await context.close();
    await viewer.context().close();
    expect(errors).toEqual([]);
  });
});
