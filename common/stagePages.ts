// Pages of notes on the projected board: the walk-through and an opened cluster show every note
// at stage size, a page at a time. Every board, the console and the phones must agree on which
// notes are on page N (the console says "sida 3 av 38", a phone marks its notes on the board now),
// so pages are not measured in one browser: they are packed by this pure function from the note
// texts, in stage units. The stage scales everything with --s (1 unit = 1 px at 1920×1080, from
// the smaller side), so a page that fits a 1920×1080 stage fits every board from 1280×720 to
// 3840×2160, 16:9, 16:10 or 4:3 alike. Text widths are estimated on the wide side (DejaVu Sans,
// Debian's default, is wider than Segoe UI or Roboto): a page may leave room, never cut a note.

export interface PageItem {
  id: string;
  text: string;
  /** lines under the text at the smaller meta size (an organisation tag, "+2 dubbletter") */
  metaLines?: number;
}

/** The geometry of one page, in stage units (px at 1920×1080). */
export interface PageLayout {
  columns: number;
  /** the width a note's text wraps in */
  textWidth: number;
  /** what one column of notes may fill */
  columnHeight: number;
  fontSize: number;
  lineHeight: number;
  /** a note's padding and border, top and bottom together */
  noteChrome: number;
  /** one meta line's height */
  metaLine: number;
  /** between two notes in a column */
  gap: number;
}

export interface StagePage {
  /** the section (author) the page belongs to; 0 when there are none */
  section: number;
  /** note ids per column, top to bottom */
  columns: string[][];
}

// a character's advance in em, rounded up for a wide sans-serif
function charWidth(ch: string): number {
  if (ch === ' ') return 0.33;
  if (/[il.,:;!|'’`]/.test(ch)) return 0.3;
  if (/[fjrt()\-–/"”]/.test(ch)) return 0.42;
  if (/[mwMWÅÄÖ@%]/.test(ch)) return 0.98;
  if (/[A-ZÅÄÖÉÜ]/.test(ch)) return 0.76;
  if (/[0-9]/.test(ch)) return 0.64;
  if (/[a-zåäöéü]/.test(ch)) return 0.62;
  return 0.8;
}

const wordWidth = (word: string) => [...word].reduce((w, ch) => w + charWidth(ch), 0);

/** How many lines `text` takes at a line `width` em wide: greedy by words, long words broken. */
export function estimateLines(text: string, widthEm: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let used = 0;
    for (const word of paragraph.split(/ +/)) {
      if (word === '') continue;
      const w = wordWidth(word);
      if (used > 0 && used + 0.33 + w <= widthEm) {
        used += 0.33 + w;
        continue;
      }
      // a new line; a word wider than a line breaks over several (hyphen or overflow-wrap)
      line += used > 0 ? 1 : 0;
      if (w > widthEm) {
        // a broken word's lines each end in a hyphen: leave room for it
        const full = Math.floor(w / (widthEm - 0.4));
        line += full;
        used = w - full * (widthEm - 0.4);
        if (used <= 0) {
          line -= 1;
          used = widthEm;
        }
      } else used = w;
    }
    lines += line + 1;
  }
  return Math.max(1, lines);
}

/** A note's height in stage units. */
export function itemHeight(item: PageItem, layout: PageLayout): number {
  const lines = estimateLines(item.text, layout.textWidth / layout.fontSize);
  return layout.noteChrome + lines * layout.fontSize * layout.lineHeight + (item.metaLines ?? 0) * layout.metaLine;
}

/**
 * Packs the notes, in order, into pages of `layout.columns` columns: down the first column until
 * the next note would pass the column's height, then the next column, then a new page. A section
 * (one author's notes) always starts a new page. Every note is on exactly one page.
 */
export function paginate(sections: readonly (readonly PageItem[])[], layout: PageLayout): StagePage[] {
  const pages: StagePage[] = [];
  sections.forEach((items, section) => {
    if (items.length === 0) return;
    let page: StagePage = { section, columns: [[]] };
    let used = 0;
    pages.push(page);
    for (const item of items) {
      const h = itemHeight(item, layout);
      let column = page.columns[page.columns.length - 1];
      if (column.length > 0 && used + layout.gap + h > layout.columnHeight) {
        if (page.columns.length < layout.columns) page.columns.push((column = []));
        else pages.push((page = { section, columns: [(column = [])] }));
        used = 0;
      }
      used += (column.length > 0 ? layout.gap : 0) + h;
      column.push(item.id);
    }
  });
  return pages;
}

/** The walk-through's page: three columns of notes at 34 units (above the stage's 30). */
export const WALK_LAYOUT: PageLayout = {
  columns: 3,
  textWidth: 566,
  columnHeight: 640,
  fontSize: 34,
  lineHeight: 1.25,
  noteChrome: 22,
  metaLine: 36,
  gap: 12,
};

/** A cluster (or the loose notes) opened large on the stage: the board's note cards, three columns. */
export const OPEN_LAYOUT: PageLayout = {
  columns: 3,
  textWidth: 530,
  columnHeight: 540,
  fontSize: 30,
  lineHeight: 1.2,
  noteChrome: 14,
  metaLine: 38,
  gap: 6,
};
