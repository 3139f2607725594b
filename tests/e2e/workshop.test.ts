// Phases 1–3 run as a real meeting: a facilitator with a console and a projector board, three
// people on phone-sized browsers. Check-in, private post-its (verified private on the page AND on
// the wire with a raw y-websocket client holding a participant's key), a note written offline,
// the reveal, clustering by mouse drag into two named clusters, one note parked and handed over.
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DND_KIT_MARKER,
  SHOTS_DIR,
  collectPageErrors,
  createMeetingFromLanding,
  laptopContext,
  appAndBrowserPerSuite,
  phoneContext,
  recordTraffic,
  PROJECTOR,
  openBoard,
  joinByCode,
} from './harness';

const NOTES = {
  anna: ['Epikrisen kommer fram för sent till vårdcentralen', 'Oklart vem som ringer anhöriga vid utskrivning'],
  omar: ['Hemtjänsten får inte veta utskrivningsdatum i tid', 'Läkemedelslistan stämmer inte efter utskrivning'],
  lena: ['Ingen gemensam vårdplan före hemgång', 'Dosdispenseringen startar för sent'],
};
const HOSTILE = '<img src=x onerror="window.__pwned=1"> & <b>fet</b>';
const ALL_TEXTS = [...NOTES.anna, ...NOTES.omar, ...NOTES.lena, HOSTILE];

