// The board's second-half stages filled, in a full room (40 participants, 300 notes in 12
// clusters): a check-in with its speaking order as a list, the areas vote revealed with ties, the
// check-out with its order and the rating's distribution, 14 next steps (more than fit) and the
// summary with its conclusion, the first places of the vote and the steps. At 1280×720, 1920×1080 and 3840×2160 the
// page never scrolls, no text is under 28 px at 1080p scale, and the tables read as tables: the
// vote's labels, bars and counts, the rating's bars and the speakers' status words each line up.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PhaseId } from '@common/schema';
import { markSpoken, setCurrentSpeaker, setOrder, setQuestion } from '@/doc/facilitator/checkin';
import { rate, setRatingSettings } from '@/doc/checkout';
import { addStep, updateStep } from '@/doc/facilitator/nextSteps';
import { setConclusion } from '@/doc/facilitator/summary';
import { placeDot } from '@/doc/voting';
import { setVoting } from '@/doc/facilitator/voting';
import { SHOTS_DIR, expectNoSeriousAxe, laptopContext } from './harness';
import { roomForFile } from './roomForFile';
import { MEASURE, type Measured } from './stageMeasure';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];
const PHASES: PhaseId[] = ['checkin', 'voting', 'nextsteps', 'checkout', 'summary'];
const STEPS = 14;

// left edges of each column of a table on the board, rounded to whole pixels
const EDGES = `(() => {
  const lefts = (sel) => [...document.querySelectorAll(sel)].map((el) => Math.round(el.getBoundingClientRect().left));
  // a row of a table cut off by the stage's body (it clips instead of scrolling)
  const body = document.querySelector('.stage__body').getBoundingClientRect();
  const clipped = [...document.querySelectorAll('.vote-chart-row, .speaker, .rating-bars li, .fit-list > :not([hidden])')]
    .filter((el) => { const r = el.getBoundingClientRect(); return r.height > 0 && (r.bottom > body.bottom + 1 || r.right > body.right + 1); })
    .map((el) => el.textContent.slice(0, 40));
  return {
    clipped,
    voteRows: document.querySelectorAll('.vote-chart-board .vote-chart-row').length,
    // the next steps' headings, dates and status words, each on one line (not squeezed mid-word)
    brokenCells: [...document.querySelectorAll('.nextsteps-board th, .nextsteps-board tr:not([hidden]) td:nth-child(3), .nextsteps-board tr:not([hidden]) td:nth-child(5)')]
      .filter((el) => { const r = document.createRange(); r.selectNodeContents(el); return new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1; })
      .map((el) => el.textContent),
    // items of a fitted list: shown, and left out (said as "+N")
    fitShown: document.querySelectorAll('.fit-list > :not([hidden])').length,
    fitMore: [...document.querySelectorAll('.fit-more')].map((el) => el.textContent),
    tied: [...document.querySelectorAll('.vote-chart-place')].filter((el) => el.textContent.includes('(')).length,
    voteLabels: lefts('.vote-chart-board .vote-chart-label'),
    voteBars: lefts('.vote-chart-board .vote-chart-bar'),
    voteCounts: lefts('.vote-chart-board .vote-chart-count'),
    ratingBars: lefts('.rating-bar'),
    ratingBarWidths: [...document.querySelectorAll('.rating-bar')].map((el) => Math.round(el.getBoundingClientRect().width)),
    // speakers in one newspaper column share an edge: group their status words by the row's left
    statusByColumn: Object.values([...document.querySelectorAll('.speaker')].reduce((cols, row) => {
      const status = row.querySelector('.speaker__status');
      const name = row.querySelector('.speaker__name');
      const key = Math.round(row.getBoundingClientRect().left);
      const s = status.getBoundingClientRect(), n = name.getBoundingClientRect();
      (cols[key] ??= []).push(Math.abs(s.top - n.top) < n.height / 2 ? Math.round(s.left) : 'wrapped');
      return cols;
    }, {})),
  };
})()`;

interface Edges {
  clipped: string[];
  brokenCells: string[];
  fitShown: number;
  fitMore: string[];
  voteRows: number;
  tied: number;
  voteLabels: number[];
  voteBars: number[];
  voteCounts: number[];
  ratingBars: number[];
  ratingBarWidths: number[];
  statusByColumn: (number | 'wrapped')[][];
}

const oneEdge = (xs: unknown[]) => new Set(xs).size <= 1;

