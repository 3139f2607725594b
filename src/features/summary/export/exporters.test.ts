// Every exporter against one meeting full of hostile text: the file reads back as the same
// words, and no text becomes markup, a link, a field code or a formula.
import { beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { marked } from 'marked';
import Papa from 'papaparse';
import { HOSTILE, hostileSummary } from './hostileFixture';
import { escapeMarkdown, summaryToMarkdown } from './markdown';
import { csvCell, nextStepsToCsv } from './csv';
import { summaryToDocxBytes } from './docx';
import type { MeetingSummary } from '@common/summary';
import { loadCatalogue } from '@/i18n/translate';

const withHidden = (hidden: MeetingSummary['hidden']): MeetingSummary => ({ ...hostileSummary, hidden });

/** The text Word shows: every <w:t> run, with XML entities decoded. */
function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'))
    .join('');
}

beforeAll(() => loadCatalogue('en'));

describe('Markdown export', () => {
  const md = summaryToMarkdown(hostileSummary);
  const html = marked.parse(md, { async: false }) as string;

  it('renders no HTML, link or image a note typed', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<a\s/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('has only the headings the summary itself makes', () => {
    const h1 = html.match(/<h1>/g) ?? [];
    const h2 = html.match(/<h2>/g) ?? [];
    expect(h1).toHaveLength(1);
    // one per section and the rating trend: no "# Rubrik" from a note or purpose became a heading
    expect(h2).toHaveLength(14);
    expect(html).not.toMatch(/<h[1-6]>Rubrik/);
  });

  it('keeps table rows intact when a cell holds pipes and newlines', () => {
    const rows = html.match(/<tr>/g) ?? [];
    // votes: 1 + 3, solutions: 1 + 1, next steps: 1 + 3, rating trend: 1 + 2
    expect(rows).toHaveLength(13);
  });

  it('reads back as the words people typed', () => {
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(text).toContain(HOSTILE.formula);
    expect(text).toContain(HOSTILE.long);
    expect(text).toContain(HOSTILE.emoji);
    expect(text).toContain(HOSTILE.swedish);
    expect(text).toContain('abcexe.txt');
    expect(text).not.toContain('\u202E');
  });

  it('gives the rating trend as a table with escaped titles', () => {
    const trend = md.slice(md.indexOf('## Betyget över forumets möten'));
    expect(trend).toContain('| 2026\\-03\\-01 | \\[klicka\\]');
    expect(trend).toContain('| 3,5 | 6 |');
    expect(trend).toContain('| Namnlöst möte | 4,0 | 5 |');
  });

  it("gives each group's four answers as text, an unnamed group by its number", () => {
    const groups = md.slice(md.indexOf('## Fördjupning'), md.indexOf('## Prioriterade lösningar'));
    expect(groups).toContain('### Grupp 1');
    expect(groups).toContain('### Grupp 2');
    const groupHtml = marked.parse(groups, { async: false }) as string;
    expect(groupHtml.match(/<h3>/g)).toHaveLength(2);
    expect(groupHtml.match(/<h2>/g)).toHaveLength(1);
    expect(groupHtml).not.toMatch(/<a\s|<img|<script|<h[14-6]>/i);
    expect(groupHtml.match(/<li>/g)).toHaveLength(10);
    expect(groups.split('d) Förslag på lösningar')).toHaveLength(3);
  });

  it('escapes every character Markdown gives meaning to', () => {
    expect(escapeMarkdown('# [a](b) *c* `d` <e> | f')).toBe('\\# \\[a\\]\\(b\\) \\*c\\* \\`d\\` &lt;e&gt; \\| f');
  });

  it('leaves out hidden sections, and an anonymous note has no name', () => {
    const hidden = summaryToMarkdown(withHidden(['nextSteps', 'checkout']));
    expect(hidden).not.toContain('## Nästa steg');
    expect(hidden).not.toContain('## Utcheckning');
    expect(md).toContain('Kim');
    expect(md.match(/Kim/g)).toHaveLength(1);
  });

  it('is in the meeting language', async () => {
    await loadCatalogue('en');
    expect(summaryToMarkdown({ ...hostileSummary, language: 'en' })).toContain('## Next steps');
  });
});

describe('CSV export of the next steps', () => {
  const csv = nextStepsToCsv(hostileSummary);
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';', skipEmptyLines: true });

  it('starts with a UTF-8 BOM and uses semicolons and CRLF', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('"Vad";"Vem";"När";"Mandat";"Status";"Kommer från"');
    expect(parsed.errors).toEqual([]);
  });

  it('parses back to one row per next step with six cells', () => {
    expect(parsed.data).toHaveLength(4);
    for (const row of parsed.data) expect(row).toHaveLength(6);
  });

  it('neutralises every cell a spreadsheet would run as a formula', () => {
    const cells = parsed.data.slice(1).flat();
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(parsed.data[1][0]).toBe(`'${HOSTILE.formula}`);
    expect(parsed.data[1][1]).toBe("'-2+3");
    expect(parsed.data[1][2]).toBe(`'${HOSTILE.plusFormula}`);
    expect(parsed.data[2][0]).toBe("'@cmd");
    expect(parsed.data[2][1].startsWith("'")).toBe(true);
    expect(parsed.data[2][2].startsWith("'")).toBe(true);
  });

  it('keeps quotes, semicolons, Å Ä Ö and emoji', () => {
    expect(parsed.data[2][3]).toBe('Förslag till Styrgruppen; "Län"');
    expect(parsed.data[3][0]).toBe(`Kartlägg vårdövergångar ${HOSTILE.swedish}`);
    expect(parsed.data[3][1]).toBe(HOSTILE.emoji);
    expect(parsed.data[3][5]).toBe('abcexe.txt');
  });

  it('quotes a plain cell without changing it', () => {
    expect(csvCell('2027-01-15')).toBe('"2027-01-15"');
  });
});

