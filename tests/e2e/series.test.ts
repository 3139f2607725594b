// A forum's series as the facilitator meets it: a group's answers in the summary and its Markdown,
// closing the meeting shows on the board, the viewer and the phone (whose forms switch off), then
// "Planera nästa möte" and the later meeting's summary lists the series and the rating trend
// (only the revealed rating), in Swedish and English, with axe on each view.
import { readFile } from 'node:fs/promises';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  appAndBrowserPerSuite,
  collectPageErrors,
  expectNoSeriousAxe,
  laptopContext,
  meetingWithPhone,
  writeThroughRelay,
  type RunningApp,
} from './harness';

const GROUP_ANSWER = '<script>alert(1)</script> Unik-Grupp-Svar';

const item = (fields: Record<string, unknown>) => {
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
};

/** Three people rate from their own outboxes; the facilitator shows the rating or not. */
async function rate(app: RunningApp, meetingId: string, facilitatorKey: string, values: number[], reveal: boolean): Promise<void> {
  for (const [i, value] of values.entries()) {
    const res = await fetch(`${app.url}/api/meetings/${meetingId}/participants`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `Röst ${i}`, organisation: 'Kommunen' }),
    });
    const p = (await res.json()) as { participantId: string; participantKey: string };
    await writeThroughRelay(app, `${meetingId}/p/${p.participantId}`, p.participantKey, (doc) => {
      doc.getMap('rating').set('value', value);
    });
  }
  if (!reveal) return;
  await writeThroughRelay(app, `${meetingId}/control`, facilitatorKey, async (doc) => {
    doc.getMap('rating').set('revealed', true);
    const result = doc.getMap('ratingResult');
    for (let i = 0; i < 100 && !Array.isArray(result.get('distribution')); i++) await new Promise((r) => setTimeout(r, 50));
    expect(result.get('distribution')).toEqual([0, 0, 1, 1, 1]);
  });
}

