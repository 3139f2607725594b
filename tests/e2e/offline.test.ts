// Flaky venue Wi-Fi: a phone's tab is reloaded while the server cannot be reached (phones discard
// background tabs). The app still opens from the service worker's cache, shows the notes stored on
// the phone, takes a new one, and delivers it when the server is reachable again.
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  SHOTS_DIR,
  createMeetingFromLanding,
  fillJoinForm,
  laptopContext,
  launchBrowser,
  phoneContext,
  restartableApp,
  type RestartableApp,
} from './harness';

describe('a phone without a connection', () => {
  let app: RestartableApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await restartableApp('offline');
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });

  it('reloads while the server is unreachable, keeps its notes, and sends a new one when it is back', async () => {
    const laptop = await laptopContext(browser);
    const consolePage = await laptop.newPage();
    const created = await createMeetingFromLanding(consolePage, app.url, 'Nätverket sviker');
    await consolePage.getByRole('button', { name: 'Gå till Identifiera brister' }).click();

    const phone = await (await phoneContext(browser)).newPage();
    await phone.goto(`${app.url}/j/${created.joinCode}`);
    await fillJoinForm(phone, 'Lena Ek', 'Geriatrik');
    await phone.getByLabel('Ny lapp').fill('Ingen gemensam vårdplan före hemgång');
    await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await consolePage.getByText('Ingen gemensam vårdplan före hemgång').first().waitFor();
    // the service worker takes over after the first visit; one online reload fills its cache
    await phone.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await phone.reload();
    await phone.getByText('Ingen gemensam vårdplan före hemgång').first().waitFor();

    await app.stop('SIGTERM');
    await phone.reload();
    await phone.getByText('Du är Lena Ek, Geriatrik').waitFor({ timeout: 15_000 });
    await phone.getByText('Ingen gemensam vårdplan före hemgång').first().waitFor();
    await phone.getByLabel('Ny lapp').fill('Dosdispenseringen startar för sent');
    await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await phone.getByRole('listitem').filter({ hasText: 'Dosdispenseringen startar för sent' }).first().waitFor();
    await phone.screenshot({ path: join(SHOTS_DIR, 'offline-reloaded-phone.png'), fullPage: true });

    await app.start();
    await consolePage.getByText('Dosdispenseringen startar för sent').first().waitFor({ timeout: 30_000 });
    await consolePage.getByText('1 av 1 har skrivit').first().waitFor();
  });
});
