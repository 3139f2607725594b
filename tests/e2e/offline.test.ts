// Flaky venue Wi-Fi: a phone's tab is reloaded while the server cannot be reached (phones discard
// background tabs). The app still opens from the service worker's cache, shows the notes stored on
// the phone, takes a new one, and delivers it when the server is reachable again. A long gap
// (OFFLINE_MS) through check-in, post-its and voting delivers everything once, a second tab nothing more.
import net from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// The issue asks for a phone offline for 60 s; OFFLINE_MS=60000 runs exactly that. The default is
// shorter so the suite stays quick: the relay and the phone do the same things after 8 s as after
// 60 s (the reconnect ceiling is 4 s, the keepalive 15 s is what a longer gap adds, and a cut socket
// is closed at once).
const OFFLINE_MS = Number(process.env.OFFLINE_MS ?? 8000);

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
    // the service worker stores the whole app shell when it installs: no online reload needed
    await phone.evaluate(() => navigator.serviceWorker.ready.then(() => true));

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

  it('a phone whose Wi-Fi drops mid-meeting reloads into the app with its notes and the phase it was in, twice', async () => {
    const wifi = await accessPoint(app.port);
    try {
      const laptop = await laptopContext(browser);
      const consolePage = await laptop.newPage();
      const created = await createMeetingFromLanding(consolePage, app.url, 'Wi-Fi borta');
      await consolePage.getByRole('button', { name: 'Gå till Identifiera brister' }).click();

      const phoneContextOnWifi = await phoneContext(browser);
      const phone = await phoneContextOnWifi.newPage();
      const errors: string[] = [];
      phone.on('pageerror', (err) => errors.push(err.message));
      await phone.goto(`${wifi.url}/j/${created.joinCode}`);
      await fillJoinForm(phone, 'Omar Said', 'Hemtjänst');
      await phone.getByLabel('Ny lapp').fill('Läkemedelslistan följer inte med');
      await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await consolePage.getByText('Läkemedelslistan följer inte med').first().waitFor();
      // installed once, with everything a phone needs, before anything goes wrong
      const cached = await phone.evaluate(async () => {
        await navigator.serviceWorker.ready;
        const keys = await caches.keys();
        const cache = await caches.open(keys.find((k) => k.startsWith('svv-shell-'))!);
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
      });
      expect(cached).toContain('/');
      // the phone's views (every phase's) and the meeting's shared code are one chunk each (scripts/phoneBundle.ts)
      expect(cached.some((p) => /\/assets\/phone-.*\.js$/.test(p))).toBe(true);
      expect(cached.some((p) => /\/assets\/meeting-.*\.js$/.test(p))).toBe(true);

      // the access point goes away: open sockets are cut, nothing new connects, the browser is offline
      wifi.cut();
      await phoneContextOnWifi.setOffline(true);
      await phone.reload();
      await phone.getByText('Du är Omar Said, Hemtjänst').waitFor({ timeout: 15_000 });
      await phone.getByText('Läkemedelslistan följer inte med').first().waitFor();
      await phone.screenshot({ path: join(SHOTS_DIR, 'offline-wifi-gone-phone.png'), fullPage: true });
      // a second reload in the same state opens as well
      await phone.reload();
      await phone.getByText('Läkemedelslistan följer inte med').first().waitFor({ timeout: 15_000 });
      await phone.getByLabel('Ny lapp').fill('Ingen ringer hemtjänsten');
      await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();

      wifi.restore();
      await phoneContextOnWifi.setOffline(false);
      await consolePage.getByText('Ingen ringer hemtjänsten').first().waitFor({ timeout: 30_000 });
      expect(errors).toEqual([]);
    } finally {
      await wifi.close();
    }
  });

  it(
    `a phone offline for ${OFFLINE_MS / 1000} s answers, writes and votes, reloads offline each time; everything arrives once, a second tab adds nothing`,
    { timeout: 240_000 + 3 * OFFLINE_MS },
    async () => {
      const wifi = await accessPoint(app.port);
      try {
        const laptop = await laptopContext(browser);
        const cons = await laptop.newPage();
        const created = await createMeetingFromLanding(cons, app.url, 'Långt avbrott');
        const board = await (await laptopContext(browser, { width: 1920, height: 1080 })).newPage();
        await board.goto(`${app.url}/m/${created.meetingId}/board#key=${created.facilitatorKey}&code=${created.joinCode}`);
        const goTo = (phase: string) => cons.getByRole('button', { name: `Gå till ${phase}`, exact: true }).click();
        // how often the board shows a text to its readers: a hyphenated note also has an aria-hidden copy for the eye
        const onBoard = (text: string) =>
          board.evaluate(
            (wanted) =>
              [...document.querySelectorAll('body *')].filter(
                (el) => !el.closest('[aria-hidden="true"]') && [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim() === wanted),
              ).length,
            text,
          );

        const context = await phoneContext(browser);
        const phone = await context.newPage();
        const errors: string[] = [];
        phone.on('pageerror', (err) => errors.push(err.message));
        await phone.goto(`${wifi.url}/j/${created.joinCode}`);
        await fillJoinForm(phone, 'Sara Lind', 'Primärvård');
        await phone.evaluate(() => navigator.serviceWorker.ready.then(() => true));

        /** The access point goes away for OFFLINE_MS; the phone reloads once in the middle of it and does `work` offline. */
        const offline = async (work: () => Promise<void>) => {
          wifi.cut();
          await context.setOffline(true);
          const back = Date.now() + OFFLINE_MS;
          await phone.reload();
          await work();
          await phone.waitForTimeout(Math.max(0, back - Date.now()));
          wifi.restore();
          await context.setOffline(false);
        };

        // check-in: the answer is written offline, after a reload
        await goTo('Incheckning');
        await cons.getByRole('button', { name: 'Använd frågan: Vad har du med dig in i dagens möte?' }).click();
        // the board shows answers in the speaking order
        await cons.getByRole('button', { name: 'Talarordning efter ankomst' }).click();
        await phone.getByText('Vad har du med dig in i dagens möte?').first().waitFor();
        const answer = 'Oro för helgens utskrivningar';
        await offline(async () => {
          await phone.getByLabel('Ditt svar (frivilligt, syns på tavlan)').fill(answer);
          await phone.getByRole('button', { name: 'Spara svar' }).click();
        });
        await board.getByText(answer, { exact: true }).first().waitFor({ timeout: 30_000 });

        // post-its: two notes written offline, after a reload
        await goTo('Identifiera brister');
        await phone.getByLabel('Ny lapp').waitFor();
        const notes = ['Ingen äger läkemedelslistan', 'Hemtjänsten får besked för sent'];
        await offline(async () => {
          for (const text of notes) {
            await phone.getByLabel('Ny lapp').fill(text);
            await phone.getByRole('button', { name: 'Lägg till', exact: true }).click();
            await phone.getByRole('listitem').filter({ hasText: text }).first().waitFor();
          }
        });
        await board.getByText('2 lappar från 1 av 1 deltagare').first().waitFor({ timeout: 30_000 });
        await cons.getByRole('button', { name: 'Visa alla lappar' }).click();
        await cons.getByRole('button', { name: 'Ja, visa alla lappar' }).click();
        for (const text of notes) await board.getByText(text, { exact: true }).first().waitFor();

        // dot voting: three dots placed offline, after a reload
        await goTo('Prioritera');
        await phone.getByText('Prickar kvar: 3 av 3').waitFor();
        // the phone has the revealed notes to vote on before the Wi-Fi goes: each of its sockets
        // came back from the last cut after its own random delay, so the board (on the venue's
        // wired network) can show them before the phone's meeting socket is back
        for (const text of notes) await phone.getByRole('button', { name: `Lägg prick på ”${text}”` }).waitFor({ timeout: 30_000 });
        await offline(async () => {
          // the ballot comes back from the phone's own copy after the reload
          await phone.getByText('Prickar kvar: 3 av 3').waitFor({ timeout: 15_000 });
          await phone.getByRole('button', { name: `Lägg prick på ”${notes[0]}”` }).waitFor();
          for (const text of [notes[0], notes[0], notes[1]]) await phone.getByRole('button', { name: `Lägg prick på ”${text}”` }).click();
          await phone.getByText('Prickar kvar: 0 av 3').waitFor();
        });
        await cons.getByText('1 av 1 har röstat klart').waitFor({ timeout: 30_000 });

        // a second tab of the same participant (same phone, same stored identity) duplicates nothing
        const second = await context.newPage();
        second.on('pageerror', (err) => errors.push(err.message));
        await second.goto(phone.url());
        await second.getByText('Du är Sara Lind, Primärvård').waitFor({ timeout: 15_000 });
        await second.getByText('Prickar kvar: 0 av 3').waitFor();
        await cons.getByRole('button', { name: 'Visa resultatet' }).click();
        await cons.getByRole('button', { name: 'Ja, visa' }).click();
        await board.getByText('2 prickar').first().waitFor({ timeout: 20_000 });
        await board.getByText('1 prick').first().waitFor();
        // once each: the answer, both notes, three dots — after the reconnect and the second tab
        await goTo('Identifiera brister');
        for (const text of notes) await board.getByText(text, { exact: true }).first().waitFor();
        for (const text of notes) expect(await onBoard(text)).toBe(1);
        await goTo('Incheckning');
        await board.getByText(answer, { exact: true }).first().waitFor();
        expect(await onBoard(answer)).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await wifi.close();
      }
    },
  );
});

/** The venue access point between a phone and the app: the test cuts it and brings it back. */
async function accessPoint(targetPort: number) {
  const open = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const close = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cut() {
      down = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      down = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
