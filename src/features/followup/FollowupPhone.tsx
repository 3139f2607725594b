// Phones read the follow-up.
import { useT } from '@/i18n/useT';
import { FollowupList } from './FollowupList';
import { useFollowUp } from './useFollowUp';

export function FollowupPhone() {
  const t = useT();
  return (
    <div className="followup-phone">
      <h1>{t('shell.phase.followup')}</h1>
      <p>{t('followup.intro')}</p>
      <FollowupList steps={useFollowUp()} />
    </div>
  );
}
