import { describe, expect, it } from 'vitest';
import { estimateLines, itemHeight, paginate, WALK_LAYOUT, type PageItem } from './stagePages';

const note = (n: number, text: string): PageItem => ({ id: `n${n}`, text });
const lorem = 'utskrivning läkemedelsgenomgång epikris hemtjänst vårdplan anhöriga samordning bostadsanpassning överlämning journal';

describe('stage pages', () => {
  it('puts every note on exactly one page, in order, and no column past its height', () => {
    const items = Array.from({ length: 300 }, (_, i) => note(i, lorem.slice(0, (i * 37) % 280 || 5)));
    const pages = paginate([items], WALK_LAYOUT);
    const ids = pages.flatMap((p) => p.columns.flat());
    expect(ids).toEqual(items.map((i) => i.id));
    const height = new Map(items.map((i) => [i.id, itemHeight(i, WALK_LAYOUT)]));
    for (const page of pages) {
      expect(page.columns.length).toBeLessThanOrEqual(WALK_LAYOUT.columns);
      for (const column of page.columns) {
        const h = column.reduce((sum, id) => sum + height.get(id)!, 0) + (column.length - 1) * WALK_LAYOUT.gap;
        expect(column.length === 1 || h <= WALK_LAYOUT.columnHeight).toBe(true);
      }
    }
  });

  it('starts each section (author) on a new page, and skips empty ones', () => {
    const pages = paginate([[note(1, 'a'), note(2, 'b')], [], [note(3, 'c')]], WALK_LAYOUT);
    expect(pages).toEqual([
      { section: 0, columns: [['n1', 'n2']] },
      { section: 2, columns: [['n3']] },
    ]);
  });

  it('gives a longer text more lines, and breaks a word wider than a line', () => {
    expect(estimateLines('kort', 16)).toBe(1);
    expect(estimateLines(lorem, 16)).toBeGreaterThan(estimateLines(lorem.slice(0, 40), 16));
    expect(estimateLines('x'.repeat(100), 16)).toBeGreaterThanOrEqual(4);
    expect(estimateLines('ett\ntvå\ntre', 16)).toBe(3);
  });
});