describe('a forum’s series', () => {
  const suite = appAndBrowserPerSuite();
  const errors: string[] = [];

  it('shows group answers, the closed meeting everywhere, and the next meeting’s series with the rating trend', async () => {
    const { app, browser } = suite;
    const { page, phone, created: first } = await meetingWithPhone(app, browser, 'Forum Norr', errors);
    await phone.getByRole('button', { name: 'Skicka förslag' }).waitFor();

    await writeThroughRelay(app, `${first.meetingId}/control`, first.facilitatorKey, (doc) => {
      doc.getMap('groups').set('g1', item({ id: 'g1', name: '', order: 'a0', areaId: '' }));
    });
    await writeThroughRelay(app, `${first.meetingId}/g/g1`, first.facilitatorKey, (doc) => {
      doc.getMap('answers').set('a1', item({ id: 'a1', question: 'why', text: new Y.Text(GROUP_ANSWER), order: 'a0', createdAt: 1 }));
      doc.getMap('answers').set('a2', item({ id: 'a2', question: 'solutions', text: new Y.Text('Gemensam utskrivningsrutin'), order: 'a0', createdAt: 2 }));
    });
    await rate(app, first.meetingId, first.facilitatorKey, [4, 5, 3], true);

    // the group's answers, as text, in the summary and its Markdown
    await page.goto(`${app.url}/m/${first.meetingId}/summary#key=${first.facilitatorKey}`);
    const groups = page.getByRole('region', { name: 'Fördjupning i grupper' });
    await groups.getByRole('heading', { name: 'Grupp 1' }).waitFor();
    await groups.getByText(GROUP_ANSWER, { exact: true }).waitFor();
    await groups.getByText('Gemensam utskrivningsrutin').waitFor();
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown (.md)' }).click()]);
    const mdText = await readFile((await md.path())!, 'utf8');
    expect(mdText).toContain('&lt;script&gt;alert\\(1\\)&lt;/script&gt; Unik\\-Grupp\\-Svar');
    // a forum's first meeting: a series of one, and no trend yet
    const series = page.getByRole('region', { name: 'Forumets möten' });
    await series.getByText('det här mötet', { exact: false }).waitFor();
    expect(await page.getByRole('region', { name: 'Betyget över forumets möten' }).count()).toBe(0);

    // board and viewer are open when the facilitator closes the meeting
    const board = await (await laptopContext(browser, { width: 1280, height: 720 })).newPage();
    collectPageErrors(board, errors);
    await board.goto(`${app.url}/m/${first.meetingId}/board#key=${first.facilitatorKey}`);
    const viewer = await (await laptopContext(browser, { width: 1280, height: 720 })).newPage();
    collectPageErrors(viewer, errors);
    await viewer.goto(`${app.url}/m/${first.meetingId}/view#key=${first.boardKey}`);
    await viewer.getByRole('heading', { level: 1 }).first().waitFor();
    expect(await phone.getByText(/Mötet är avslutat/).count()).toBe(0);

    await page.getByRole('button', { name: 'Avsluta mötet (skrivskyddat)' }).click();
    await board.getByText('Mötet är avslutat', { exact: true }).waitFor();
    await viewer.getByText('Mötet är avslutat', { exact: true }).waitFor();
    await phone.getByText('Mötet är avslutat. Det går inte att skicka eller ändra något mer, så formulären är avstängda.').waitFor();
    expect(await phone.getByRole('button', { name: 'Skicka förslag' }).isDisabled()).toBe(true);
    expect(await phone.getByRole('textbox', { name: 'Ditt förslag' }).isDisabled()).toBe(true);
    await expectNoSeriousAxe(phone, 'the closed meeting on a phone (sv)');
    await expectNoSeriousAxe(board, 'the closed meeting on the board (sv)');
    await phone.getByRole('button', { name: 'English' }).click();
    await phone.getByText('The meeting is closed. Nothing more can be sent or changed, so the forms are switched off.').waitFor();
    await expectNoSeriousAxe(phone, 'the closed meeting on a phone (en)');
    // reopening takes the notice away again
    await page.getByRole('button', { name: 'Öppna mötet igen' }).click();
    await phone.getByText(/The meeting is closed/).waitFor({ state: 'detached' });
    expect(await phone.getByRole('textbox', { name: 'Your proposal' }).isDisabled()).toBe(false);
    await board.getByText('Mötet är avslutat', { exact: true }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Avsluta mötet (skrivskyddat)' }).click();
    await board.getByText('Mötet är avslutat', { exact: true }).waitFor();

    // the forum's next meeting: its summary shows the series and the first meeting's rating
    // the relay's real answer passes through; the test keeps a copy before the page navigates away
    let second = { meetingId: '', facilitatorKey: '' };
    await page.route(`**/api/meetings/${first.meetingId}/next`, async (route) => {
      const response = await route.fetch();
      second = await response.json();
      await route.fulfill({ response });
    });
    await page.getByRole('button', { name: 'Planera nästa möte' }).click();
    await expect.poll(() => second.meetingId).not.toBe('');
    await page.waitForURL(/\/m\/[\w-]+\/f/);
    await rate(app, second.meetingId, second.facilitatorKey, [1, 1, 2], false);
    await page.goto(`${app.url}/m/${second.meetingId}/summary#key=${second.facilitatorKey}`);
    const list = page.getByRole('region', { name: 'Forumets möten' }).getByRole('listitem');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(2);
    expect(await list.nth(0).innerText()).toMatch(/^\d{4}-\d{2}-\d{2} Forum Norr \(avslutat\)$/);
    expect(await list.nth(1).innerText()).toMatch(/Forum Norr \(pågår, det här mötet\)$/);
    const trend = page.getByRole('region', { name: 'Betyget över forumets möten' });
    await trend.getByRole('img', { name: /Diagram över medelbetyget/ }).waitFor();
    const rows = trend.getByRole('row');
    // the header and the first meeting: the second never showed its rating
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toMatch(/Forum Norr\s+4,0\s+3/);
    const [trendMd] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown (.md)' }).click()]);
    const trendText = await readFile((await trendMd.path())!, 'utf8');
    expect(trendText).toContain('## Betyget över forumets möten');
    expect(trendText).toMatch(/\| Forum Norr \| 4,0 \| 3 \|/);
    await expectNoSeriousAxe(page, 'the later meeting’s summary (sv)');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: "The rating across the forum's meetings" }).getByRole('cell', { name: '4.0' }).waitFor();
    await expectNoSeriousAxe(page, 'the later meeting’s summary (en)');

    // the first meeting opens from the list with this device's key
    await page.getByRole('region', { name: "The forum's meetings" }).getByRole('link', { name: 'Forum Norr' }).click();
    await page.waitForURL(new RegExp(`/m/${first.meetingId}/summary`));
    await page.getByRole('region', { name: 'Deep dive in groups' }).getByText(GROUP_ANSWER, { exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});
