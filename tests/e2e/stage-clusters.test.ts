// The clustering board with every note sorted: 300 notes in 12 clusters of 25. The full form
// cannot fit, so the board must switch to compact (name, count, first notes, Öppna) at every
// size — no page scroll and no cluster or note box below or beside the viewport — and every
// compact cluster shows its whole name, its count and at least its first whole note.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { meetingDocName } from '@common/docNames';
import { SHOTS_DIR, laptopContext, writeThroughRelay } from './harness';
import { roomForFile } from './roomForFile';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

const MEASURE = `(() => {
  const doc = document.documentElement;
  const out = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.top < -0.5 || r.left < -0.5 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5); };
  const boxes = [...document.querySelectorAll('[data-cluster-id], [data-note-id]')].filter((el) => !el.closest('[hidden]') && el.offsetParent !== null);
  const clusters = [...document.querySelectorAll('[data-cluster-id]')];
  return {
    scrollW: doc.scrollWidth, scrollH: doc.scrollHeight, w: innerWidth, h: innerHeight,
    outside: boxes.filter(out).map((el) => (el.dataset.clusterId ? 'cluster ' + el.dataset.clusterId : 'note ' + el.dataset.noteId)).slice(0, 5),
    clusters: clusters.length,
    withNotes: clusters.filter((c) => c.querySelector('[data-note-id]')).length,
    // a whole note: its box inside its cluster's and the window, its text not clipped, at the stage size
    withWholeNote: clusters.filter((c) => {
      const note = c.querySelector('[data-note-id]');
      if (!note) return false;
      const n = note.getBoundingClientRect(), k = c.getBoundingClientRect();
      const text = note.querySelector('.note-card-text');
      return n.top >= k.top - 0.5 && n.bottom <= k.bottom + 0.5 && n.bottom <= innerHeight + 0.5 && n.right <= innerWidth + 0.5 && n.height > 0 &&
        text && text.scrollHeight <= text.clientHeight + 1 && text.scrollWidth <= text.clientWidth + 1;
    }).length,
    clusterNames: clusters.filter((c) => { const n = c.querySelector('.cluster-name'); return n && n.getBoundingClientRect().height > 0 && n.scrollHeight <= n.clientHeight + 1; }).length,
    smallestNote: Math.min(...[...document.querySelectorAll('[data-cluster-id] .note-card-text')].map((el) => parseFloat(getComputedStyle(el).fontSize))),
    s: Math.min(innerWidth / 1920, innerHeight / 1080),
    // every line break in a note or cluster name falls at a space, a dash or a soft hyphen (a
    // Swedish hyphenation point), found by the rectangle of each character
    badBreaks: [...document.querySelectorAll('[data-cluster-id] .note-card-text, [data-cluster-id] .cluster-name-shown, [data-cluster-id] h2.cluster-name')].flatMap((el) => {
      const bad = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.data;
        let lastTop = null;
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // the character's own box: after a soft break the range also reports an empty box at the line's end
          const r = [...range.getClientRects()].filter((box) => box.width > 0).pop();
          if (!r || /\\s/.test(text[i])) continue;
          if (lastTop !== null && r.top > lastTop + 2) {
            const before = text.slice(0, i).replace(/[ \\n]+$/, '');
            const brokeAt = text.slice(before.length, i);
            if (!/\\s/.test(brokeAt) && !/[\\u00AD\\-–\\/]$/.test(before)) bad.push(text.slice(Math.max(0, i - 12), i).replace(/\\u00AD/g, '') + '|' + text.slice(i, i + 6));
          }
          lastTop = r.top;
        }
      }
      return bad;
    }).slice(0, 5),
    mode: document.querySelector('.cluster-board')?.className ?? '',
  };
})()`;

