// "Mina möten": the meetings this device created or opened as facilitator, newest first.
import { useMemo } from 'react';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { listFacilitatorMeetings } from '@/sync/identity';
import { summaryPath } from '@/sync/addresses';
import { localDate } from '@common/dates';

export function MyMeetings() {
  const t = useT();
  const { meetingId } = useMeeting();
  const meetings = useMemo(() => listFacilitatorMeetings().filter((m) => m.meetingId !== meetingId), [meetingId]);
  return (
    <section className="card no-print" aria-labelledby="my-meetings-h">
      <h2 id="my-meetings-h">{t('followup.myMeetings')}</h2>
      {meetings.length === 0 ? (
        <p>{t('followup.myMeetingsNone')}</p>
      ) : (
        <ul>
          {meetings.map((m) => (
            <li key={m.meetingId}>
              <a href={summaryPath(m.meetingId, m.key)}>
                {m.title || m.joinCode || m.meetingId}
              </a>{' '}
              <span>({localDate(m.savedAt)})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
