// The forum's meetings in order: date, title, closed or open, and a link to each summary this
// device holds the facilitator key for (keys stay on the device; the relay never hands one out).
import type { SeriesMeeting } from '@common/series';
import { useT } from '@/i18n/useT';
import { loadFacilitator } from '@/sync/identity';
import { summaryPath } from '@/sync/addresses';
import type { SeriesState } from './useSeries';

function SeriesLine({ meeting }: { meeting: SeriesMeeting }) {
  const t = useT();
  const title = meeting.title || t('summary.series.untitled');
  const saved = meeting.current ? null : loadFacilitator(meeting.meetingId);
  const state = t(meeting.closed ? 'summary.series.closed' : 'summary.series.open');
  return (
    <li aria-current={meeting.current ? 'page' : undefined}>
      <time dateTime={meeting.date}>{meeting.date}</time>{' '}
      {saved ? <a href={summaryPath(meeting.meetingId, saved.key)}>{title}</a> : <strong>{title}</strong>} ({state}
      {meeting.current ? `, ${t('summary.series.current')}` : saved ? '' : `, ${t('summary.series.notOnDevice')}`})
    </li>
  );
}

export function SeriesPanel({ series }: { series: SeriesState }) {
  const t = useT();
  return (
    <section className="card no-print" aria-labelledby="summary-series">
      <h2 id="summary-series">{t('summary.series.heading')}</h2>
      {series.status === 'loading' && <p role="status">{t('shell.loading')}</p>}
      {series.status === 'failed' && <p role="alert">{t('summary.series.failed', { error: series.message })}</p>}
      {series.status === 'ready' && (
        <ol className="summary-series">
          {series.meetings.map((m) => (
            <SeriesLine key={m.meetingId} meeting={m} />
          ))}
        </ol>
      )}
    </section>
  );
}
