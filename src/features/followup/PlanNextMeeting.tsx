// "Planera nästa möte": the forum's next meeting, opened in this console with its own key. When
// the term already planned the next meeting (the relay's ControlRoots.term says so), it offers that one
// instead of making another and carrying the open steps a second time.
import { useState } from 'react';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useView } from '@/store/useView';
import { termView } from '@/doc/term';
import { loadFacilitator, saveFacilitator } from '@/sync/identity';
import { fetchSeries, planNextMeeting } from '@/sync/lifecycleApi';
import { consolePath } from '@/sync/addresses';

export function PlanNextMeeting() {
  const t = useT();
  const { meetingId, key, docs } = useMeeting();
  const term = useView(termView(docs.control));
  const [error, setError] = useState('');
  async function plan() {
    const result = await planNextMeeting(meetingId, key);
    if (!result.ok) return setError(t('followup.planNextFailed', { error: result.message }));
    const next = result.value;
    saveFacilitator({ meetingId: next.meetingId, key: next.facilitatorKey, joinCode: next.joinCode });
    location.assign(consolePath(next.meetingId, next.facilitatorKey, next.joinCode));
  }
  async function openPlanned() {
    const series = await fetchSeries(meetingId, key);
    if (!series.ok) return setError(t('followup.planNextFailed', { error: series.message }));
    const next = series.value.meetings.find((m) => m.planned && m.date === term.nextDate && (!term.nextStart || m.planned.start === term.nextStart));
    const saved = next ? loadFacilitator(next.meetingId) : null;
    if (!next || !saved?.key) return setError(t('followup.plannedNextNoKey'));
    location.assign(consolePath(next.meetingId, saved.key, saved.joinCode ?? null));
  }
  if (term.nextDate) {
    return (
      <section className="card no-print" aria-labelledby="plan-next-h">
        <h2 id="plan-next-h">{t('followup.planNext')}</h2>
        <p>{t('followup.plannedNext', { title: term.nextTitle ?? '', date: term.nextDate })}</p>
        <Button variant="primary" onClick={() => void openPlanned()}>
          {t('followup.openPlannedNext')}
        </Button>
        <p role="status">{error}</p>
      </section>
    );
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
