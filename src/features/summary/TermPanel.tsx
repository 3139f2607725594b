// The forum's term in the summary: the meetings planned after this one (each with its .ics and a
// way into it on this device), carrying this meeting's open steps to the next, the plan form and
// the calendar feed.
import { useEffect, useState } from 'react';
import type { SeriesMeeting } from '@common/series';
import { Button } from '@/components/Button';
import { useLanguageStore } from '@/i18n/language';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { loadFacilitator } from '@/sync/identity';
import { consolePath } from '@/sync/addresses';
import { carrySteps, meetingIcs, termState } from '@/sync/termApi';
import { download } from './download';
import { CalendarFeed } from './CalendarFeed';
import { TermForm } from './TermForm';
import { OwnPlan } from './OwnPlan';
import type { SeriesState } from './useSeries';
import { termErrorKey } from './termError';

function PlannedLine({ meeting }: { meeting: SeriesMeeting }) {
  const t = useT();
  const lang = useLanguageStore((s) => s.lang);
  const saved = loadFacilitator(meeting.meetingId);
  const title = meeting.title || t('summary.series.untitled');
  const [error, setError] = useState('');
  const planned = meeting.planned!;
  async function ics() {
    if (!saved) return;
    const result = await meetingIcs(meeting.meetingId, saved.key, lang);
    if (!result.ok) return setError(t(termErrorKey(result)));
    download(`${meeting.date}.ics`, result.value, 'text/calendar');
  }
  return (
    <li>
      <p className="term-when">
        <strong>{title}</strong>{' '}
        <time dateTime={`${meeting.date}T${planned.start}`}>{t('term.when', { date: meeting.date, start: planned.start, end: planned.end })}</time>
        {planned.place ? `, ${planned.place}` : ''}
      </p>
      {planned.link && <p className="term-link">{planned.link}</p>}
      {saved ? (
        <div className="summary-actions">
          <a className="btn" href={consolePath(meeting.meetingId, saved.key, saved.joinCode)}>
            {t('term.open', { title })}
          </a>
          <Button onClick={() => void ics()}>{t('term.ics', { title })}</Button>
        </div>
      ) : (
        <p>({t('term.notOnDevice')})</p>
      )}
      {error && <p role="alert">{error}</p>}
    </li>
  );
}

export function TermPanel({ series, title, onPlanned }: { series: SeriesState; title: string; onPlanned(): void }) {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const [carry, setCarry] = useState('');
  const [state, setState] = useState<{ feed: boolean; carriedTo: { date: string; title: string } | null }>({ feed: false, carriedTo: null });
  useEffect(() => {
    let live = true;
    void termState(meetingId, key).then((r) => live && r.ok && setState(r.value));
    return () => {
      live = false;
    };
  }, [meetingId, key, series]);
  const meetings = series.status === 'ready' ? series.meetings : [];
  const here = meetings.findIndex((m) => m.current);
  const later = meetings.filter((m, i) => i > here && m.planned);
  const next = later[0];
  async function carryNow() {
    const result = await carrySteps(meetingId, key);
    if (!result.ok) return setCarry(t('term.carryFailed', { error: t(termErrorKey(result)) }));
    setCarry(t('term.carried', { date: result.value.date }));
    setState((s) => ({ ...s, carriedTo: { date: result.value.date, title: '' } }));
  }
  return (
    <section className="card no-print term-panel" aria-labelledby="term-h">
      <h2 id="term-h">{t('term.heading')}</h2>
      <OwnPlan title={title} onChanged={onPlanned} />
      <h3>{t('term.list')}</h3>
      {later.length === 0 ? (
        <p>{t('term.none')}</p>
      ) : (
        <ol className="term-list">
          {later.map((m) => (
            <PlannedLine key={m.meetingId} meeting={m} />
          ))}
        </ol>
      )}
      {state.carriedTo ? (
        !carry && <p>{t('term.carried', { date: state.carriedTo.date })}</p>
      ) : next && (
        <>
          <p>{t('term.carryHelp', { title: next.title || t('summary.series.untitled'), date: next.date })}</p>
          <Button onClick={() => void carryNow()}>{t('term.carry', { date: next.date })}</Button>
        </>
      )}
      <p role="status">{carry}</p>
      <p>{t('term.help')}</p>
      <TermForm title={title} onPlanned={onPlanned} />
      <CalendarFeed hasFeed={state.feed} />
    </section>
  );
}
