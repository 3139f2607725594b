// The series' calendar feed: an address Outlook or Google Calendar subscribes to. The relay keeps
// only the key's hash, so the address is shown once, when it is made or replaced.
import { useId, useState } from 'react';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { replaceFeedKey } from '@/sync/termApi';
import { termErrorKey } from './termError';

export function CalendarFeed({ hasFeed }: { hasFeed: boolean }) {
  const t = useT();
  const id = useId();
  const { meetingId, key } = useMeeting();
  const [made, setMade] = useState(false);
  const exists = hasFeed || made;
  const [address, setAddress] = useState('');
  const [status, setStatus] = useState('');

  async function make() {
    const replacing = exists;
    const result = await replaceFeedKey(meetingId, key);
    if (!result.ok) return setStatus(t('term.feed.failed', { error: t(termErrorKey(result)) }));
    setAddress(new URL(result.value.feedPath, location.origin).href);
    setMade(true);
    setStatus(replacing ? t('term.feed.replaced') : '');
  }

  async function copy() {
    await navigator.clipboard?.writeText(address).then(
      () => setStatus(t('term.feed.copied')),
      () => {},
    );
  }

  return (
    <section aria-labelledby={`${id}-h`} className="term-feed">
      <h3 id={`${id}-h`}>{t('term.feed.heading')}</h3>
      <p>{t('term.feed.help')}</p>
      {exists && !address && <p>{t('term.feed.exists')}</p>}
      {address && (
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('term.feed.label')}</label>
          <input id={`${id}-url`} type="text" readOnly value={address} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <div className="summary-actions">
        <Button onClick={() => void make()}>{t(exists ? 'term.feed.replace' : 'term.feed.make')}</Button>
        {address && <Button onClick={() => void copy()}>{t('term.feed.copy')}</Button>}
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
