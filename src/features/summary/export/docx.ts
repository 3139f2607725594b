// Word (.docx) of the summary with the docx library: real headings (Heading 1/2/3 styles, so
// Word's navigation pane and document systems see the structure), tables for votes and next
// steps, the meeting's language on every run. User text only ever goes into text runs, which
// the library XML-escapes: no note can become a field code, hyperlink or markup.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import { shows, type MeetingSummary, type RankedItem, type SectionId } from '@common/summary';
import { formatMean } from '@common/series';
import { cleanText, labelsFor, mandateLabel, statusLabel, type Label } from './text';

export function summaryToDocument(summary: MeetingSummary): Document {
  const t = labelsFor(summary);
  const language = summary.language === 'sv' ? 'sv-SE' : 'en-GB';
  const run = (text: string, bold = false) => new TextRun({ text: cleanText(text), bold, language: { value: language } });
  /** a user text keeps its line breaks as separate runs with breaks between them */
  const runs = (text: string) => cleanText(text).split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, language: { value: language } }));
  const para = (text: string) => new Paragraph({ children: runs(text) });
  const labelled = (label: string, text: string) => new Paragraph({ children: [run(`${label}: `, true), ...runs(text)] });
  const bullet = (text: string) => new Paragraph({ children: runs(text), bullet: { level: 0 } });
  const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ heading: level, children: [run(text)] });
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: bold ? [run(text, true)] : runs(text) })] });
  const table = (header: string[], rows: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
        ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
      ],
    });
  const none = () => para(t('summary.none'));
  const voteTable = (rows: RankedItem[]) =>
    rows.length === 0
      ? none()
      : table(
          [t('summary.col.rank'), t('summary.col.item'), t('summary.col.count')],
          rows.map((r) => [`${r.rank}${r.tied ? ` (${t('summary.tied')})` : ''}`, r.label, String(r.count)]),
        );

  const body: FileChild[] = [heading(summary.info.title || t('summary.heading'), HeadingLevel.TITLE)];
  const section = (id: SectionId, children: FileChild[]) => {
    if (!shows(summary, id)) return;
    body.push(heading(t(`summary.section.${id}`), HeadingLevel.HEADING_1), ...children);
  };
  const list = (items: string[]) => (items.length ? items.map(bullet) : [none()]);
  const round = (answers: MeetingSummary['checkin']['answers']) =>
    list(answers.map((a) => `${a.name} (${a.organisation}): ${a.passed ? t('summary.passed') : a.text}`));
  const noteText = (n: { text: string; author?: string }) => (n.author ? `${n.text} — ${n.author}` : n.text);

  section('info', [
    labelled(t('summary.forum'), summary.info.forumName),
    labelled(t('summary.date'), summary.info.date),
    labelled(t('summary.purpose'), summary.info.purpose),
  ]);
  section('conclusion', summary.conclusion.trim() ? [para(summary.conclusion)] : [none()]);
  section('participants', [
    ...list(summary.participants.map((p) => `${p.name}, ${p.organisation}`)),
    ...(summary.missingOrgs.length ? [labelled(t('summary.missingOrgs'), summary.missingOrgs.join(', '))] : []),
  ]);
  section('agenda', list(summary.agenda));
  section('checkin', [
    ...(summary.checkin.question ? [labelled(t('summary.question'), summary.checkin.question)] : []),
    ...round(summary.checkin.answers),
  ]);
  if (summary.followUp.length) {
    section('followup', list(summary.followUp.map((f) => `${f.what} (${f.who}): ${t(`followup.status.${f.status}`)}${f.why ? ` – ${f.why}` : ''}`)));
  }
  if (summary.buzz) {
    section('buzz', [
      ...(summary.buzz.question ? [labelled(t('summary.question'), summary.buzz.question)] : []),
      ...list(summary.buzz.lines.map((l) => `${t('methods.group', { n: l.group })}: ${l.text}`)),
    ]);
  }
  if (summary.corners) {
    section('corners', [
      para(summary.corners.statement),
      ...summary.corners.corners.flatMap((c, i) => [
        heading(`${String.fromCharCode(65 + i)}: ${c.answer} (${c.count ?? t('methods.summary.notShown')})`, HeadingLevel.HEADING_2),
        ...list(c.reasons),
      ]),
    ]);
  }
  if (summary.cafe) {
    section('cafe', [
      ...(summary.cafe.question ? [labelled(t('summary.question'), summary.cafe.question)] : []),
      ...summary.cafe.tables.flatMap((table) => [
        heading(t('cafe.table', { n: table.table }), HeadingLevel.HEADING_2),
        ...(table.summary ? [labelled(t('cafe.summary.label'), table.summary)] : []),
        ...table.rounds.flatMap((r) => [heading(t('cafe.round.short', { n: r.round }), HeadingLevel.HEADING_3), ...list(r.notes)]),
      ]),
    ]);
  }
  section('notes', [
    ...summary.clusters.flatMap((c) => [heading(c.name || t('summary.unnamedCluster'), HeadingLevel.HEADING_2), ...list(c.notes.map(noteText))]),
    ...(summary.looseNotes.length ? [heading(t('summary.looseNotes'), HeadingLevel.HEADING_2), ...list(summary.looseNotes.map(noteText))] : []),
  ]);
  section('votes', [
    voteTable(summary.areaVotes),
    ...(summary.chosenAreas.length ? [labelled(t('summary.chosenAreas'), summary.chosenAreas.join(', '))] : []),
  ]);
  section(
    'groups',
    summary.groups.length
      ? summary.groups.flatMap((g, i) => [
          heading(g.name || t('summary.group.unnamed', { n: i + 1 }), HeadingLevel.HEADING_2),
          labelled(t('summary.group.area'), g.area),
          labelled(t('summary.group.why'), g.why),
          labelled(t('summary.group.what'), g.what),
          labelled(t('summary.group.forWhom'), g.forWhom),
          labelled(t('summary.group.solutions'), g.solutions),
        ])
      : [none()],
  );
  section('solutions', [voteTable(summary.solutionVotes)]);
  section('nextSteps', [
    summary.nextSteps.length
      ? table(
          ['what', 'who', 'when', 'mandate', 'status', 'origin'].map((c) => t(`summary.col.${c}` as 'summary.col.what')),
          summary.nextSteps.map((s) => [s.what, s.who, s.when, mandateLabel(t, s), statusLabel(t, s.status), s.origin]),
        )
      : none(),
  ]);
  section('parking', list(summary.parking.map((p) => (p.handOverTo ? `${p.text} → ${t('summary.handOverTo')}: ${p.handOverTo}` : p.text))));
  section('checkout', [
    ...round(summary.checkout.answers),
    ...(summary.rating ? ratingParagraphs(t, summary.rating) : []),
  ]);
  if (summary.ratingTrend?.length) {
    body.push(
      heading(t('summary.trend.heading'), HeadingLevel.HEADING_1),
      table(
        (['date', 'meeting', 'mean', 'count'] as const).map((c) => t(`summary.trend.col.${c}`)),
        summary.ratingTrend.map((p) => [p.date, p.title || t('summary.series.untitled'), formatMean(p.mean, summary.language), String(p.count)]),
      ),
    );
  }

  return new Document({
    creator: 'Samverkansverkstad',
    title: cleanText(summary.info.title),
    styles: { default: { document: { run: { language: { value: language } } } } },
    sections: [{ children: body }],
  });
}

function ratingParagraphs(t: Label, rating: NonNullable<MeetingSummary['rating']>): Paragraph[] {
  return [
    new Paragraph({ children: [new TextRun({ text: `${t('summary.rating')} (${t('summary.ratingTotal', { total: rating.total })})`, bold: true })] }),
    ...rating.counts.map((count, i) => new Paragraph({ text: t('summary.ratingLine', { score: i + 1, count }), bullet: { level: 0 } })),
  ];
}

export const summaryToDocxBlob = (summary: MeetingSummary): Promise<Blob> => Packer.toBlob(summaryToDocument(summary));
/** For Node (tests): the same file as bytes. */
export const summaryToDocxBytes = async (summary: MeetingSummary): Promise<Uint8Array> =>
  new Uint8Array(await Packer.toArrayBuffer(summaryToDocument(summary)));
