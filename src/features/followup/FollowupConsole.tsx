// The facilitator goes through the last meeting's next steps and gives each a new status.
import { FOLLOWUP_STATUSES, type FollowUpStep, type StepStatus } from '@common/schema';
import { setFollowUpStatus } from '@/doc/facilitator/followup';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useFollowUp } from './useFollowUp';
import { FollowupList } from './FollowupList';
import { inputMaxLength } from '@common/text';
import { TextRules } from '@common/records';

function StepControls({ step }: { step: FollowUpStep }) {
  const t = useT();
  const { docs } = useMeeting();
  const status = step.status === 'carried' ? '' : step.status;
  return (
    <div className="followup-controls">
      <label>
        <span className="visually-hidden">{t('followup.status', { what: step.what })}</span>
        <select
          aria-label={t('followup.status', { what: step.what })}
          value={status}
          onChange={(e) => setFollowUpStatus(docs.control, step.id, e.target.value as StepStatus, step.why)}
        >
          <option value="" disabled>
            {t('followup.status.carried')}
          </option>
          {FOLLOWUP_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`followup.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {step.status === 'dropped' && (
        <input
          type="text"
          aria-label={t('followup.why', { what: step.what })}
          defaultValue={step.why}
          maxLength={inputMaxLength(TextRules.followUpWhy)}
          onBlur={(e) => e.target.value.trim() !== step.why && setFollowUpStatus(docs.control, step.id, 'dropped', e.target.value)}
        />
      )}
    </div>
  );
}

export function FollowupConsole() {
  const t = useT();
  const steps = useFollowUp();
  return (
    <section className="card" aria-labelledby="followup-h">
      <h2 id="followup-h">{t('followup.intro')}</h2>
      <FollowupList steps={steps} renderControls={(step) => <StepControls step={step} />} />
    </section>
  );
}
