// Phones read the summary; nothing on it is editable.
import { useT } from '@/i18n/useT';
import { PHONE_ORDER, SummaryDocument } from './SummaryDocument';
import { useSummary } from './useSummary';

export function SummaryPhone() {
  const t = useT();
  const summary = useSummary();
  return (
    <div className="summary-phone">
      <h1>{t('shell.phase.summary')}</h1>
      <p>{t('summary.phoneIntro')}</p>
      <SummaryDocument summary={{ ...summary, hidden: [...summary.hidden, 'info'] }} headingLevel={2} order={PHONE_ORDER} stepsAsList />
    </div>
  );
}
