// Dialogkafé as a real meeting: the facilitator adds the phase on the console, sets the question,
// two tables and two rounds, and starts round 1 for four phones; the relay seats them (one host per
// table, organisations mixed). Each phone sees its table and puts a note on it; in round 2 the
// hosts stay, the guests are sent to the other table, where they read round 1's notes and add to
// them; the hosts write their table's summary; the harvest shows every table's notes by round. The
// board shows hosts by name and no other name, and fits the stage at 1280×720, 1920×1080 and
// 3840×2160; axe-core runs on console, board and phone in Swedish and English.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  SHOTS_DIR,
  PROJECTOR,
  appAndBrowserPerSuite,
  collectPageErrors,
  createMeetingFromLanding,
  expectNoSeriousAxeBoth,
  joinByCode,
  laptopContext,
  openBoard,
  phoneContext,
  writeThroughRelay,
} from './harness';
import { MEASURE, type Measured } from './stageMeasure';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

/** The board fits the stage at every size: no scrolling, no text under the stage size. */
async function expectFits(board: Page, phase: string) {
  for (const size of SIZES) {
    await board.setViewportSize(size);
    await board.waitForTimeout(300);
    const m = (await board.evaluate(MEASURE)) as Measured;
    const where = `${phase} at ${size.width}×${size.height}`;
    expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
    expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
    expect(m.smallText, `${where}: text under 28 px at 1920×1080 scale`).toEqual([]);
    await board.screenshot({ path: join(SHOTS_DIR, `cafe-${phase}-board-${size.width}.png`) });
  }
  await board.setViewportSize(PROJECTOR);
}

const SEAT = /(?:Bord (\d+) – du är värd|Sätt dig vid bord (\d+)|Gå till bord (\d+))/;

/** The phone's seat as it reads it: its table and whether it hosts. */
async function seatOn(phone: Page): Promise<{ table: number; host: boolean; text: string }> {
  const where = phone.locator('.cafe-phone-where');
  await where.waitFor({ timeout: 15_000 });
  const text = await where.innerText();
  const m = SEAT.exec(text);
  expect(m, `seat text "${text}"`).not.toBeNull();
  return { table: Number(m![1] ?? m![2] ?? m![3]), host: m![1] !== undefined, text };
}

async function addNote(phone: Page, table: number, text: string) {
  await phone.getByLabel(`Ny anteckning till bord ${table}`).fill(text);
  await phone.getByRole('button', { name: 'Lägg på bordet' }).click();
  await phone.getByText('Anteckningen ligger på bordet.').waitFor({ timeout: 15_000 });
}

