// The board shows the follow-up large: each carried step and where it stands.
import { useT } from '@/i18n/useT';
import { FollowupList } from './FollowupList';
import { useFollowUp } from './useFollowUp';

export function FollowupBoard() {
  const t = useT();
  const steps = useFollowUp();
  return (
    <div className="followup-board" style={{ fontSize: 'clamp(1.25rem, 2.6vh, 3.5rem)', overflow: 'hidden', height: '100%' }}>
      <h2>{t('followup.intro')}</h2>
      <FollowupList steps={steps.slice(0, 8)} />
    </div>
  );
}