describe('Word export', () => {
  it('is a zip whose document text holds the hostile words as plain text', async () => {
    const bytes = await summaryToDocxBytes(hostileSummary);
    const files = unzipSync(bytes);
    const xml = strFromU8(files['word/document.xml']);
    const text = wordText(xml);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.formula);
    expect(text).toContain(HOSTILE.wordField);
    expect(text).toContain(HOSTILE.long);
    expect(text).toContain(HOSTILE.emoji);
    expect(text).toContain('Åsa Öberg');
    // nothing a note said became markup, a field or a link
    expect(xml).not.toContain('<script');
    expect(xml).not.toMatch(/<w:fldSimple|<w:instrText|<w:hyperlink|w:fldChar/);
    expect(xml).not.toContain('\u202E');
    expect(xml).not.toContain('\u0007');
  });

  it('has real headings, tables for votes and next steps, and the meeting language', async () => {
    const xml = strFromU8(unzipSync(await summaryToDocxBytes(hostileSummary))['word/document.xml']);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(14);
    // area votes, solution votes, next steps, rating trend
    expect(xml.match(/<w:tbl>/g)?.length).toBe(4);
    expect(xml).toContain('w:val="sv-SE"');
    const text = wordText(xml);
    expect(text).toContain('Nästa steg');
    expect(text).toContain('Förslag till Styrgruppen; "Län"');
  });

  it('has the rating trend across the series as a table, in the meeting language', async () => {
    const text = wordText(strFromU8(unzipSync(await summaryToDocxBytes(hostileSummary))['word/document.xml']));
    expect(text).toContain('Betyget över forumets möten');
    expect(text).toContain(`2026-03-01${HOSTILE.mdLink}3,56`);
    expect(text).toContain('Namnlöst möte4,05');
  });

  it("holds each group's four answers, an unnamed group by its number", async () => {
    const text = wordText(strFromU8(unzipSync(await summaryToDocxBytes(hostileSummary))['word/document.xml']));
    expect(text).toContain('Grupp 2');
    expect(text).toContain('abcexe.txt');
    expect(text).toContain(`${HOSTILE.arithmetic}`);
    expect(text.split('d) Förslag på lösningar')).toHaveLength(3);
  });

  it('leaves out hidden sections', async () => {
    const xml = strFromU8(unzipSync(await summaryToDocxBytes(withHidden(['nextSteps'])))['word/document.xml']);
    expect(wordText(xml)).not.toContain('Kartlägg vårdövergångar');
    expect(xml.match(/<w:tbl>/g)?.length).toBe(3);
  });
});
