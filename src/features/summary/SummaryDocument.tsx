// The summary as a document: what the console shows, what phones read, what prints to PDF.
// Every user text is a React text node (escaped); anonymous notes carry no name.
import { Fragment, type ReactNode } from 'react';
import { shows, type MeetingSummary, type RankedItem, type RoundLine, type SectionId, type SummaryNextStep, type SummaryNote } from '@common/summary';
import { useT } from '@/i18n/useT';
import './summary.css';

/** The document's order: as the meeting ran, what it came to near the top. */
export const DOCUMENT_ORDER: readonly SectionId[] = ['info', 'conclusion', 'participants', 'agenda', 'checkin', 'followup', 'buzz', 'corners', 'cafe', 'notes', 'votes', 'groups', 'solutions', 'nextSteps', 'parking', 'checkout'];

/** A participant's phone: what we came to and who does what first, the meeting's record after it. */
export const PHONE_ORDER: readonly SectionId[] = ['info', 'conclusion', 'nextSteps', 'votes', 'solutions', 'groups', 'parking', 'checkout', 'checkin', 'followup', 'buzz', 'corners', 'cafe', 'agenda', 'participants', 'notes'];

export function SummaryDocument({
  summary,
  headingLevel = 2,
  trend,
  order = DOCUMENT_ORDER,
  stepsAsList = false,
}: {
  summary: MeetingSummary;
  headingLevel?: 1 | 2;
  /** the rating across the forum's series, where the facilitator has it */
  trend?: ReactNode;
  /** the sections' order (every section once) */
  order?: readonly SectionId[];
  /** next steps as one block each instead of a six-column table (a phone) */
  stepsAsList?: boolean;
}) {
  const t = useT();
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const S = headingLevel === 1 ? 'h2' : 'h3';
  const SS = headingLevel === 1 ? 'h3' : 'h4';
  const section = (id: SectionId, children: ReactNode) =>
    shows(summary, id) ? (
      <section className="summary-section" aria-labelledby={`summary-sec-${id}`}>
        <S id={`summary-sec-${id}`}>{t(`summary.section.${id}`)}</S>
        {children}
      </section>
    ) : null;
  const none = <p className="summary-none">{t('summary.none')}</p>;
  /** a next step's fields after its text, in the table's column order */
  const stepFields = (s: SummaryNextStep) =>
    [
      ['who', s.who],
      ['when', s.when],
      ['mandate', s.mandate === 'propose' ? t('summary.mandate.propose', { to: s.proposeTo }) : t('summary.mandate.decide')],
      ['status', t(`summary.status.${s.status}`)],
      ['origin', s.origin],
    ] as const;
  const list = (items: ReactNode[]) => (items.length ? <ul>{items.map((item, i) => <li key={i}>{item}</li>)}</ul> : none);
  const round = (answers: RoundLine[]) =>
    list(answers.map((a) => <>{a.name} ({a.organisation}): {a.passed ? t('summary.passed') : a.text}</>));
  const note = (n: SummaryNote) => (n.author ? <>{n.text} <span className="summary-author">— {n.author}</span></> : n.text);
  const votes = (rows: RankedItem[]) =>
    rows.length ? (
      <table className="summary-table">
        <thead>
          <tr>
            <th scope="col">{t('summary.col.rank')}</th>
            <th scope="col">{t('summary.col.item')}</th>
            <th scope="col">{t('summary.col.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>{r.rank}{r.tied ? ` (${t('summary.tied')})` : ''}</td>
              <td>{r.label}</td>
              <td>{r.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : none;
  const { info } = summary;
  const parts: Record<SectionId, ReactNode> = {
    info: section(
      'info',
      <dl className="summary-info">
        <dt>{t('summary.forum')}</dt>
        <dd>{info.forumName}</dd>
        <dt>{t('summary.date')}</dt>
        <dd>{info.date}</dd>
        <dt>{t('summary.purpose')}</dt>
        <dd>{info.purpose}</dd>
      </dl>,
    ),
    conclusion: section('conclusion', summary.conclusion.trim() ? <p className="summary-conclusion">{summary.conclusion}</p> : none),
    participants: section(
      'participants',
      <>
        {list(summary.participants.map((p) => `${p.name}, ${p.organisation}`))}
        {summary.missingOrgs.length > 0 && (
          <p>
            <strong>{t('summary.missingOrgs')}:</strong> {summary.missingOrgs.join(', ')}
          </p>
        )}
      </>,
    ),
    agenda: section('agenda', summary.agenda.length ? <ol>{summary.agenda.map((a, i) => <li key={i}>{a}</li>)}</ol> : none),
    checkin: section(
      'checkin',
      <>
        {summary.checkin.question && (
          <p>
            <strong>{t('summary.question')}:</strong> {summary.checkin.question}
          </p>
        )}
        {round(summary.checkin.answers)}
      </>,
    ),
    followup: summary.followUp.length > 0 &&
      section(
        'followup',
        list(summary.followUp.map((f) => `${f.what} (${f.who}): ${t(`followup.status.${f.status}`)}${f.why ? ` – ${f.why}` : ''}`)),
      ),
    buzz:
      summary.buzz &&
      section(
        'buzz',
        <>
          {summary.buzz.question && (
            <p>
              <strong>{t('summary.question')}:</strong> {summary.buzz.question}
            </p>
          )}
          {list(summary.buzz.lines.map((l) => `${t('methods.group', { n: l.group })}: ${l.text}`))}
        </>,
      ),
    corners:
      summary.corners &&
      section(
        'corners',
        <>
          <p>
            <strong>{summary.corners.statement}</strong>
          </p>
          {summary.corners.corners.map((c, i) => (
            <div key={i}>
              <SS>
                {String.fromCharCode(65 + i)}: {c.answer} ({c.count ?? t('methods.summary.notShown')})
              </SS>
              {list(c.reasons)}
            </div>
          ))}
        </>,
      ),
    cafe:
      summary.cafe &&
      section(
        'cafe',
        <>
          {summary.cafe.question && (
            <p>
              <strong>{t('summary.question')}:</strong> {summary.cafe.question}
            </p>
          )}
          {summary.cafe.tables.map((table) => (
            <div key={table.table}>
              <SS>{t('cafe.table', { n: table.table })}</SS>
              {table.summary && (
                <p>
                  <strong>{t('cafe.summary.label')}:</strong> {table.summary}
                </p>
              )}
              {table.rounds.map((r) => (
                <div key={r.round}>
                  <p>{t('cafe.round.short', { n: r.round })}</p>
                  {list(r.notes)}
                </div>
              ))}
            </div>
          ))}
        </>,
      ),
    notes: section(
      'notes',
      summary.clusters.length + summary.looseNotes.length === 0 ? (
        none
      ) : (
        <>
          {summary.clusters.map((c, i) => (
            <div key={i}>
              <SS>{c.name || t('summary.unnamedCluster')}</SS>
              {list(c.notes.map(note))}
            </div>
          ))}
          {summary.looseNotes.length > 0 && (
            <div>
              <SS>{t('summary.looseNotes')}</SS>
              {list(summary.looseNotes.map(note))}
            </div>
          )}
        </>
      ),
    ),
    votes: section(
      'votes',
      <>
        {votes(summary.areaVotes)}
        {summary.chosenAreas.length > 0 && (
          <p>
            <strong>{t('summary.chosenAreas')}:</strong> {summary.chosenAreas.join(', ')}
          </p>
        )}
      </>,
    ),
    groups: section(
      'groups',
      summary.groups.length
        ? summary.groups.map((g, i) => (
            <div key={i}>
              <SS>{g.name || t('summary.group.unnamed', { n: i + 1 })}</SS>
              <dl className="summary-info">
                <dt>{t('summary.group.area')}</dt>
                <dd>{g.area}</dd>
                <dt>{t('summary.group.why')}</dt>
                <dd>{g.why}</dd>
                <dt>{t('summary.group.what')}</dt>
                <dd>{g.what}</dd>
                <dt>{t('summary.group.forWhom')}</dt>
                <dd>{g.forWhom}</dd>
                <dt>{t('summary.group.solutions')}</dt>
                <dd>{g.solutions}</dd>
              </dl>
            </div>
          ))
        : none,
    ),
    solutions: section('solutions', votes(summary.solutionVotes)),
    nextSteps: section(
      'nextSteps',
      summary.nextSteps.length === 0 ? (
        none
      ) : stepsAsList ? (
        // a phone: one block per step, every field under its label, no table to scroll sideways
        <ul className="summary-steps">
          {summary.nextSteps.map((s) => (
            <li key={s.id}>
              <p className="summary-step-what">{s.what}</p>
              <dl className="summary-info">
                {stepFields(s).map(([col, value]) =>
                  value ? (
                    <Fragment key={col}>
                      <dt>{t(`summary.col.${col}`)}</dt>
                      <dd>{value}</dd>
                    </Fragment>
                  ) : null,
                )}
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              {(['what', 'who', 'when', 'mandate', 'status', 'origin'] as const).map((c) => (
                <th key={c} scope="col">
                  {t(`summary.col.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {summary.nextSteps.map((s) => (
              <tr key={s.id}>
                <td>{s.what}</td>
                {stepFields(s).map(([col, value]) => (
                  <td key={col}>{value}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ),
    ),
    parking: section(
      'parking',
      list(summary.parking.map((p) => (p.handOverTo ? `${p.text} → ${t('summary.handOverTo')}: ${p.handOverTo}` : p.text))),
    ),
    checkout: section(
      'checkout',
      <>
        {round(summary.checkout.answers)}
        {summary.rating && (
          <>
            <p>
              <strong>{t('summary.rating')}</strong> ({t('summary.ratingTotal', { total: summary.rating.total })})
            </p>
            <ul>
              {summary.rating.counts.map((count, i) => (
                <li key={i}>{t('summary.ratingLine', { score: i + 1, count })}</li>
              ))}
            </ul>
          </>
        )}
      </>,
    ),
  };
  return (
    <article className="summary-document" lang={summary.language}>
      <H>{info.title || t('summary.heading')}</H>
      {order.map((id) => (
        <Fragment key={id}>{parts[id]}</Fragment>
      ))}
      {trend}
    </article>
  );
}
