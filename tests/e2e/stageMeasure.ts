// What the stage tests measure on the projected board: page scroll, notes cut off, under the stage
// size or off screen, and any text under 28 px at 1920×1080 scale (docs/board-stage.md).

export interface Measured {
  scrollW: number;
  scrollH: number;
  w: number;
  h: number;
  notes: number;
  cut: string[];
  small: string[];
  offscreen: string[];
  minText: number;
  smallText: string[];
}

// a string, not a function: the test runner's helpers must not leak into the page
export const MEASURE = `(() => {
  const s = Math.min(innerWidth / 1920, innerHeight / 1080);
  const minNote = 28 * s - 0.5;
  const doc = document.documentElement;
  const cut = [], small = [], offscreen = [], smallText = [];
  let notes = 0;
  for (const note of document.querySelectorAll('[data-note-id]')) {
    if (note.closest('[hidden]') || note.offsetParent === null) continue;
    notes++;
    const text = note.querySelector('.note-card-text, .note-text') || note;
    if (text.scrollHeight > text.clientHeight + 1 || text.scrollWidth > text.clientWidth + 1) cut.push(text.textContent);
    if (parseFloat(getComputedStyle(text).fontSize) < minNote) small.push(text.textContent + ' ' + getComputedStyle(text).fontSize);
    const r = note.getBoundingClientRect();
    if (r.top < 0 || r.left < 0 || r.bottom > innerHeight + 0.5 || r.right > innerWidth + 0.5) offscreen.push(text.textContent);
  }
  let minText = Infinity;
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('.visually-hidden, [hidden], [aria-hidden="true"]') || el.offsetParent === null) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    minText = Math.min(minText, size);
    if (size < minNote) smallText.push(n.textContent.trim().slice(0, 40) + ' ' + size);
  }
  return { scrollW: doc.scrollWidth, scrollH: doc.scrollHeight, w: innerWidth, h: innerHeight, notes, cut, small, offscreen, minText, smallText: smallText.slice(0, 5) };
})()`;