describe('the clustering board with 12 clusters of 25 notes fits one screen', () => {
  const env = roomForFile({ participants: 4, notes: 300, clusters: 12, allClustered: true }, 'clustering');

  for (const size of SIZES) {
    it(`at ${size.width}×${size.height}`, async () => {
      const context = await laptopContext(env.browser, size);
      const page = await context.newPage();
      await page.goto(`${env.app.url}/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
      await page.locator('[data-cluster-id]').nth(11).waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForTimeout(600);
      const m = (await page.evaluate(MEASURE)) as { badBreaks: string[]; scrollW: number; scrollH: number; w: number; h: number; outside: string[]; clusters: number; withNotes: number; withWholeNote: number; clusterNames: number; smallestNote: number; s: number; mode: string };
      await page.screenshot({ path: join(SHOTS_DIR, `stage-clusters-12x25-${size.width}.png`) });
      const where = `${size.width}×${size.height} (${m.mode})`;
      expect(m.scrollH, `${where}: page height`).toBeLessThanOrEqual(m.h);
      expect(m.scrollW, `${where}: page width`).toBeLessThanOrEqual(m.w);
      expect(m.outside, `${where}: boxes outside the viewport`).toEqual([]);
      expect(m.clusters, `${where}: clusters`).toBe(12);
      // every compact tile: its whole name, its count and at least its first whole note, legibly
      expect(m.mode, where).toContain('cluster-board--compact');
      expect(m.withWholeNote, `${where}: clusters showing a whole note`).toBe(12);
      expect(m.clusterNames, `${where}: whole cluster names`).toBe(12);
      expect(m.badBreaks, `${where}: words broken outside Swedish hyphenation points`).toEqual([]);
      expect(m.smallestNote, `${where}: note text size`).toBeGreaterThanOrEqual(28 * m.s - 0.5);
      await context.close();
    });
  }

  it('on the console the board stays full and the page scrolls: every note is there to drag', async () => {
    const context = await laptopContext(env.browser, { width: 1280, height: 720 });
    const page = await context.newPage();
    await page.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    await page.locator('[data-cluster-id]').nth(11).waitFor({ state: 'attached', timeout: 15_000 });
    await page.waitForTimeout(600);
    // reaching below the window is what a scrolling page does: it is no reason to hide notes
    expect(await page.locator('.cluster-board').getAttribute('class')).toContain('cluster-board--full');
    expect(await page.locator('.cluster-board [data-note-id]').count()).toBe(300);
    expect(await page.locator('.cluster-board .cluster-open').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight)).toBe(true);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-clusters-12x25-1280.png') });
    await context.close();
  });

  it('on the console a note dragged from the top of 300 notes reaches the parking zone: it floats in the window while the mouse drags', async () => {
    const context = await laptopContext(env.browser, { width: 1280, height: 720 });
    const page = await context.newPage();
    await page.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    const note = page.locator('[data-cluster-id] [data-note-id]').first();
    await note.waitFor({ timeout: 15_000 });
    const noteId = await note.getAttribute('data-note-id');
    const zone = page.locator('[data-drop-zone="parking"]');
    const count = async () => Number(await zone.locator('.parking-drop-count').textContent());
    const parkedBefore = await count();
    // the zone's place is at the end of the board, far below the window
    await page.evaluate(() => scrollTo(0, 0));
    const inPage = (await zone.boundingBox())!;
    expect(inPage.y, 'the zone in its place is below the window').toBeGreaterThan(720);
    const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);

    const a = (await note.locator('.note-card-body').boundingBox())!;
    await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await page.mouse.down();
    await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
    await expect.poll(() => zone.getAttribute('class')).toContain('is-floating');
    const floating = (await zone.boundingBox())!;
    expect(floating.y, 'floating zone inside the window').toBeGreaterThanOrEqual(0);
    expect(floating.y + floating.height, 'floating zone inside the window').toBeLessThanOrEqual(720);
    expect(floating.x + floating.width).toBeLessThanOrEqual(1280);
    // its place in the page is kept: nothing under the pointer moves when it floats
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(scrollHeight);
    await page.screenshot({ path: join(SHOTS_DIR, 'console-clusters-parking-floating-1280.png') });
    await page.mouse.move(floating.x + floating.width / 2, floating.y + floating.height / 2, { steps: 12 });
    await expect.poll(() => zone.getAttribute('class')).toContain('is-over');
    await page.mouse.up();

    await expect.poll(count).toBe(parkedBefore + 1);
    expect(await page.locator(`[data-cluster-id] [data-note-id="${noteId}"]`).count(), 'the note left its cluster').toBe(0);
    // back in its place once the drag is over
    expect(await zone.getAttribute('class')).not.toContain('is-floating');
    await context.close();
  });

  it('on the console a keyboard drag goes from note to note with the arrows, each one highlighted and announced, and Space drops the note into the cluster of the note it is over', async () => {
    const context = await laptopContext(env.browser, { width: 1920, height: 1080 });
    const page = await context.newPage();
    await page.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    const note = page.locator('[data-cluster-id] [data-note-id]').first();
    await note.waitFor({ timeout: 15_000 });
    const noteId = (await note.getAttribute('data-note-id'))!;
    const fromCluster = (await note.evaluate((el) => el.closest<HTMLElement>('[data-cluster-id]')!.dataset.clusterId))!;
    const live = page.locator('[id^="DndLiveRegion"]');
    // what is highlighted as the target: the one note or container with is-over, and the note's text
    const target = () =>
      page.evaluate(() => {
        const over = [...document.querySelectorAll('.cluster-board .is-over')];
        const el = over[0] as HTMLElement | undefined;
        return {
          count: over.length,
          noteId: el?.dataset.noteId ?? null,
          text: el?.dataset.noteId ? (el.querySelector('.note-card-text')?.textContent ?? null) : null,
          clusterId: el?.closest<HTMLElement>('[data-cluster-id]')?.dataset.clusterId ?? null,
        };
      });
    await page.evaluate(() => scrollTo(0, 0));
    await note.locator('.note-card-body').focus();
    await page.keyboard.press('Space');
    // picked up: over its own cluster (a note is never its own target)
    await expect.poll(async () => (await target()).count).toBe(1);
    // arrows until the target is a note in another cluster; every step one highlighted target, announced
    let at = await target();
    for (let i = 0; i < 40 && !(at.noteId && at.clusterId !== fromCluster); i++) {
      const before = at;
      await page.keyboard.press('ArrowRight');
      await expect.poll(async () => JSON.stringify((at = await target()))).not.toBe(JSON.stringify(before));
      expect(at.count, 'one target at a time').toBe(1);
      if (at.text) await expect.poll(() => live.textContent()).toContain(`är över lappen ”${at.text}”`);
    }
    expect(at.noteId, 'reached a note in another cluster').not.toBeNull();
    const intoCluster = at.clusterId!;
    await page.keyboard.press('Space');
    await expect.poll(() => live.textContent()).toContain(`på lappen ”${at.text}”`);
    await page.locator(`[data-cluster-id="${intoCluster}"] [data-note-id="${noteId}"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('.cluster-board .is-over').count(), 'no highlight left after the drop').toBe(0);
    await context.close();
  });

  it('a cluster or tray with no notes offers no "Öppna": there is nothing to show large', async () => {
    const id = 'clusterempty000000000';
    await writeThroughRelay(env.app, meetingDocName(env.room.meetingId), env.room.facilitatorKey, (doc) => {
      const c = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({ id, name: 'Tomt', order: 'zz', parked: false, handOverTo: '', createdAt: Date.now() })) c.set(k, v);
      doc.getMap('clusters').set(id, c);
    });
    const context = await laptopContext(env.browser, { width: 1920, height: 1080 });
    const page = await context.newPage();
    await page.goto(`${env.app.url}/m/${env.room.meetingId}/board#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    await page.locator(`[data-cluster-id="${id}"]`).waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => page.locator('.cluster-board--compact').count()).toBe(1);
    // the twelve clusters with notes each offer it; the empty one does not
    await expect.poll(() => page.locator('[data-cluster-id] .cluster-open').count()).toBe(12);
    expect(await page.locator(`[data-cluster-id="${id}"] .cluster-open`).count()).toBe(0);
    // every note is sorted: the empty tray of unsorted notes offers none either
    expect(await page.locator('.loose-tray .cluster-open').count()).toBe(0);
    await context.close();
  });

  it('the console scrolled down the board of 300 notes starts the next phase at its top', async () => {
    // the voting view is loaded already, so nothing shrinks the page in between by itself
    await env.room.goTo('voting');
    const context = await laptopContext(env.browser, { width: 1280, height: 720 });
    const page = await context.newPage();
    await page.goto(`${env.app.url}/m/${env.room.meetingId}/f#key=${env.room.facilitatorKey}&code=${env.room.joinCode}`);
    await page.getByRole('button', { name: 'Visa resultatet' }).waitFor({ timeout: 15_000 });
    await env.room.goTo('clustering');
    await page.locator('[data-cluster-id]').nth(11).waitFor({ timeout: 15_000 });
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await env.room.goTo('voting');
    await expect.poll(() => page.locator('[data-cluster-id]').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => scrollY)).toBe(0);
    await context.close();
  });
});
