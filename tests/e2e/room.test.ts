// Issue 7's last pieces, in a real browser against the real relay: the join corner is a meeting
// setting every board follows, the hand-over field opens at the item just parked, and long Swedish
// compounds on the board break only where Swedish hyphenation allows.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectPageErrors, expectNoSeriousAxe, laptopContext } from './harness';
import { roomForFile } from './roomForFile';

describe('the room', () => {
  const env = roomForFile({ participants: 2, notes: 12, clusters: 3 }, 'clustering');
  const errors: string[] = [];

  const open = async (path: string, size = { width: 1920, height: 1080 }): Promise<Page> => {
    const context = await laptopContext(env.browser, size);
    const page = await context.newPage();
    collectPageErrors(page, errors);
    await page.goto(`${env.app.url}${path}`);
    return page;
  };

  it('hiding the join code on the console hides it on the projector and the view-only viewer, live', async () => {
    const console = await open(`/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}`, { width: 1440, height: 900 });
    // separate browser contexts: the setting reaches them through the relay, not BroadcastChannel
    const board = await open(`/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    const viewer = await open(`/m/${env.room.meetingId}/view#key=${env.room.boardKey}`);
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
    const late = await open(`/m/${env.room.meetingId}/view#key=${env.room.boardKey}`);
    await late.getByRole('heading', { level: 1 }).waitFor();
    await late.waitForTimeout(500);
    expect(await corner(late).count()).toBe(0);
    await expectNoSeriousAxe(console, 'console with the join switch');
    await console.getByRole('switch', { name: 'Visa QR-kod och mötets kod i tavlans hörn' }).click();
    await corner(late).waitFor();
    await console.getByRole('button', { name: 'English' }).click();
    await console.getByRole('switch', { name: 'Show the QR code and meeting code in the board’s corner' }).waitFor();
    await expectNoSeriousAxe(console, 'console in English');
    await board.getByRole('button', { name: 'English' }).click();
    await board.getByRole('complementary', { name: 'Join the meeting' }).waitFor();
    await expectNoSeriousAxe(board, 'board window in English');
    expect(errors).toEqual([]);
  });

  const LONG = 'Kommunens biståndshandläggare';
  /** where the focused field is, against the parked item's box */
  const handOverGeometry = (page: Page, id: string) =>
    page.evaluate((id) => {
      const field = document.activeElement as HTMLInputElement | null;
      const item = document.querySelector(`[data-parked-id="${id}"]`) as HTMLElement | null;
      const box = (document.querySelector(`[data-handover-for="${id}"]`) as HTMLElement | null) ?? field;
      if (!field || !item || !box || field.tagName !== 'INPUT') return null;
      const f = box.getBoundingClientRect();
      const i = item.getBoundingClientRect();
      return {
        inItem: item.contains(field),
        gap: Math.max(i.top - f.bottom, f.top - i.bottom, 0),
        overlapsX: f.left < i.right && f.right > i.left,
        onScreen: f.top >= 0 && f.bottom <= innerHeight && f.left >= 0 && f.right <= innerWidth,
        scrollW: field.scrollWidth,
        clientW: field.clientWidth,
        label: field.getAttribute('aria-label'),
      };
    }, id);

  it('parking a note on the console puts focus in its hand-over field, on the parked item, wide enough for a long name', async () => {
    const console = await open(`/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}`, { width: 1440, height: 900 });
    const text = env.room.noteTexts[4];
    const id = `note${'4'.padStart(17, '0')}`;
    await console.getByRole('button', { name: `Åtgärder för lappen ”${text}”` }).click();
    await console.getByRole('button', { name: 'Parkera', exact: true }).click();
    await console.waitForFunction((id) => document.activeElement?.closest(`[data-parked-id="${id}"]`), id);
    await console.keyboard.type(LONG);
    const g = await handOverGeometry(console, id);
    expect(g).not.toBeNull();
    expect(g!.label).toBe(`Lämnas över till, för ”${text}”`);
    expect(g!.inItem, 'the field is in the parked item').toBe(true);
    expect(g!.onScreen, 'focus scrolled it into view').toBe(true);
    expect(g!.scrollW, `"${LONG}" is not cut off`).toBeLessThanOrEqual(g!.clientW);
    await console.keyboard.press('Enter');
    // saved for everyone: the projector's strip shows the recipient
    const board = await open(`/m/${env.room.meetingId}/view#key=${env.room.boardKey}`);
    await board.waitForFunction(([id, want]) => document.querySelector(`.parking-strip [data-parked-id="${id}"]`)?.textContent === want, [id, `${text} → ${LONG}`]);
    await expectNoSeriousAxe(console, 'console after parking');
    expect(errors).toEqual([]);
  });

  for (const size of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    it(`parking a cluster on the facilitator's board window (${size.width}×${size.height}) opens the hand-over field on the parked item`, async () => {
      const board = await open(`/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`, size);
      const name = size.width === 1920 ? 'epikris och ansvar 3' : 'läkemedelsgenomgång och ansvar 2';
      const id = `cluster${String(size.width === 1920 ? 2 : 1).padStart(16, '0')}`;
      await board.getByRole('button', { name: `Åtgärder för klustret ${name}` }).click();
      await board.getByRole('button', { name: 'Parkera klustret' }).click();
      await board.waitForFunction(() => document.activeElement?.closest('.parking-strip-edit'));
      await board.keyboard.type(LONG);
      const g = await handOverGeometry(board, id);
      expect(g).not.toBeNull();
      expect(g!.label).toBe(`Lämnas över till, för ”${name}”`);
      expect(g!.gap, 'the field sits on the parked item').toBeLessThanOrEqual(12);
      expect(g!.overlapsX, 'above the parked item').toBe(true);
      expect(g!.onScreen, JSON.stringify(g)).toBe(true);
      expect(g!.scrollW, `"${LONG}" is not cut off`).toBeLessThanOrEqual(g!.clientW);
      if (size.width === 1920) await board.screenshot({ path: 'test-results/stage-handover-1920.png' });
      await expectNoSeriousAxe(board, 'board window with the hand-over field');
      await board.keyboard.press('Enter');
      await board.locator('.parking-strip-edit').waitFor({ state: 'detached' });
      await board.waitForFunction(([id, want]) => document.querySelector(`.parking-strip [data-parked-id="${id}"]`)?.textContent === want, [id, `${name} → ${LONG}`]);
      expect(errors).toEqual([]);
    });
  }
});
