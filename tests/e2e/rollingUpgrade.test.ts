// A new build deployed while a meeting runs: the server restarts on the same data with another
// dist/ (as a new container image would), and the tabs opened on the previous build keep working.
// The phone's service worker moves to the new build (the participant opened the link again in a
// second tab), and then the facilitator moves the meeting to a phase neither the phone nor the
// console has shown yet: both load that phase's view of their own build, with no 404.
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SHOTS_DIR,
  createMeetingFromLanding,
  expectNoSeriousAxe,
  fillJoinForm,
  freePort,
  laptopContext,
  launchBrowser,
  phoneContext,
  startApp,
  type RunningApp,
} from './harness';

const ROOT = process.cwd();
const BUILD_ONE = path.join(ROOT, 'dist');

/** Build 2: the same app with one change in its entry, built from a copy of the source into `outDir`. */
async function buildTwo(work: string, outDir: string): Promise<void> {
  const source = path.join(work, 'source');
  await mkdir(source, { recursive: true });
  for (const entry of ['index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', 'src', 'common', 'public', 'scripts']) {
    await cp(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
  }
  await symlink(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const main = path.join(source, 'src', 'main.tsx');
  await writeFile(main, (await readFile(main, 'utf8')) + "\ndocument.documentElement.dataset.build = 'two';\n");
  // not spawnSync: the app starts meanwhile, and this process must keep reading its output
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: source,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`build 2 failed:\n${output}`);
}

const shellVersion = async (dist: string) => /const VERSION = "([^"]+)"/.exec(await readFile(path.join(dist, 'sw.js'), 'utf8'))?.[1];

describe('a rolling upgrade under an open meeting', () => {
  let browser: Browser;
  let work: string;
  let app: RunningApp | null = null;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'svv-upgrade-'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await rm(work, { recursive: true, force: true });
  });

  it('the phone and the console opened on build 1 load a later phase after build 2 is deployed, and the phone’s worker moves to build 2', async () => {
    const buildTwoDir = path.join(work, 'build2');
    const built = buildTwo(work, buildTwoDir);
    const dataDir = path.join(work, 'data');
    const port = await freePort();
    app = await startApp({ dataDir, port, env: { DIST_DIR: BUILD_ONE } });

    const laptop = await laptopContext(browser);
    const consolePage = await laptop.newPage();
    const created = await createMeetingFromLanding(consolePage, app.url, 'Uppgradering mitt i mötet');
    await consolePage.getByRole('button', { name: 'Gå till Identifiera brister' }).click();

    const phoneContextOne = await phoneContext(browser);
    const missing: string[] = [];
    for (const context of [laptop, phoneContextOne]) {
      context.on('response', (response) => {
        if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/assets/')) missing.push(`${response.status()} ${response.url()}`);
      });
    }
    const assetsRequested: string[] = [];
    phoneContextOne.on('request', (request) => assetsRequested.push(new URL(request.url()).pathname));
    const errors: string[] = [];
    const phone = await phoneContextOne.newPage();
    phone.on('pageerror', (err) => errors.push(err.message));
    consolePage.on('pageerror', (err) => errors.push(err.message));
    await phone.goto(`${app.url}/j/${created.joinCode}`);
    await fillJoinForm(phone, 'Maria Lind', 'Primärvården');
    await phone.getByLabel('Ny lapp').waitFor();
    // the worker is on build 1 and controls the phone
    await phone.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    const versionOne = await shellVersion(BUILD_ONE);
    expect(await phone.evaluate(() => caches.keys())).toContain(`svv-shell-${versionOne}`);

    // deploy: build 2 into another directory, the server restarted on it, same data, same address
    await built;
    // every phase's phone view comes in one chunk with the participant's view (src/app/phoneViews.tsx)
    const oldCheckout = (await readdir(path.join(BUILD_ONE, 'assets'))).find((f) => /^phone-.*\.js$/.test(f))!;
    const oldConsoleCheckout = (await readdir(path.join(BUILD_ONE, 'assets'))).find((f) => /^CheckoutConsole-.*\.js$/.test(f))!;
    const newAssets = await readdir(path.join(buildTwoDir, 'assets'));
    // the views the open tabs will ask for exist only in build 1
    expect(newAssets).not.toContain(oldCheckout);
    expect(newAssets).not.toContain(oldConsoleCheckout);
    expect(assetsRequested.filter((p) => p.includes('CheckoutConsole'))).toEqual([]);
    await app.stop();
    app = await startApp({ dataDir, port, env: { DIST_DIR: buildTwoDir } });
    // a phone's HTTP cache is small and evicted at will: only the worker's caches and the server count
    await (await phoneContextOne.newCDPSession(phone)).send('Network.clearBrowserCache');

    // the participant opens the link again in a second tab: the browser fetches the new worker,
    // which installs build 2 and takes over the first tab too
    await phone.evaluate(() => {
      (window as unknown as { movedOn: Promise<void> }).movedOn = new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
      );
    });
    const second = await phoneContextOne.newPage();
    await second.goto(`${app.url}/m/${created.meetingId}/p`);
    await second.getByText('Du är Maria Lind, Primärvården').waitFor();
    expect(await second.evaluate(() => document.documentElement.dataset.build)).toBe('two');
    await phone.evaluate(() => (window as unknown as { movedOn: Promise<void> }).movedOn);
    await second.close();
    const versionTwo = await shellVersion(buildTwoDir);
    expect(versionTwo).not.toBe(versionOne);
    expect(await phone.evaluate(() => caches.keys())).toContain(`svv-shell-${versionTwo}`);

    // the first tab still runs build 1; the facilitator's console too
    expect(await phone.evaluate(() => document.documentElement.dataset.build)).toBeUndefined();
    await consolePage.getByRole('button', { name: 'Gå till Utcheckning' }).click();
    await consolePage.getByRole('textbox', { name: 'Fråga till utcheckningen' }).waitFor({ timeout: 15_000 });
    await phone.getByRole('heading', { name: 'Utcheckning' }).waitFor({ timeout: 15_000 });
    await phone.getByLabel('Ditt svar (frivilligt, syns på tavlan)').waitFor();
    await phone.screenshot({ path: path.join(SHOTS_DIR, 'upgrade-phone-checkout.png') });
    await expectNoSeriousAxe(phone, 'the phone’s checkout view after a deploy');

    expect(missing).toEqual([]);
    expect(errors).toEqual([]);
    // the phone still runs build 1's views, which it has had since it joined
    expect(await phone.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))).toEqual(
      expect.arrayContaining([expect.stringContaining(oldCheckout)]),
    );
  });
});
