// The carried steps with their status and history, as text.
import type { ReactNode } from 'react';
import type { FollowUpStep } from '@common/schema';
import { DUE_NEXT_MEETING } from '@common/nextSteps';
import { useT } from '@/i18n/useT';
import { Hyphenated } from '@/components/Hyphenated';

export function FollowupList({ steps, renderControls }: { steps: FollowUpStep[]; renderControls?: (step: FollowUpStep) => ReactNode }) {
  const t = useT();
  if (steps.length === 0) return <p>{t('followup.none')}</p>;
  return (
    <ul className="followup-list">
      {steps.map((step) => {
        const earlier = step.history.slice(0, -1).filter((h) => h.status !== 'carried');
        return (
          <li key={step.id} className="followup-step">
            <p className="followup-what">
              <Hyphenated text={step.what} />
            </p>
            <p>
              {t('followup.who', { who: step.who })}
              {step.when ? ` · ${step.when === DUE_NEXT_MEETING ? t('followup.dueThisMeeting') : step.when}` : ''} · <strong>{t(`followup.status.${step.status}`)}</strong>
              {step.status === 'dropped' && step.why ? ` – ${step.why}` : ''}
            </p>
            {earlier.length > 0 && (
              <p className="followup-history">{t('followup.history', { list: earlier.map((h) => t(`followup.status.${h.status}`)).join(', ') })}</p>
            )}
            {renderControls?.(step)}
          </li>
        );
      })}
    </ul>
  );
}
