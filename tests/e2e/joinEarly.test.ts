// A phone on slow Wi-Fi can type its name before the app's script has arrived: the server puts
// the join form in the page as HTML. Here the entry script is held back until the test lets it
// go, so the person types (and even presses "Gå med") into the server's form; when the app
// arrives it takes over what was typed, the caret and the press, and the person is in.
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appAndBrowserPerSuite, collectPageErrors, expectNoSeriousAxe, phoneContext } from './harness';

describe('the join form before the app has loaded', () => {
  const suite = appAndBrowserPerSuite();
  let joinCode: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const created = (await (await fetch(`${suite.app.url}/api/meetings`, { method: 'POST', body: JSON.stringify({ title: 'Tidig anslutning' }) })).json()) as {
      joinCode: string;
    };
    joinCode = created.joinCode;
  });

  /** A phone whose app script waits until `release()` is called. */
  async function phoneWithHeldScript(init?: string) {
    const context = await phoneContext(suite.browser);
    if (init) await context.addInitScript(init);
    const page = await context.newPage();
    collectPageErrors(page, pageErrors);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    // the entry script (the only script the page names in its <head>) waits for the test
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route: Route) => {
      held++;
      await released;
      await route.continue();
    });
    await page.goto(`${suite.app.url}/j/${joinCode}`, { waitUntil: 'commit' });
    return { context, page, release, held: () => held };
  }

  const appTookOver = (page: Page) =>
    page.waitForFunction(() => !document.getElementById('prerendered') && !document.getElementById('root')!.hidden);

  it('what was typed, where the caret was and a press on "Gå med" survive the app taking over', async () => {
    const { context, page, release, held } = await phoneWithHeldScript();
    await page.getByLabel('Ditt namn').fill('Åsa Öberg');
    await page.getByLabel('Din organisation').fill('Region – primärvård');
    // the app has not run: this is the server's form
    expect(held()).toBe(1);
    expect(await page.evaluate(() => document.getElementById('root')!.hidden)).toBe(true);
    await expectNoSeriousAxe(page, 'the join form before the app (sv)');
    await page.getByRole('button', { name: 'Gå med' }).click();
    // held, not lost: no navigation, the press is remembered
    expect(await page.evaluate(() => document.getElementById('prerendered')!.hasAttribute('data-submitted'))).toBe(true);

    release();
    await page.waitForURL(/\/m\/[\w-]+\/p$/);
    await page.getByText('Du är Åsa Öberg, Region – primärvård').waitFor();
    await appTookOver(page);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('typing goes on in the same field at the same place after the app arrives', async () => {
    const { context, page, release } = await phoneWithHeldScript();
    await page.getByLabel('Ditt namn').fill('Bo Ek');
    const org = page.getByLabel('Din organisation');
    await org.fill('Kommun – hemtjänst');
    // the caret in the middle: "Kommun|– hemtjänst"
    await org.evaluate((el: HTMLInputElement) => el.setSelectionRange(6, 6));

    release();
    await appTookOver(page);
    // the app's own fields now, holding what was typed
    await expect.poll(() => page.getByLabel('Ditt namn').inputValue()).toBe('Bo Ek');
    await page.keyboard.type('s');
    expect(await page.getByLabel('Din organisation').inputValue()).toBe('Kommuns – hemtjänst');
    await page.getByRole('button', { name: 'Gå med' }).click();
    await page.getByText('Du är Bo Ek, Kommuns – hemtjänst').waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a device that chose English gets the form in English before the app has loaded', async () => {
    const { context, page, release } = await phoneWithHeldScript(`try { localStorage.setItem('svv:lang', 'en') } catch {}`);
    await page.getByLabel('Your name').waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectNoSeriousAxe(page, 'the join form before the app (en)');
    await page.getByLabel('Your name').fill('Robin Berg');
    await page.getByLabel('Your organisation').fill('Region');
    release();
    await appTookOver(page);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText(/Robin Berg, Region/).waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