describe('running check-in, post-its and clustering with a room of phones', () => {
  const suite = appAndBrowserPerSuite();
  const pageErrors: string[] = [];

  const joinPhone = (context: BrowserContext, code: string, name: string, organisation: string) =>
    joinByCode(context, suite.app, code, name, organisation, pageErrors);

  async function writeNote(page: Page, text: string) {
    await page.getByLabel('Ny lapp').fill(text);
    await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await page.getByRole('listitem').filter({ hasText: text }).first().waitFor();
  }

  async function drag(page: Page, from: Locator, to: Locator, opts: { shift?: boolean } = {}) {
    await from.scrollIntoViewIfNeeded();
    const a = (await from.boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + Math.min(20, a.height / 2));
    await page.mouse.down();
    // move in steps: dnd-kit starts a drag only after the pointer travels a few pixels
    await page.mouse.move(a.x + a.width / 2 + 12, a.y + 30, { steps: 4 });
    const b = (await to.boundingBox())!;
    if (opts.shift) await page.keyboard.down('Shift');
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 20 });
    await page.mouse.up();
    if (opts.shift) await page.keyboard.up('Shift');
  }

  it('the facilitator runs phases 1–3 and every phone follows', async () => {
    // ── set-up ────────────────────────────────────────────────────────────────────────────
    const laptop = await laptopContext(suite.browser);
    const consolePage = await laptop.newPage();
    collectPageErrors(consolePage, pageErrors);
    const created = await createMeetingFromLanding(consolePage, suite.app.url, 'Utskrivningsprocessen, Norrort');
    await consolePage.getByLabel('Syfte').fill('Vilka brister ser vi i utskrivningsprocessen?');
    await consolePage.getByRole('button', { name: 'Spara mötesuppgifter' }).click();
    for (const org of ['Primärvård', 'Kommun – hemtjänst', 'Geriatrik', 'Psykiatri']) {
      await consolePage.getByLabel('Organisation', { exact: true }).fill(org);
      await consolePage.getByRole('button', { name: 'Lägg till organisation' }).click();
    }

    const boardContext = await laptopContext(suite.browser, PROJECTOR);
    const boardTraffic = recordTraffic(boardContext);
    const board = await openBoard(boardContext, suite.app, created, pageErrors);

    const phoneContexts = await Promise.all([phoneContext(suite.browser), phoneContext(suite.browser), phoneContext(suite.browser)]);
    const phoneTraffic = phoneContexts.map(recordTraffic);
    const anna = await joinPhone(phoneContexts[0], created.joinCode, 'Anna Berg', 'Primärvård');
    const omar = await joinPhone(phoneContexts[1], created.joinCode, 'Omar Said', 'Kommun – hemtjänst');
    const lena = await joinPhone(phoneContexts[2], created.joinCode, 'Lena Ek', 'Geriatrik');
    const phones = [anna, omar, lena];

    // representation: who is here, who is missing
    await board.getByText('Är alla representanter med?').first().waitFor();
    await board.getByText('3 anslutna').first().waitFor();
    await board.getByText(/Psykiatri/).first().waitFor();
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop-1-setup-board.png') });

    // ── check-in ──────────────────────────────────────────────────────────────────────────
    await consolePage.getByRole('button', { name: 'Nästa fas' }).click();
    for (const page of phones) await page.getByRole('heading', { name: 'Incheckning' }).first().waitFor();
    await consolePage.getByRole('button', { name: 'Använd frågan: Vad har du med dig in i dagens möte?' }).click();
    await consolePage.getByRole('button', { name: 'Talarordning efter ankomst' }).click();
    await anna.getByText('Vad har du med dig in i dagens möte?').first().waitFor();
    await anna.getByLabel('Ditt svar (frivilligt, syns på tavlan)').fill('Nyfiken på hur vi kan bli bättre');
    await anna.getByRole('button', { name: 'Spara svar' }).click();
    await omar.getByRole('button', { name: 'Stå över' }).click();
    await board.getByText('Nyfiken på hur vi kan bli bättre').first().waitFor();
    await board.getByText('står över').first().waitFor();
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop-2-checkin-board.png') });
    // each status word on its name's line, and all of them starting at one edge
    const statuses = await board.evaluate(() =>
      [...document.querySelectorAll('.speaker')].map((row) => {
        const name = row.querySelector('.speaker__name')!.getBoundingClientRect();
        const status = row.querySelector('.speaker__status')!.getBoundingClientRect();
        return { left: Math.round(status.left), sameLine: Math.abs(status.top - name.top) < name.height / 2 };
      }),
    );
    expect(statuses.map((s) => s.sameLine)).toEqual([true, true, true]);
    expect(new Set(statuses.map((s) => s.left)).size, JSON.stringify(statuses)).toBe(1);

    // ── post-it gathering ─────────────────────────────────────────────────────────────────
    await consolePage.getByRole('button', { name: 'Nästa fas' }).click();
    for (const page of phones) await page.getByLabel('Ny lapp').waitFor();
    // a four-minute writing time, on the server's clock: every phone shows the same countdown
    await consolePage.getByRole('spinbutton', { name: 'Minuter' }).fill('4');
    await consolePage.getByRole('button', { name: 'Starta timer' }).click();
    for (const page of phones) {
      await expect.poll(async () => page.getByRole('timer').first().innerText(), { timeout: 10_000 }).toMatch(/^3:5\d$|^4:00$/);
    }
    await writeNote(anna, NOTES.anna[0]);
    await writeNote(anna, NOTES.anna[1]);
    await writeNote(anna, HOSTILE);
    await writeNote(omar, NOTES.omar[0]);
    await writeNote(omar, NOTES.omar[1]);
    await writeNote(lena, NOTES.lena[0]);
    // Lena's Wi-Fi drops: her note stays on the phone and goes out when she is back
    await phoneContexts[2].setOffline(true);
    await lena.getByRole('status').filter({ hasText: /Offline|Återansluter/ }).waitFor({ timeout: 15_000 });
    await writeNote(lena, NOTES.lena[1]);
    await lena.screenshot({ path: join(SHOTS_DIR, 'workshop-3-phone-offline.png') });
    await phoneContexts[2].setOffline(false);

    await board.getByText('7 lappar från 3 av 3 deltagare').first().waitFor({ timeout: 20_000 });
    await consolePage.getByText('3 av 3 har skrivit').first().waitFor();
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop-4-gathering-board.png') });

    // before the reveal nobody else's text reaches a phone or the board…
    const onAnna = await anna.locator('body').innerText();
    for (const text of [...NOTES.omar, ...NOTES.lena]) expect(onAnna).not.toContain(text);
    const onBoard = await board.locator('body').innerText();
    for (const text of ALL_TEXTS) expect(onBoard).not.toContain(text);
    // …nor the wire: a hand-made client with Anna's key sees counts, never text
    const annaIdentity = JSON.parse(
      (await anna.evaluate((id) => localStorage.getItem(`svv:participant:${id}`), created.meetingId))!,
    ) as { participantId: string; participantKey: string };
    const wire = await readDocsAs(suite.app.port, annaIdentity.participantKey, [created.meetingId, `${created.meetingId}/control`]);
    for (const text of ALL_TEXTS) expect(wire).not.toContain(text);
    expect(wire).toContain('noteCounts');
    const omarIdentity = JSON.parse(
      (await omar.evaluate((id) => localStorage.getItem(`svv:participant:${id}`), created.meetingId))!,
    ) as { participantId: string };
    expect(await closeCodeFor(suite.app.port, annaIdentity.participantKey, `${created.meetingId}/p/${omarIdentity.participantId}`)).toBe(4403);
    // the facilitator sees every draft, for moderation
    for (const text of ALL_TEXTS) await consolePage.getByText(text, { exact: true }).first().waitFor();

    await consolePage.getByRole('button', { name: 'Visa alla lappar' }).click();
    await consolePage.getByRole('button', { name: 'Ja, visa alla lappar' }).click();
    for (const text of ALL_TEXTS) await board.getByText(text, { exact: true }).first().waitFor();
    // what people typed is shown as text, never run as markup
    expect(await board.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop-5-revealed-board.png') });

    // ── clustering on the projected board, by mouse ───────────────────────────────────────
    await consolePage.getByRole('button', { name: 'Nästa fas' }).click();
    await board.getByRole('heading', { name: /Osorterade lappar/ }).first().waitFor();
    const note = (text: string) => board.locator('[data-note-id]', { hasText: text }).first();
    const clusterNamed = (name: string) => board.getByRole('region', { name: `Kluster ${name}` });

    await drag(board, note(NOTES.anna[0]), note(NOTES.omar[0]));
    await board.locator('[data-cluster-id]').first().waitFor();
    await renameOnlyUnnamedCluster(board, 'Informationsöverföring');
    await drag(board, note(NOTES.omar[1]), note(NOTES.lena[1]));
    await board.locator('[data-cluster-id]').nth(1).waitFor();
    await renameOnlyUnnamedCluster(board, 'Läkemedel');
    await drag(board, note(NOTES.lena[0]), clusterNamed('Informationsöverföring'));
    await clusterNamed('Informationsöverföring').getByText(NOTES.lena[0]).first().waitFor();
    // outside the forum's mandate: park it and say who takes it over
    await drag(board, note(NOTES.anna[1]), board.getByText('Parkera eller lämna över: släpp här').first());
    // the tray re-flows once the parked note has left it; wait for that before the next click
    await board.locator('[data-parked-id]').filter({ hasText: NOTES.anna[1] }).waitFor();

    // the same move without a mouse: the note's menu (what keyboard and screen-reader users get)
    const hostileCard = note(HOSTILE);
    await hostileCard.getByRole('button', { name: `Åtgärder för lappen ”${HOSTILE}”` }).click();
    await hostileCard.getByRole('combobox', { name: 'Flytta till kluster' }).selectOption({ label: 'Läkemedel' });

    await expect.poll(() => clusterNamed('Informationsöverföring').locator('[data-note-id]').count()).toBe(3);
    await expect.poll(() => clusterNamed('Läkemedel').locator('[data-note-id]').count()).toBe(3);
    const handOver = consolePage.getByLabel(`Lämnas över till, för ”${NOTES.anna[1]}”`);
    await handOver.fill('Anhörigstödet i kommunen');
    await handOver.press('Enter');
    // the hand-over reaches the board; the strip shows an item only whole, or counts it ("+1 till")
    await board.locator('li[data-parked-id]', { hasText: 'Anhörigstödet i kommunen' }).first().waitFor({ state: 'attached' });
    await board.screenshot({ path: join(SHOTS_DIR, 'workshop-6-clustered-board.png') });

    // every phone shows the clusters and the parking lot
    for (const page of phones) {
      await page.getByRole('region', { name: 'Kluster Informationsöverföring' }).waitFor();
      await page.getByRole('region', { name: 'Kluster Läkemedel' }).waitFor();
      await page.getByText('Anhörigstödet i kommunen').first().waitFor();
    }
    await anna.screenshot({ path: join(SHOTS_DIR, 'workshop-7-clustered-phone.png'), fullPage: true });

    // the facilitator lets people place their own notes; Anna moves hers from the phone and the
    // relay does it for her, so the move cannot give the anonymous author away
    await consolePage.getByLabel('Deltagarna får flytta sina egna lappar').check();
    const moveHostile = anna.getByRole('combobox', { name: `Flytta ”${HOSTILE}” till` });
    await moveHostile.selectOption({ label: 'Informationsöverföring' });
    await anna.getByRole('listitem').filter({ has: moveHostile }).getByRole('button', { name: 'Flytta' }).click();
    await expect.poll(() => clusterNamed('Informationsöverföring').locator('[data-note-id]').count()).toBe(4);
    await expect.poll(() => clusterNamed('Läkemedel').locator('[data-note-id]').count()).toBe(2);

    // a participant who reads English switches on the phone; the meeting's content stays as written
    await omar.getByRole('button', { name: 'English' }).click();
    await omar.getByRole('heading', { name: 'Cluster' }).first().waitFor();
    await omar.getByRole('region', { name: /Informationsöverföring/ }).waitFor();
    await omar.screenshot({ path: join(SHOTS_DIR, 'workshop-8-phone-english.png'), fullPage: true });

    // phones never downloaded the drag-and-drop code that the board did
    const boardScripts = await boardTraffic.scripts();
    expect([...boardScripts.values()].some((body) => body.includes(DND_KIT_MARKER))).toBe(true);
    for (const traffic of phoneTraffic) {
      const scripts = await traffic.scripts();
      expect([...scripts.values()].some((body) => body.includes(DND_KIT_MARKER))).toBe(false);
    }
    expect(pageErrors).toEqual([]);
  });
});