describe('the second half of the workshop on the projected board, filled, fits one screen and lines up', () => {
  const env = roomForFile({ participants: 40, notes: 300, clusters: 12, allClustered: true }, 'checkin');

  it('is seeded as a room would leave it', async () => {
    const { room } = env;
    const eight = room.participants.slice(0, 8).map((p) => p.id);
    await room.control((control) => {
      // check-in and check-out: eight in the order, a list the board shows whole
      setOrder(control, eight);
      setCurrentSpeaker(control, eight[3], Date.now());
      setQuestion(control, 'Vad tar du med dig från dagens möte?', 'checkout');
      setOrder(control, eight, 'checkout');
      for (const id of eight.slice(0, 2)) markSpoken(control, id);
      setVoting(control, 'areas', { dots: 3, open: true });
      setRatingSettings(control, { enabled: true });
    });
    // every phone places its three dots and rates the forum, each through its own outbox
    await Promise.all(
      room.participants.map((p, i) =>
        room.asPhone(p, (priv) => {
          const ids = room.clusterIds;
          for (const at of [i % 12, (i * 5) % 12, i % 3 === 0 ? 0 : (i + 1) % 12]) placeDot(priv, 'areas', ids[at]);
          rate(priv, [4, 4, 5, 3, 2, 4, 5, 3][i % 8]);
        }),
      ),
    );
    await room.control((control) => {
      setVoting(control, 'areas', { open: false, revealed: true });
      setRatingSettings(control, { revealed: true });
      setConclusion(control, 'Utskrivningen brister där ansvaret lämnas över. Vi börjar med en gemensam checklista och följer upp på nästa möte.');
    });
    // more next steps than a screen holds, some with long texts
    await room.meeting((meeting) => {
      for (let i = 0; i < STEPS; i++) {
        const id = addStep(meeting, { what: `Steg ${i + 1}: ${i % 3 === 0 ? 'ta fram en gemensam checklista för utskrivning från slutenvården till hemtjänsten' : 'boka uppföljning med enhetscheferna'}` });
        updateStep(meeting, id, { ownerKind: 'text', ownerText: ['Anna Berg', 'Primärvården', 'Kommunens biståndshandläggare'][i % 3], due: `2027-01-${String(10 + i).padStart(2, '0')}`, mandate: i % 4 === 0 ? 'propose' : 'decide', proposeTo: i % 4 === 0 ? 'Styrgruppen för vård och omsorg' : '' });
      }
    });
  });

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      const { app, browser, room } = env;
      const context = await laptopContext(browser, size);
      const page = await context.newPage();
      await page.goto(`${app.url}/m/${room.meetingId}/board#key=${room.facilitatorKey}&code=${room.joinCode}`);
      for (const phase of PHASES) {
        await room.goTo(phase);
        await page.locator(`h1[data-phase="${phase}"]`).waitFor({ timeout: 15_000 });
        if (phase === 'voting') await page.locator('.vote-chart-board .vote-chart-row').first().waitFor({ timeout: 15_000 });
        if (phase === 'checkout') await page.locator('.rating-bar').first().waitFor({ timeout: 15_000 });
        if (phase === 'nextsteps' || phase === 'summary') await page.locator('.fit-more').first().waitFor({ timeout: 15_000 });
        await page.waitForTimeout(400);
        const where = `${phase} at ${size.width}×${size.height}`;
        await page.screenshot({ path: join(SHOTS_DIR, `stage-filled-${phase}-${size.width}.png`) });
        const m = (await page.evaluate(MEASURE)) as Measured;
        expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
        expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
        expect(m.smallText, `${where}: text under 28 px at 1920×1080 scale`).toEqual([]);
        const e = (await page.evaluate(EDGES)) as Edges;
        expect(e.clipped, `${where}: rows cut off at the stage's edge`).toEqual([]);
        if (phase === 'voting') {
          expect(e.voteRows, `${where}: result rows`).toBeGreaterThanOrEqual(5);
          expect(e.tied, `${where}: shared places`).toBeGreaterThan(0);
          for (const key of ['voteLabels', 'voteBars', 'voteCounts'] as const) expect(oneEdge(e[key]), `${where}: ${key} ${e[key].join(', ')}`).toBe(true);
        }
        if (phase === 'nextsteps' || phase === 'summary') {
          // what does not fit is left out whole and counted: shown + left out = every step
          const shown = await page.locator(phase === 'nextsteps' ? '.nextsteps-board tbody > tr:not([hidden])' : '.summary-board-steps > li:not([hidden])').count();
          expect(shown, `${where}: steps shown`).toBeGreaterThan(0);
          expect(e.brokenCells, `${where}: headings, dates or statuses broken over lines`).toEqual([]);
          expect(e.fitMore, `${where}: steps left out`).toContain(`+${STEPS - shown} till`);
        }
        if (phase === 'summary') {
          await expect.poll(() => page.locator('.summary-board-conclusion').textContent()).toContain('gemensam checklista');
          // the vote's first places, shared places said as such
          const places = await page.locator('.summary-board-places li:not([hidden])').allTextContents();
          expect(places.length, `${where}: first places of the vote`).toBeGreaterThanOrEqual(3);
          expect(places[0], where).toMatch(/^1\./);
        }
        if (phase === 'checkout') {
          expect(e.ratingBars.length, `${where}: rating bars`).toBe(5);
          expect(oneEdge(e.ratingBars) && oneEdge(e.ratingBarWidths), `${where}: rating tracks ${e.ratingBars.join(', ')} / ${e.ratingBarWidths.join(', ')}`).toBe(true);
        }
        if (phase === 'checkin' || phase === 'checkout') {
          for (const column of e.statusByColumn) {
            expect(column, `${where}: a status word wrapped off its name's line`).not.toContain('wrapped');
            expect(oneEdge(column), `${where}: status words ${column.join(', ')}`).toBe(true);
          }
        }
        if (size.width === 1920) await expectNoSeriousAxe(page, `board ${where}`);
      }
      await context.close();
    });
  }
});
