// The projected bikupa: the question, then each group's line under "Grupp N" (never a name).
import { useT } from '@/i18n/useT';
import { groupNumbers, useBuzz, useBuzzGroups, useBuzzLines } from './useBuzz';
import './buzz.css';

export function BuzzBoard() {
  const t = useT();
  const settings = useBuzz();
  const groups = groupNumbers(useBuzzGroups());
  const lines = useBuzzLines();
  return (
    <div className="buzz-board">
      <p className="board-question">{settings.question || t('methods.buzz.question.none')}</p>
      <p className="buzz-board-progress">{t('methods.buzz.progress', { sent: lines.length, total: groups.length })}</p>
      <ul className="buzz-lines" aria-label={t('methods.buzz.lines')}>
        {lines.map((line) => (
          <li key={line.group} className="buzz-line">
            <span className="buzz-line-group">{t('methods.group', { n: line.group })}</span>
            <span className="buzz-line-text">{line.text}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
