// A forum's term as the facilitator meets it: next steps due on a date and "före nästa möte",
// three meetings planned from the summary (a wrong link refused as text first), one meeting's
// .ics downloaded and parsed, the calendar feed fetched and parsed at Stockholm time, the steps'
// dates against the next meeting on the console and in the summary and its Markdown, a planned
// meeting opened from "Dina möten", axe in Swedish and English.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { appAndBrowserPerSuite, collectPageErrors, createMeetingFromLanding, expectNoSeriousAxe, laptopContext, SHOTS_DIR } from './harness';

function events(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('a forum’s term', () => {
  const suite = appAndBrowserPerSuite();
  const errors: string[] = [];

  it('plans three meetings from the summary, with calendar files, a feed and steps dated against the next meeting', async () => {
    const { app, browser } = suite;
    const context = await laptopContext(browser);
    const page = await context.newPage();
    collectPageErrors(page, errors);
    const created = await createMeetingFromLanding(page, app.url, 'Forum Norr');
    const goTo = (phase: string) => page.getByRole('button', { name: `Gå till ${phase}`, exact: true }).click();

    // two next steps: one with a date, one "före nästa möte" (no meeting planned yet)
    await goTo('Nästa steg');
    await page.getByRole('button', { name: 'Lägg till nästa steg', exact: true }).click();
    const step1 = page.getByRole('group', { name: 'Steg 1' });
    await step1.getByLabel('Vad').fill('Kartlägg hemtjänstens rutiner');
    await step1.getByLabel('Senast').fill('2027-03-01');
    await page.getByRole('button', { name: 'Lägg till nästa steg', exact: true }).click();
    const step2 = page.getByRole('group', { name: 'Steg 2' });
    await step2.getByLabel('Vad').fill('Bjud in apoteket');
    await step2.getByRole('checkbox', { name: 'Före nästa möte' }).check();
    expect(await step2.getByLabel('Senast').isDisabled()).toBe(true);

    // the summary: plan the term
    await page.goto(`${app.url}/m/${created.meetingId}/summary#key=${created.facilitatorKey}`);
    const term = page.getByRole('region', { name: 'Planera terminen' });
    await term.getByText('Inga möten är planerade efter det här.').waitFor();
    const row = (n: number) => term.getByRole('group', { name: `Möte ${n}` });
    await row(1).getByLabel('Rubrik').fill('Vårens första');
    await row(1).getByLabel('Datum').fill('2027-02-14');
    await row(1).getByLabel('Börjar').fill('13:00');
    await row(1).getByLabel('Slutar').fill('15:00');
    await row(1).getByLabel('Länk till videomöte').fill('javascript:alert(1)');
    await term.getByRole('button', { name: 'Lägg till ett möte' }).click();
    await row(2).getByLabel('Rubrik').fill('Vårens andra');
    await row(2).getByLabel('Datum').fill('2027-03-25');
    await row(2).getByLabel('Plats').fill('Vårdcentralen, sal 2');
    await term.getByRole('button', { name: 'Lägg till ett möte' }).click();
    await row(3).getByLabel('Rubrik').fill('Vårens tredje');
    await row(3).getByLabel('Datum').fill('2027-04-01');
    await row(3).getByLabel('Plats').fill('Kommunhuset');
    // a fourth row without a date
    await term.getByRole('button', { name: 'Lägg till ett möte' }).click();
    await row(4).getByLabel('Rubrik').fill('Extra');
    await term.getByRole('button', { name: 'Skapa 4 möten' }).click();
    // the wrong link and the missing date are named beside their fields, as text, and nothing is created
    await term.getByRole('alert').getByText('Rätta 2 fält innan mötena skapas.').waitFor();
    await row(1).getByText('Länken måste vara en webbadress som börjar med https://').waitFor();
    expect(await row(1).getByLabel('Länk till videomöte').getAttribute('aria-invalid')).toBe('true');
    await row(4).getByText('Ange ett datum.').waitFor();
    await expectNoSeriousAxe(page, 'the term form with an error (sv)');
    // removing the third row: the fourth becomes "Möte 3" and keeps its own error (not the removed
    // row's lack of one), and the focus goes into it, not back to the page
    await row(3).getByRole('button', { name: 'Ta bort möte 3' }).click();
    await expect.poll(() => row(3).getByLabel('Rubrik').inputValue()).toBe('Extra');
    await row(3).getByText('Ange ett datum.').waitFor();
    expect(await row(3).getByLabel('Datum').getAttribute('aria-invalid')).toBe('true');
    await page.waitForFunction(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent === 'Möte 3');
    await row(3).getByLabel('Rubrik').fill('Vårens tredje');
    await row(3).getByLabel('Datum').fill('2027-04-01');
    await row(3).getByLabel('Plats').fill('Kommunhuset');
    await row(1).getByLabel('Länk till videomöte').fill('https://video.example/forum-norr');
    await term.getByRole('button', { name: 'Skapa 3 möten' }).click();
    await term.getByText('3 möten är planerade.').waitFor();
    const list = term.getByRole('list').first();
    await list.getByText('Vårens första', { exact: true }).waitFor();
    await list.getByText('2027-03-25 kl. 09:00–11:00').waitFor();
    // the open steps went to the first of them, once
    await term.getByText('Öppna steg är överförda till mötet 2027-02-14.').waitFor();

    // one meeting's calendar file, parsed as a calendar does
    const [ics] = await Promise.all([page.waitForEvent('download'), term.getByRole('button', { name: 'Kalenderfil för Vårens första (.ics)' }).click()]);
    const one = events(await readFile((await ics.path())!, 'utf8'));
    expect(one).toHaveLength(1);
    expect(one[0].summary).toBe('Vårens första');
    expect(one[0].startDate.toJSDate().toISOString()).toBe('2027-02-14T12:00:00.000Z');
    expect(one[0].location).toBe('https://video.example/forum-norr');
    expect(one[0].description).toMatch(/\/j\/[2-9A-Z]{6}/);

    // the feed: made once, fetched as a calendar app would, the whole term at Stockholm time
    await term.getByRole('button', { name: 'Skapa kalenderadress' }).click();
    const feedUrl = await term.getByLabel('Kalenderadress').inputValue();
    expect(feedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/[\w-]{21}\.ics$/);
    const feed = await fetch(feedUrl);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const all = events(await feed.text());
    expect(all.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ['Vårens första', '2027-02-14T12:00:00.000Z'],
      ['Vårens andra', '2027-03-25T08:00:00.000Z'],
      ['Vårens tredje', '2027-04-01T07:00:00.000Z'],
    ]);
    // replacing it stops the old address
    await term.getByRole('button', { name: 'Byt ut kalenderadressen' }).click();
    await term.getByText('Den gamla adressen slutade fungera nu.').waitFor();
    expect((await fetch(feedUrl)).status).toBe(404);

    // the summary and its Markdown date the steps against the next meeting
    const doc = page.locator('.summary-document');
    await doc.getByText('före nästa möte (2027-02-14)').waitFor();
    await doc.getByText('2027-03-01 – efter nästa möte (2027-02-14)').waitFor();
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Markdown (.md)' }).click()]);
    const mdText = await readFile((await md.path())!, 'utf8');
    expect(mdText).toContain('före nästa möte \\(2027\\-02\\-14\\)');
    await expectNoSeriousAxe(page, 'the summary with a planned term (sv)');
    await page.screenshot({ path: join(SHOTS_DIR, 'term-summary.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('region', { name: 'Plan the term' }).getByText('2027-03-25, 09:00–11:00').waitFor();
    await doc.getByText('before the next meeting (2027-02-14)').waitFor();
    await expectNoSeriousAxe(page, 'the summary with a planned term (en)');
    await page.getByRole('button', { name: 'Svenska' }).click();

    // the console's step editor shows the same
    // (the meeting is still in its next-steps phase)
    await page.goto(`${app.url}/m/${created.meetingId}/f#key=${created.facilitatorKey}`);
    await page.getByRole('group', { name: 'Steg 2' }).getByRole('checkbox', { name: 'Före nästa möte (2027-02-14)' }).waitFor();
    expect(await page.getByRole('group', { name: 'Steg 2' }).getByRole('checkbox', { name: 'Före nästa möte (2027-02-14)' }).isChecked()).toBe(true);
    await page.getByRole('group', { name: 'Steg 1' }).getByText('Efter nästa möte (2027-02-14).').waitFor();
    await expectNoSeriousAxe(page, 'next steps dated against the next meeting (sv)');
    await page.screenshot({ path: join(SHOTS_DIR, 'term-nextsteps.png'), fullPage: true });

    // "Dina möten" on the start page opens a planned meeting
    await page.goto(app.url);
    await page.getByRole('button', { name: /Vårens andra den 2027-03-25/ }).click();
    await page.waitForURL((url) => /\/m\/[\w-]+\/f$/.test(url.pathname));
    await expect.poll(() => page.getByLabel('Mötets namn').first().inputValue().catch(() => '')).toBe('Vårens andra');
    await expectNoSeriousAxe(page, 'a planned meeting’s console (sv)');

    // its summary moves it: a new time, which the relay's calendar files then carry
    await page.goto(app.url);
    await page.getByRole('link', { name: 'Planera terminen för Vårens andra' }).click();
    const own = page.getByRole('region', { name: 'Planera terminen' }).getByRole('region', { name: 'Det här mötet' });
    await own.getByText('2027-03-25 kl. 09:00–11:00, Vårdcentralen, sal 2').waitFor();
    await own.getByRole('button', { name: 'Ändra tid och plats' }).click();
    await own.getByLabel('Börjar').fill('10:00');
    await own.getByLabel('Slutar').fill('09:30');
    await own.getByRole('button', { name: 'Spara tid och plats' }).click();
    await own.getByText('Sluttiden måste vara efter starttiden.').waitFor();
    await own.getByLabel('Slutar').fill('11:30');
    await own.getByRole('button', { name: 'Spara tid och plats' }).click();
    await own.getByText('2027-03-25 kl. 10:00–11:30, Vårdcentralen, sal 2').waitFor();
    await expectNoSeriousAxe(page, 'a planned meeting’s own plan (sv)');

    // "Planera nästa möte" knows the term: it opens the next planned meeting instead of making another
    const planNext = page.getByRole('region', { name: 'Planera nästa möte' });
    await planNext.getByText('Nästa möte är redan planerat: Vårens tredje, 2027-04-01.', { exact: false }).waitFor();
    expect(await planNext.getByRole('button', { name: 'Planera nästa möte' }).count()).toBe(0);
    await expectNoSeriousAxe(page, 'plan next with a planned term (sv)');
    await planNext.getByRole('button', { name: 'Öppna nästa möte' }).click();
    await page.waitForURL((url) => /\/m\/[\w-]+\/f$/.test(url.pathname));
    await expect.poll(() => page.getByLabel('Mötets namn').first().inputValue().catch(() => '')).toBe('Vårens tredje');
    expect(errors).toEqual([]);
  });
});
