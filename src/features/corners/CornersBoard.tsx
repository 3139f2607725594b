// The projected four corners: the statement, each corner's answer, how many stand there (only when
// shown and at the anonymity threshold), and the corner's reasons (never a name).
import { useT } from '@/i18n/useT';
import { CORNERS, cornerLetter, useCornerReasons, useCornerResult, useCorners } from './useCorners';
import './corners.css';

export function CornersBoard() {
  const t = useT();
  const settings = useCorners();
  const result = useCornerResult();
  const reasons = useCornerReasons();
  return (
    <div className="corners-board">
      <p className="board-question">{settings.statement || t('methods.corners.statement.none')}</p>
      <p className="corners-board-count">
        {t('methods.corners.count', { count: result.count })}
        {settings.revealed && !result.totals && <> {t('methods.corners.tooFew')}</>}
      </p>
      <ul className="corners-grid" aria-label={t('methods.corners.title')}>
        {CORNERS.map((i) => (
          <li key={i} className="corner">
            <h2 className="corner-name">
              {cornerLetter(i)}: {settings.answers[i] || t('methods.corners.answer.none')}
            </h2>
            {result.totals && <p className="corner-total">{t('methods.corners.standing', { count: result.totals[i] })}</p>}
            {reasons[i].length > 0 && (
              <ul className="corner-reasons" aria-label={t('methods.corners.reasons', { corner: cornerLetter(i) })}>
                {reasons[i].map((text, k) => (
                  <li key={k}>{text}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
