// "Planera nästa möte": the forum's next meeting, opened in this console with its own key.
import { useState } from 'react';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { saveFacilitator } from '@/sync/identity';
import { planNextMeeting } from '@/sync/lifecycleApi';
import { consolePath } from '@/sync/addresses';

export function PlanNextMeeting() {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const [error, setError] = useState('');
  async function plan() {
    const result = await planNextMeeting(meetingId, key);
    if (!result.ok) return setError(t('followup.planNextFailed', { error: result.message }));
    const next = result.value;
    saveFacilitator({ meetingId: next.meetingId, key: next.facilitatorKey, joinCode: next.joinCode });
    location.assign(consolePath(next.meetingId, next.facilitatorKey, next.joinCode));
  }
  return (
    <section className="card no-print" aria-labelledby="plan-next-h">
      <h2 id="plan-next-h">{t('followup.planNext')}</h2>
      <p>{t('followup.planNextHelp')}</p>
      <Button variant="primary" onClick={() => void plan()}>
        {t('followup.planNext')}
      </Button>
      <p role="status">{error}</p>
    </section>
  );
}
