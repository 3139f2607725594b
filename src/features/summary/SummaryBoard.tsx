// The projected summary: what we came to, what the room put first, and who does what — large, on
// one screen. Lists that do not fit are left out whole and counted ("+N till"), never cut.
import { useRef } from 'react';
import { shows, type RankedItem } from '@common/summary';
import { useFitList } from '@/components/useFitList';
import { useT } from '@/i18n/useT';
import { useSummary } from './useSummary';
import './summary.css';

/** The places shown of a vote: the first three, shared places included. */
const TOP_PLACES = 3;

export function SummaryBoard() {
  const t = useT();
  const summary = useSummary();
  const conclusion = shows(summary, 'conclusion') ? summary.conclusion.trim() : '';
  const areas = shows(summary, 'votes') ? summary.areaVotes.filter((r) => r.rank <= TOP_PLACES && r.count > 0) : [];
  const solutions = shows(summary, 'solutions') ? summary.solutionVotes.filter((r) => r.rank <= TOP_PLACES && r.count > 0) : [];
  const steps = shows(summary, 'nextSteps') ? summary.nextSteps : [];
  const came = conclusion !== '' || areas.length > 0 || solutions.length > 0;
  const stepList = useRef<HTMLUListElement>(null);
  const moreSteps = useFitList(stepList, [steps, t, came]);
  return (
    <div className={`summary-board${came ? ' summary-board--two' : ''}`}>
      {came && (
        <div className="summary-board__col">
          {conclusion && (
            <section aria-labelledby="board-conclusion">
              <h2 id="board-conclusion">{t('summary.section.conclusion')}</h2>
              <p className="summary-board-conclusion">{conclusion}</p>
            </section>
          )}
          {areas.length > 0 && <Places id="board-areas" heading={t('summary.section.votes')} rows={areas} />}
          {solutions.length > 0 && <Places id="board-solutions" heading={t('summary.section.solutions')} rows={solutions} />}
        </div>
      )}
      <section className="summary-board__col" aria-labelledby="board-steps">
        <h2 id="board-steps">{t('summary.section.nextSteps')}</h2>
        {steps.length === 0 ? (
          <p>{t('summary.none')}</p>
        ) : (
          <>
            <ul className="summary-board-steps fit-list" ref={stepList}>
              {steps.map((s) => (
                <li key={s.id}>
                  <span className="summary-board-what">{s.what}</span>
                  <span className="summary-board-who">
                    {s.who}
                    {s.when ? ` · ${s.when}` : ''}
                  </span>
                </li>
              ))}
            </ul>
            {moreSteps > 0 && <p className="fit-more">{t('shell.board.more', { count: moreSteps })}</p>}
          </>
        )}
      </section>
    </div>
  );
}

/** A vote's first places: rank, label and a shared place said as such. */
function Places({ id, heading, rows }: { id: string; heading: string; rows: RankedItem[] }) {
  const t = useT();
  const list = useRef<HTMLOListElement>(null);
  const more = useFitList(list, [rows, t]);
  return (
    <section className="summary-board-places" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <ol className="fit-list" ref={list}>
        {rows.map((r, i) => (
          <li key={i}>
            <span className="summary-board-rank">
              {r.rank}.{r.tied ? ` (${t('summary.tied')})` : ''}
            </span>{' '}
            <span className="summary-board-label">{r.label}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p className="fit-more">{t('shell.board.more', { count: more })}</p>}
    </section>
  );
}
