// Markdown of the summary: every user text is escaped so it renders as the same text and can
// add no heading, link, image, HTML or table cell.
import { shows, type MeetingSummary, type RankedItem } from '@common/summary';
import { formatMean } from '@common/series';
import { cleanText, labelsFor, mandateLabel, oneLine, statusLabel, type Label } from './text';

/** Backslash-escapes every ASCII punctuation mark Markdown gives meaning to; `<` and `&` as entities. */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~"':=@^$%]/g, '\\$&');
}

/** A user text as one inline run (list item, table cell). */
const inline = (text: string) => escapeMarkdown(oneLine(text));

/** A user text as paragraphs: each line escaped on its own, blank lines kept. */
const block = (text: string) =>
  cleanText(text)
    .split('\n')
    .map((line) => escapeMarkdown(line.trim()))
    .join('  \n');

function voteTable(t: Label, rows: RankedItem[]): string[] {
  if (rows.length === 0) return [t('summary.none')];
  return [
    `| ${t('summary.col.rank')} | ${t('summary.col.item')} | ${t('summary.col.count')} |`,
    '| ---: | --- | ---: |',
    ...rows.map((r) => `| ${r.rank}${r.tied ? ` (${t('summary.tied')})` : ''} | ${inline(r.label)} | ${r.count} |`),
  ];
}