describe('dialogkafé with a room of phones', () => {
  const suite = appAndBrowserPerSuite();
  const errors: string[] = [];

  it('runs two rounds and the harvest on console, board and phones', { timeout: 480_000 }, async () => {
    const laptop = await laptopContext(suite.browser);
    const cons = await laptop.newPage();
    collectPageErrors(cons, errors);
    const created = await createMeetingFromLanding(cons, suite.app.url, 'Samverkan Söderort');
    const board = await openBoard(await laptopContext(suite.browser, PROJECTOR), suite.app, created, errors);
    const people = [
      ['Anna Berg', 'Primärvård'],
      ['Omar Said', 'Kommun – hemtjänst'],
      ['Lena Ek', 'Primärvård'],
      ['Bo Lind', 'Kommun – hemtjänst'],
    ] as const;
    const phones: Page[] = [];
    for (const [name, org] of people) phones.push(await joinByCode(await phoneContext(suite.browser), suite.app, created.joinCode, name, org, errors));

    // the facilitator adds the café to the meeting's phases, like any skipped phase
    await cons.getByRole('button', { name: 'Ändra faser' }).click();
    await cons.getByRole('button', { name: 'Ta med Dialogkafé' }).click();
    await cons.getByRole('button', { name: 'Klar med faserna' }).click();
    await cons.getByRole('button', { name: /Gå till\s+Dialogkafé/ }).click();
    await board.locator('h1[data-phase="cafe"]').waitFor({ timeout: 15_000 });

    await cons.getByLabel('Frågan vid borden').fill('Hur når vi varandra när det brinner?');
    await cons.getByRole('button', { name: 'Använd frågan' }).click();
    await cons.getByLabel('Bord', { exact: true }).selectOption('2');
    await cons.getByLabel('Omgångar', { exact: true }).selectOption('2');
    await cons.getByLabel('Minuter per omgång').selectOption('10');
    await board.getByText('2 bord, 2 omgångar.', { exact: false }).waitFor();
    await phones[0].getByText('Vänta – mötesledaren startar första omgången', { exact: false }).waitFor();
    await cons.screenshot({ path: join(SHOTS_DIR, 'cafe-console-setup.png'), fullPage: true });

    // --- round 1 ---
    await cons.getByRole('button', { name: 'Starta omgång 1 med 4 anslutna' }).click();
    await board.getByText('Omgång 1 av 2').waitFor({ timeout: 15_000 });
    const first = await Promise.all(phones.map(seatOn));
    // one host per table, two at each table, and the organisations mixed at both
    expect(first.filter((s) => s.host).map((s) => s.table).sort()).toEqual([1, 2]);
    for (const table of [1, 2]) {
      const at = people.filter((_, i) => first[i].table === table);
      expect(at).toHaveLength(2);
      expect(new Set(at.map(([, org]) => org)).size).toBe(2);
    }
    const firstNotes = first.map((s, i) => (i === 1 ? `Omgång 1: <b>fet</b> vid bord ${s.table}` : `Omgång 1: ${people[i][0].split(' ')[0]}s tanke vid bord ${s.table}`));
    for (const [i, phone] of phones.entries()) {
      await phone.getByText('Hur når vi varandra när det brinner?').waitFor();
      await addNote(phone, first[i].table, firstNotes[i]);
    }
    // the board: the table map with the hosts' names, how many sit there and the notes counted; no guest's name
    await board.locator('.cafe-map-table').first().waitFor();
    await expect.poll(() => board.locator('.cafe-map-count').allInnerTexts()).toEqual(['2 vid bordet', '2 anteckningar', '2 vid bordet', '2 anteckningar']);
    const mapText = await board.locator('.cafe-board').innerText();
    for (const [i, [name]] of people.entries()) {
      if (first[i].host) expect(mapText).toContain(`Värd: ${name}`);
      else expect(mapText).not.toContain(name);
    }
    expect(mapText).not.toContain('Omgång 1:');
    await expectFits(board, 'round');
    const guestIndex = first.findIndex((s) => !s.host);
    await phones[guestIndex].screenshot({ path: join(SHOTS_DIR, 'cafe-phone-round1.png'), fullPage: true });
    await expectNoSeriousAxeBoth(cons, 'café console');
    await expectNoSeriousAxeBoth(board, 'café board');
    await expectNoSeriousAxeBoth(phones[guestIndex], 'café phone (guest)');
    await expectNoSeriousAxeBoth(phones[first.findIndex((s) => s.host)], 'café phone (host)');

    // --- round 2: hosts stay, guests move to the other table and read what it has ---
    await cons.getByRole('button', { name: 'Starta omgång 2' }).click();
    await board.getByText('Omgång 2 av 2').waitFor({ timeout: 15_000 });
    for (const [i, phone] of phones.entries()) {
      await phone.getByText('Omgång 2 av 2').waitFor({ timeout: 15_000 });
      const now = await seatOn(phone);
      if (first[i].host) {
        expect(now).toEqual(first[i]);
      } else {
        expect(now.table).not.toBe(first[i].table);
        expect(now.text).toBe(`Gå till bord ${now.table}`);
        // the table's notes from round 1 are there to build on, not the ones of the table left behind
        const host = first.findIndex((s) => s.host && s.table === now.table);
        await phone.getByText(firstNotes[host]).waitFor();
        expect(await phone.locator('.cafe-harvest').innerText()).not.toContain(`vid bord ${first[i].table}`);
        await addNote(phone, now.table, `Omgång 2: bygger vidare vid bord ${now.table}`);
      }
    }
    // a latecomer joins during round 2: their phone asks the relay for a seat and gets one
    const late = await joinByCode(await phoneContext(suite.browser), suite.app, created.joinCode, 'Eva Nord', 'Sjukhus', errors);
    const lateSeat = await seatOn(late);
    expect(lateSeat.host).toBe(false);
    expect(lateSeat.text).toBe(`Sätt dig vid bord ${lateSeat.table}`);
    await expect.poll(() => cons.locator('.cafe-console-tables').innerText()).toContain('Eva Nord');
    for (const [i, phone] of phones.entries()) {
      if (!first[i].host) continue;
      await phone.getByLabel('Bordets sammanfattning').fill(`Bord ${first[i].table} vill ha ett gemensamt nummer`);
      await phone.getByRole('button', { name: 'Spara sammanfattningen' }).click();
      await phone.getByText('Sparad – syns i skörden.').waitFor({ timeout: 15_000 });
    }
    await phones[guestIndex].screenshot({ path: join(SHOTS_DIR, 'cafe-phone-round2.png'), fullPage: true });
    await cons.screenshot({ path: join(SHOTS_DIR, 'cafe-console-round2.png'), fullPage: true });

    // --- the harvest ---
    await cons.getByRole('button', { name: 'Avsluta med skörd' }).click();
    await board.locator('.cafe-harvest-board').waitFor({ timeout: 15_000 });
    for (const table of [1, 2]) {
      const card = board.locator('.cafe-harvest-table').nth(table - 1);
      await card.getByText(`Bord ${table} vill ha ett gemensamt nummer`).waitFor();
      expect(await card.locator('.cafe-item-round').allInnerTexts()).toEqual(['Omgång 1', 'Omgång 2']);
      expect(await card.locator('.cafe-item--note').count()).toBe(3);
    }
    // typed markup stays text
    await board.getByText('<b>fet</b>', { exact: false }).waitFor();
    expect(await board.locator('.cafe-harvest-board b').count()).toBe(0);
    const harvestText = await board.locator('.cafe-board').innerText();
    for (const [name] of people) expect(harvestText).not.toContain(name);
    await expectFits(board, 'harvest');

    // a busy table: what does not fit its card is counted, never cut or scrolled
    await writeThroughRelay(suite.app, created.meetingId, created.facilitatorKey, (doc) =>
      doc.transact(() => {
        for (let i = 0; i < 40; i++) {
          const note = new Y.Map<unknown>();
          for (const [k, v] of Object.entries({ table: 1, round: 2, text: `Lång anteckning ${i}: vi behöver en gemensam plan för utskrivning och uppföljning i hemmet`, createdAt: 10_000 + i })) note.set(k, v);
          doc.getMap('cafeNotes').set(`busy${i}`, note);
        }
      }),
    );
    await board.locator('.cafe-harvest-table').first().locator('.cafe-more').waitFor({ timeout: 15_000 });
    expect(await board.locator('.cafe-harvest-table').nth(1).locator('.cafe-more').count()).toBe(0);
    await expectFits(board, 'harvest-busy');
    for (const size of SIZES) {
      await board.setViewportSize(size);
      await board.waitForTimeout(300);
      // every note shown is whole inside its card
      const cut = await board.evaluate(`[...document.querySelectorAll('.cafe-harvest-items')].some((ul) => [...ul.children].some((li) => !li.hidden && li.getBoundingClientRect().bottom > ul.getBoundingClientRect().bottom + 0.5))`);
      expect(cut, `a note cut at ${size.width}`).toBe(false);
    }
    await board.setViewportSize(PROJECTOR);
    // the facilitator shows table 1 large while its host presents it
    await cons.getByRole('group', { name: 'Visa på tavlan' }).getByRole('button', { name: 'Bord 1', exact: true }).click();
    await board.locator('.cafe-harvest-board--one').waitFor();
    expect(await board.locator('.cafe-harvest-table').count()).toBe(1);
    await expectFits(board, 'harvest-one');
    await expectNoSeriousAxeBoth(board, 'café harvest board');
    await expectNoSeriousAxeBoth(cons, 'café harvest console');
    await expectNoSeriousAxeBoth(phones[0], 'café harvest phone');
    await phones[0].screenshot({ path: join(SHOTS_DIR, 'cafe-phone-harvest.png'), fullPage: true });
    await cons.screenshot({ path: join(SHOTS_DIR, 'cafe-console-harvest.png'), fullPage: true });

    // --- the summary carries the harvest ---
    await cons.getByRole('button', { name: /Gå till\s+Sammanfattning/ }).click();
    await cons.getByRole('heading', { name: 'Dialogkafé' }).first().waitFor();
    await cons.getByText('Bord 2 vill ha ett gemensamt nummer').first().waitFor();
    await cons.getByText('Omgång 2: bygger vidare vid bord 1').first().waitFor();
    expect(errors).toEqual([]);
  });

  it('twelve tables for thirty people fit the stage as a map and as a harvest', { timeout: 240_000 }, async () => {
    const app = suite.app;
    const created = await (await fetch(`${app.url}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Stort kafé"}' })).json();
    const orgs = ['Kommun – hemtjänst och hemsjukvård', 'Region Stockholm', 'Primärvård', 'Äldreomsorg', 'Sjukhus'];
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await fetch(`${app.url}/api/meetings/${created.meetingId}/participants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: `Deltagare Långnamnsson ${i}`, organisation: orgs[i % 5] }),
      });
      ids.push((await res.json()).participantId);
    }
    await writeThroughRelay(app, `${created.meetingId}/control`, created.facilitatorKey, (doc) =>
      doc.transact(() => {
        doc.getMap('phase').set('current', 'cafe');
        const cafe = doc.getMap('cafe');
        cafe.set('question', 'Hur når vi varandra när det brinner, och vem ringer vi först när något händer en fredag kväll?');
        cafe.set('tables', 12);
        cafe.set('rounds', 3);
        cafe.set('present', ids);
        cafe.set('round', 1);
      }),
    );
    const board = await openBoard(await laptopContext(suite.browser, PROJECTOR), app, created, errors);
    await expect.poll(() => board.locator('.cafe-map-table').count(), { timeout: 20_000 }).toBe(12);
    const cardsCut = `[...document.querySelectorAll('.cafe-map-table')].some((li) => li.scrollHeight > li.clientHeight + 1 || li.getBoundingClientRect().bottom > li.parentElement.getBoundingClientRect().bottom + 0.5)`;
    for (const size of SIZES) {
      await board.setViewportSize(size);
      await board.waitForTimeout(300);
      expect(await board.evaluate(cardsCut), `a table card cut at ${size.width}`).toBe(false);
    }
    await expectFits(board, 'map-12');
    // eight notes per table and round, then the harvest
    await writeThroughRelay(app, created.meetingId, created.facilitatorKey, (doc) =>
      doc.transact(() => {
        for (let table = 1; table <= 12; table++)
          for (let round = 1; round <= 3; round++)
            for (let i = 0; i < 8; i++) {
              const note = new Y.Map<unknown>();
              for (const [k, v] of Object.entries({ table, round, text: `Anteckning ${i} om samverkan i omgång ${round}`, createdAt: i })) note.set(k, v);
              doc.getMap('cafeNotes').set(`t${table}r${round}i${i}`, note);
            }
      }),
    );
    await writeThroughRelay(app, `${created.meetingId}/control`, created.facilitatorKey, (doc) => {
      doc.getMap('cafe').set('harvest', true);
    });
    await board.locator('.cafe-harvest-board--many').waitFor({ timeout: 20_000 });
    for (const size of SIZES) {
      await board.setViewportSize(size);
      await board.waitForTimeout(300);
      // every card shows its first note whole and counts the rest
      const shown = await board.evaluate(`[...document.querySelectorAll('.cafe-harvest-items')].map((ul) => [...ul.children].filter((li) => !li.hidden && li.getBoundingClientRect().bottom <= ul.getBoundingClientRect().bottom + 0.5).length)`);
      expect(shown, `notes shown per table at ${size.width}`).toEqual(Array.from({ length: 12 }, () => 1));
    }
    expect(await board.locator('.cafe-more').first().innerText()).toBe('+23 till');
    await expectFits(board, 'harvest-12');
    expect(errors).toEqual([]);
  });
});