// Dialogkafé in the summary and its exports: built from the documents as the relay left them
// (common/cafe.ts cafeSummary), with hostile text in every field; no text becomes markup, a
// heading or a field, and the archive carries the tables' notes but not who sat where.
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { marked } from 'marked';
import { buildSummary } from '@common/summary';
import { createArchive, parseArchive } from '@common/archive';
import { HOSTILE } from './hostileFixture';
import { summaryToMarkdown } from './markdown';
import { summaryToDocxBytes } from './docx';
import { loadCatalogue } from '@/i18n/translate';

beforeAll(() => loadCatalogue('en'));

const P = 'p'.repeat(21);
const source = () => ({
  date: '2026-12-05',
  language: 'sv' as const,
  meeting: {
    cafeNotes: {
      a: { table: 2, round: 2, text: HOSTILE.mdLink, createdAt: 3 },
      b: { table: 2, round: 1, text: HOSTILE.script, createdAt: 9 },
      c: { table: 1, round: 1, text: HOSTILE.mdHeading, createdAt: 1 },
      d: { table: 1, round: 1, text: HOSTILE.control, createdAt: 2 },
    },
    cafeSummaries: { '2': { table: 2, text: HOSTILE.wordField, updatedAt: 1 } },
  },
  control: {
    cafe: { question: HOSTILE.rtl, tables: 2, rounds: 2, round: 2, harvest: true, present: [P], seed: 1 },
    cafeSeats: { '1': { [P]: 1 } },
    cafeHosts: { '1': { '1': P } },
  },
});

describe('dialogkafé in the summary', () => {
  it('each table’s summary and notes by round, oldest first, texts through the parser', () => {
    const s = buildSummary(source());
    expect(s.cafe?.question).toBe('abcexe.txt');
    expect(s.cafe?.tables).toEqual([
      { table: 1, summary: '', rounds: [{ round: 1, notes: [HOSTILE.mdHeading, 'bellnullend'] }] },
      { table: 2, summary: HOSTILE.wordField, rounds: [{ round: 1, notes: [HOSTILE.script] }, { round: 2, notes: [HOSTILE.mdLink] }] },
    ]);
    expect(JSON.stringify(s.cafe)).not.toContain(P);
  });

  it('no café section when the meeting did not run one', () => {
    expect(buildSummary({ date: '2026-12-05', language: 'sv', meeting: {}, control: {} }).cafe).toBeUndefined();
  });

  it('Markdown: no typed text becomes HTML, a link or a heading', () => {
    const md = summaryToMarkdown(buildSummary(source()));
    const html = marked.parse(md, { async: false }) as string;
    expect(html).not.toMatch(/<script|<a\s|<img/i);
    expect(html).not.toMatch(/<h[1-6]>(Rubrik|Underrubrik)/);
    expect(md).toContain('## Dialogkafé');
    expect(md).toContain('### Bord 2');
    const words = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    expect(words).toContain(HOSTILE.script);
    expect(words).toContain(HOSTILE.wordField);
  });

  it('Word: the texts are runs, not fields, under the café’s headings', async () => {
    const bytes = await summaryToDocxBytes({ ...buildSummary(source()), language: 'en' });
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText/);
    expect(xml).toContain('World café');
    expect(xml).toContain('Table 2');
    expect(xml).toContain('Round 1');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('the archive carries the question, notes and summaries, never the seating, and imports', () => {
    const src = source();
    const archive = createArchive(src.meeting as never, src.control as never, '2026-12-05T10:00:00Z');
    expect(Object.keys(archive.meeting).sort()).toEqual(['cafeNotes', 'cafeSummaries']);
    expect(Object.keys(archive.control)).toEqual(['cafe']);
    expect((archive.meeting.cafeNotes.d as { text: string }).text).toBe('bellnullend');
    const back = parseArchive(JSON.stringify(archive));
    expect(back.ok).toBe(true);
  });
});