export function summaryToMarkdown(summary: MeetingSummary): string {
  const t = labelsFor(summary);
  const out: string[] = [];
  const section = (id: Parameters<typeof shows>[1], lines: string[]) => {
    if (!shows(summary, id)) return;
    out.push(`## ${t(`summary.section.${id}`)}`, '', ...lines, '');
  };
  const list = (items: string[]) => (items.length === 0 ? [t('summary.none')] : items.map((i) => `- ${i}`));
  const { info } = summary;

  out.push(`# ${inline(info.title) || t('summary.heading')}`, '');
  section('info', [
    `- **${t('summary.forum')}:** ${inline(info.forumName)}`,
    `- **${t('summary.date')}:** ${inline(info.date)}`,
    `- **${t('summary.purpose')}:** ${inline(info.purpose)}`,
  ]);
  section('conclusion', summary.conclusion.trim() ? [block(summary.conclusion)] : [t('summary.none')]);
  section('participants', [
    ...list(summary.participants.map((p) => `${inline(p.name)}, ${inline(p.organisation)}`)),
    ...(summary.missingOrgs.length ? ['', `**${t('summary.missingOrgs')}:** ${summary.missingOrgs.map(inline).join(', ')}`] : []),
  ]);
  section('agenda', summary.agenda.length ? summary.agenda.map((a, i) => `${i + 1}. ${inline(a)}`) : [t('summary.none')]);
  const round = (answers: MeetingSummary['checkin']['answers']) =>
    list(answers.map((a) => `${inline(a.name)} (${inline(a.organisation)}): ${a.passed ? t('summary.passed') : inline(a.text)}`));
  section('checkin', [
    ...(summary.checkin.question ? [`**${t('summary.question')}:** ${inline(summary.checkin.question)}`, ''] : []),
    ...round(summary.checkin.answers),
  ]);
  if (summary.followUp.length) {
    section(
      'followup',
      list(summary.followUp.map((f) => `${inline(f.what)} (${inline(f.who)}): ${t(`followup.status.${f.status}`)}${f.why ? ` – ${inline(f.why)}` : ''}`)),
    );
  }
  if (summary.buzz) {
    section('buzz', [
      ...(summary.buzz.question ? [`**${t('summary.question')}:** ${inline(summary.buzz.question)}`, ''] : []),
      ...list(summary.buzz.lines.map((l) => `${t('methods.group', { n: l.group })}: ${inline(l.text)}`)),
    ]);
  }
  if (summary.corners) {
    section('corners', [
      `**${inline(summary.corners.statement)}**`,
      '',
      ...summary.corners.corners.flatMap((c, i) => [
        `### ${String.fromCharCode(65 + i)}: ${inline(c.answer)} (${c.count ?? t('methods.summary.notShown')})`,
        '',
        ...list(c.reasons.map(inline)),
        '',
      ]),
    ]);
  }
  if (summary.cafe) {
    section('cafe', [
      ...(summary.cafe.question ? [`**${t('summary.question')}:** ${inline(summary.cafe.question)}`, ''] : []),
      ...summary.cafe.tables.flatMap((table) => [
        `### ${t('cafe.table', { n: table.table })}`,
        '',
        ...(table.summary ? [`**${t('cafe.summary.label')}:** ${inline(table.summary)}`, ''] : []),
        ...table.rounds.flatMap((r) => [`*${t('cafe.round.short', { n: r.round })}*`, '', ...list(r.notes.map(inline)), '']),
      ]),
    ]);
  }
  const noteLine = (n: { text: string; author?: string }) => (n.author ? `${inline(n.text)} — ${inline(n.author)}` : inline(n.text));
  section('notes', [
    ...summary.clusters.flatMap((c) => [`### ${inline(c.name) || t('summary.unnamedCluster')}`, '', ...list(c.notes.map(noteLine)), '']),
    ...(summary.looseNotes.length ? [`### ${t('summary.looseNotes')}`, '', ...list(summary.looseNotes.map(noteLine))] : []),
  ]);
  section('votes', [
    ...voteTable(t, summary.areaVotes),
    ...(summary.chosenAreas.length ? ['', `**${t('summary.chosenAreas')}:** ${summary.chosenAreas.map(inline).join(', ')}`] : []),
  ]);
  section(
    'groups',
    summary.groups.length
      ? summary.groups.flatMap((g, i) => [
          `### ${inline(g.name) || t('summary.group.unnamed', { n: i + 1 })}`,
          '',
          `- **${t('summary.group.area')}:** ${inline(g.area)}`,
          `- **${t('summary.group.why')}** ${inline(g.why)}`,
          `- **${t('summary.group.what')}** ${inline(g.what)}`,
          `- **${t('summary.group.forWhom')}** ${inline(g.forWhom)}`,
          `- **${t('summary.group.solutions')}** ${inline(g.solutions)}`,
          '',
        ])
      : [t('summary.none')],
  );
  section('solutions', voteTable(t, summary.solutionVotes));
  section(
    'nextSteps',
    summary.nextSteps.length
      ? [
          `| ${['what', 'who', 'when', 'mandate', 'status', 'origin'].map((c) => t(`summary.col.${c}` as 'summary.col.what')).join(' | ')} |`,
          '| --- | --- | --- | --- | --- | --- |',
          ...summary.nextSteps.map(
            (s) =>
              `| ${inline(s.what)} | ${inline(s.who)} | ${inline(s.when)} | ${inline(mandateLabel(t, s))} | ${statusLabel(t, s.status)} | ${inline(s.origin)} |`,
          ),
        ]
      : [t('summary.none')],
  );
  section('parking', list(summary.parking.map((p) => (p.handOverTo ? `${inline(p.text)} → ${t('summary.handOverTo')}: ${inline(p.handOverTo)}` : inline(p.text)))));
  section('checkout', [
    ...round(summary.checkout.answers),
    ...(summary.rating
      ? [
          '',
          `**${t('summary.rating')}** (${t('summary.ratingTotal', { total: summary.rating.total })})`,
          '',
          ...summary.rating.counts.map((count, i) => `- ${t('summary.ratingLine', { score: i + 1, count })}`),
        ]
      : []),
  ]);
  if (summary.ratingTrend?.length) {
    const col = (c: 'date' | 'meeting' | 'mean' | 'count') => t(`summary.trend.col.${c}`);
    out.push(`## ${t('summary.trend.heading')}`, '', `| ${col('date')} | ${col('meeting')} | ${col('mean')} | ${col('count')} |`, '| --- | --- | ---: | ---: |');
    for (const p of summary.ratingTrend) out.push(`| ${inline(p.date)} | ${inline(p.title) || t('summary.series.untitled')} | ${formatMean(p.mean, summary.language)} | ${p.count} |`);
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
