// The facilitator's walk-through controls on the console: start (optionally person by person),
// turn pages with ←/→ or the buttons, auto paging every N seconds on the server's clock, end.
import { useId, useState } from 'react';
import { walkAutoRunning } from '@common/walkthrough';
import { setWalkAuto, startWalkthrough, stopWalkthrough } from '@/doc/facilitator/walkthrough';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useWalkthrough } from './useWalkthrough';
import { useWalkKeys, useWalkTurn, WalkButtons } from './WalkthroughBoard';
import './walkthrough.css';

/** `namedNotes`: the notes were revealed with who wrote them; only then may the walk go person by person. */
export function WalkthroughConsole({ namedNotes }: { namedNotes: boolean }) {
  const t = useT();
  const { docs } = useMeeting();
  const walk = useWalkthrough();
  const [byAuthor, setByAuthor] = useState(false);
  const [seconds, setSeconds] = useState(20);
  const turn = useWalkTurn(walk.page, walk.pages.length, walk.now);
  useWalkKeys(walk.state.active, turn, walk.page);
  const ids = useId();
  const auto = walkAutoRunning(walk.state, walk.pages.length, walk.now);
  return (
    <section className="walk-console" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('walk.console.heading')}</h2>
      <p>{t('walk.console.intro')}</p>
      {!walk.state.active ? (
        <div className="walk-console-row">
          {namedNotes ? (
            <label>
              <input type="checkbox" checked={byAuthor} onChange={(e) => setByAuthor(e.target.checked)} /> {t('walk.console.byAuthor')}
            </label>
          ) : (
            <p className="walk-console-note">{t('walk.console.byAuthorAnonymous')}</p>
          )}
          <button type="button" onClick={() => startWalkthrough(docs.control, namedNotes && byAuthor)}>
            {t('walk.console.start')}
          </button>
        </div>
      ) : (
        <>
          <div className="walk-console-row">
            <WalkButtons page={walk.page} count={walk.pages.length} turn={turn} />
            <p className="walk-where" aria-live="polite" aria-atomic="true">
              {t('walk.page', { page: walk.page + 1, count: Math.max(1, walk.pages.length) })}
              {walk.byAuthor && walk.pages[walk.page] && ` · ${t('walk.author', { n: walk.pages[walk.page].section + 1, count: walk.sectionCount })}`}
            </p>
          </div>
          <div className="walk-console-row">
            <label htmlFor={`${ids}-s`}>{t('walk.console.autoLabel')}</label>
            <input id={`${ids}-s`} type="number" min={3} max={600} value={seconds} onChange={(e) => setSeconds(Number(e.target.value) || 0)} />
            <span>{t('walk.console.seconds')}</span>
            {auto ? (
              <button type="button" onClick={() => setWalkAuto(docs.control, 0, walk.page, walk.now)}>
                {t('walk.console.autoStop')}
              </button>
            ) : (
              <button type="button" onClick={() => setWalkAuto(docs.control, Math.max(3, Math.min(600, seconds)), walk.page, walk.now)}>
                {t('walk.console.autoStart')}
              </button>
            )}
            {auto && <span role="status">{t('walk.console.autoOn', { seconds: walk.state.autoSeconds })}</span>}
          </div>
          <div className="walk-console-row">
            <button type="button" onClick={() => stopWalkthrough(docs.control)}>
              {t('walk.console.stop')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
