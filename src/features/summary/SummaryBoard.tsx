// The projected summary: what we came to and who does what, large, on one screen.
import { useT } from '@/i18n/useT';
import { useSummary } from './useSummary';
import './summary.css';

const STEPS_ON_SCREEN = 6;

export function SummaryBoard() {
  const t = useT();
  const summary = useSummary();
  const steps = summary.nextSteps.slice(0, STEPS_ON_SCREEN);
  return (
    <div className="summary-board">
      {summary.conclusion.trim() && (
        <section aria-labelledby="board-conclusion">
          <h2 id="board-conclusion">{t('summary.section.conclusion')}</h2>
          <p className="summary-board-conclusion">{summary.conclusion}</p>
        </section>
      )}
      <section aria-labelledby="board-steps">
        <h2 id="board-steps">{t('summary.section.nextSteps')}</h2>
        {steps.length === 0 ? (
          <p>{t('summary.none')}</p>
        ) : (
          <ul className="summary-board-steps">
            {steps.map((s) => (
              <li key={s.id}>
                <span className="summary-board-what">{s.what}</span>
                <span className="summary-board-who">
                  {s.who}
                  {s.when ? ` · ${s.when}` : ''}
                </span>
              </li>
            ))}
            {summary.nextSteps.length > STEPS_ON_SCREEN && <li>+{summary.nextSteps.length - STEPS_ON_SCREEN}</li>}
          </ul>
        )}
      </section>
    </div>
  );
}