/** A new cluster is named "Kluster N"; give the one still named so a real name. */
async function renameOnlyUnnamedCluster(board: Page, name: string) {
  const input = board.getByLabel('Klusternamn').filter({ hasNot: board.locator('[value=""]') });
  const count = await input.count();
  for (let i = 0; i < count; i++) {
    const field = board.getByLabel('Klusternamn').nth(i);
    if (/^Kluster \d+$/.test(await field.inputValue())) {
      await field.fill(name);
      await field.press('Enter');
      await board.getByRole('region', { name: `Kluster ${name}` }).waitFor();
      return;
    }
  }
  throw new Error('no unnamed cluster to rename');
}

/** Everything a raw y-websocket client with this key receives for these docs, as one string. */
async function readDocsAs(port: number, key: string, docNames: string[]): Promise<string> {
  const parts = await Promise.all(
    docNames.map(
      (name) =>
        new Promise<string>((resolve, reject) => {
          const doc = new Y.Doc();
          const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/ws`, name, doc, {
            params: { key },
            WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
            disableBc: true,
          });
          const timer = setTimeout(() => reject(new Error(`no sync for ${name}`)), 10_000);
          provider.once('sync', () => {
            clearTimeout(timer);
            // the whole received state, every string in it, whatever type holds it
            const dump = Buffer.from(Y.encodeStateAsUpdate(doc)).toString('utf8');
            provider.destroy();
            resolve(dump);
          });
        }),
    ),
  );
  return parts.join('\n');
}

/** The close code the relay answers a raw socket with. */
function closeCodeFor(port: number, key: string, docName: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/${docName}?key=${encodeURIComponent(key)}`);
    const timer = setTimeout(() => reject(new Error('no close')), 10_000);
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    ws.on('error', () => undefined);
  });
}
