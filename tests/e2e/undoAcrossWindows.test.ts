// The facilitator's console and board window (two windows of one browser): a move made on the
// board is undone and redone from the console. The windows talk over BroadcastChannel, not the relay.
import { describe, expect, it } from 'vitest';
import { collectPageErrors, laptopContext } from './harness';
import { roomForFile } from './roomForFile';

describe('undo follows the facilitator across windows', () => {
  const env = roomForFile({ participants: 0, notes: 6, clusters: 2 }, 'clustering');
  const errors: string[] = [];

  it('a move on the board is undone and redone from the console', async () => {
    const context = await laptopContext(env.browser, { width: 1920, height: 1080 });
    const board = await context.newPage();
    const console = await context.newPage();
    collectPageErrors(board, errors);
    collectPageErrors(console, errors);
    await board.goto(`${env.app.url}/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}`);
    await console.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}`);
    const text = env.room.noteTexts[5];
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
