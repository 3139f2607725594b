// Bikupa and fyra hörn in the summary and its exports: built from the documents as the relay left
// them (common/summary.ts), with hostile text in every field, no text becomes markup or a heading,
// no count below the threshold appears, and the archive carries the lines but not who sat with whom.
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { marked } from 'marked';
import { buildSummary } from '@common/summary';
import { createArchive } from '@common/archive';
import { HOSTILE } from './hostileFixture';
import { summaryToMarkdown } from './markdown';
import { summaryToDocxBytes } from './docx';
import { loadCatalogue } from '@/i18n/translate';

beforeAll(() => loadCatalogue('en'));

const source = (totals: number[] | null) => ({
  date: '2026-12-05',
  language: 'sv' as const,
  meeting: {
    buzzLines: { '2': { group: 2, text: HOSTILE.mdLink, updatedAt: 2 }, '1': { group: 1, text: HOSTILE.script, updatedAt: 1 } },
    cornerReasons: { abc: { corner: 1, text: HOSTILE.mdHeading, updatedAt: 1 }, def: { corner: 3, text: HOSTILE.formula, updatedAt: 2 } },
  },
  control: {
    buzz: { question: HOSTILE.wordField, mode: 'neighbours', size: 2, seed: 1, round: '' },
    buzzGroups: { ['p'.repeat(21)]: 1 },
    corners: { statement: HOSTILE.rtl, answers: ['Ja', HOSTILE.pipe, 'Kanske', '# Nej'], open: false, revealed: true, reasonsOpen: true },
    cornerResult: totals ? { count: 5, totals } : { count: 2, totals: null },
  },
});

describe('bikupa and fyra hörn in the summary', () => {
  it('lines by group in order, corners with their counts and reasons', () => {
    const s = buildSummary(source([1, 2, 0, 2]));
    expect(s.buzz).toEqual({ question: HOSTILE.wordField, lines: [{ group: 1, text: HOSTILE.script }, { group: 2, text: HOSTILE.mdLink }] });
    expect(s.corners?.corners.map((c) => c.count)).toEqual([1, 2, 0, 2]);
    expect(s.corners?.corners[1].reasons).toEqual([HOSTILE.mdHeading]);
    expect(s.corners?.statement).toBe('abcexe.txt');
  });

  it('no corner count when the relay published none (below the threshold)', () => {
    expect(buildSummary(source(null)).corners?.corners.map((c) => c.count)).toEqual([null, null, null, null]);
  });

  it('Markdown: no typed text becomes HTML, a link or a heading', () => {
    const html = marked.parse(summaryToMarkdown(buildSummary(source([1, 2, 0, 2]))), { async: false }) as string;
    expect(html).not.toMatch(/<script|<a\s|<img/i);
    expect(html).not.toMatch(/<h[1-6]>(Rubrik|Nej)/);
    expect(html).toContain('Grupp 1');
    const words = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(words).toContain(HOSTILE.script);
    expect(words).toContain(HOSTILE.formula);
  });

  it('Word: the texts are runs, not fields', async () => {
    const bytes = await summaryToDocxBytes({ ...buildSummary(source([1, 2, 0, 2])), language: 'en' });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText/);
    expect(xml).toContain('Group 2');
    expect(xml).toContain('Four corners');
  });

  it('the archive carries the lines and reasons but not who was in which buzz group', () => {
    const src = source([1, 2, 0, 2]);
    const archive = createArchive(src.meeting as never, src.control as never, '2026-12-05T10:00:00Z');
    expect(Object.keys(archive.meeting).sort()).toEqual(['buzzLines', 'cornerReasons']);
    expect(Object.keys(archive.control).sort()).toEqual(['buzz', 'cornerResult', 'corners']);
  });
});
