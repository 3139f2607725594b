// The facilitator's controls for a voting round: dots, per-item cap, open/close, who has voted
// (never what), the reveal, then tie-breaks and the chosen items.
import { useEffect, useId, useRef, useState } from 'react';
import type { VoteRound } from '@common/schema';
import { DOTS_MAX } from '@common/voting';
import { breakTie, setVoting, toggleChosen } from '@/doc/facilitator/voting';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { ResultChart } from './ResultChart';
import { useRanking, useRevealAnnouncement, useVoteItems } from './useVoting';
import { useVoteProgress } from './useVoteProgress';
import './voting.css';

/** More names than this fold behind their count. */
const NAMES_SHOWN = 12;

function RoundConsole({ round }: { round: VoteRound }) {
  const t = useT();
  const { docs } = useMeeting();
  const participants = useParticipants();
  const progress = useVoteProgress(round);
  const { ranked, settings } = useRanking(round);
  const { items } = useVoteItems(round, settings.includeLoose);
  const [confirming, setConfirming] = useState(false);
  // the reveal swaps the controls under the keyboard's focus: it follows to what replaced them
  const focusNext = useRef<'confirm' | 'result' | 'reveal' | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const revealRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const next = focusNext.current;
    const el = next && { confirm: confirmRef, result: resultRef, reveal: revealRef }[next].current;
    if (el) {
      el.focus();
      focusNext.current = null;
    }
  });
  const goTo = (next: 'confirm' | 'result' | 'reveal') => (focusNext.current = next);
  const dotsId = useId();
  const capId = useId();
  // a room of 40: a long list of names folds away behind its count, open on demand
  const names = (ids: string[]) => {
    const list = ids.map((id) => participants.get(id)?.name ?? '').filter(Boolean);
    if (list.length === 0) return t('voting.console.nobody');
    if (list.length <= NAMES_SHOWN) return list.join(', ');
    return (
      <details>
        <summary>{t('voting.console.showNames', { count: list.length })}</summary>
        {list.join(', ')}
      </details>
    );
  };
  const waiting = [...participants.keys()].filter((id) => !progress.finished.includes(id));
  const announcement = useRevealAnnouncement(round);

  return (
    <section className="vote-console" aria-label={t(round === 'areas' ? 'voting.title.areas' : 'voting.title.solutions')}>
      <LiveAnnouncer message={announcement} />
      <h2>{t('voting.console.settings')}</h2>
      <div className="vote-settings">
        <label htmlFor={dotsId}>{t('voting.console.dots')}</label>
        <input
          id={dotsId}
          type="number"
          min={1}
          max={DOTS_MAX}
          value={settings.dots}
          onChange={(e) => e.target.value !== '' && setVoting(docs.control, round, { dots: Number(e.target.value) })}
        />
        <label htmlFor={capId}>{t('voting.console.maxPerItem')}</label>
        <input
          id={capId}
          type="number"
          min={0}
          max={DOTS_MAX}
          value={settings.maxPerItem}
          aria-describedby={`${capId}-hint`}
          onChange={(e) => e.target.value !== '' && setVoting(docs.control, round, { maxPerItem: Number(e.target.value) })}
        />
        <span id={`${capId}-hint`} className="vote-hint">{t('voting.console.maxPerItemHint')}</span>
        {round === 'areas' && (
          <label className="vote-check">
            <input type="checkbox" checked={settings.includeLoose} onChange={(e) => setVoting(docs.control, round, { includeLoose: e.target.checked })} />
            {t('voting.console.includeLoose')}
          </label>
        )}
        <label className="vote-check">
          <input type="checkbox" checked={settings.open} onChange={(e) => setVoting(docs.control, round, { open: e.target.checked })} />
          {t('voting.console.open')}
        </label>
      </div>
      {round === 'solutions' && <p>{t('voting.console.fromGroups')}</p>}
      <p>{t('voting.console.items', { count: items.length })}</p>
      <p className="vote-console-progress" aria-live="polite">
        {t('voting.progress', { finished: progress.finished.length, total: progress.total })}
      </p>
      {/* who is done matters while the vote is open; once it is shown, the result does */}
      {!settings.revealed && (
        <dl className="vote-who">
          <dt>{t('voting.console.finished')}</dt>
          <dd>{names(progress.finished)}</dd>
          <dt>{t('voting.console.waiting')}</dt>
          <dd>{names(waiting)}</dd>
        </dl>
      )}
      {settings.revealed ? (
        <>
          <button
            type="button"
            className="btn"
            onClick={() => {
              goTo('reveal');
              setVoting(docs.control, round, { revealed: false });
            }}
          >
            {t('voting.console.hide')}
          </button>
          <h2 ref={resultRef} tabIndex={-1}>
            {t('voting.result.heading')}
          </h2>
          <ResultChart ranked={ranked} chosen={settings.chosen} />
          <h3>{t('voting.console.choose')}</h3>
          <ul className="vote-choose">
            {ranked.map((row) => {
              const tiedWith = ranked.filter((r) => r.place === row.place).map((r) => r.id);
              return (
                <li key={row.id}>
                  <label className="vote-check">
                    <input
                      type="checkbox"
                      checked={settings.chosen.includes(row.id)}
                      onChange={() => toggleChosen(docs.control, round, settings.chosen, row.id)}
                    />
                    {t('voting.console.chooseItem', { label: row.label, dots: t('voting.result.dots', { count: row.votes }) })}
                  </label>
                  {row.tied && (
                    <span className="vote-tie">
                      <button type="button" className="btn" aria-label={t('voting.console.tieUp', { label: row.label })} onClick={() => breakTie(docs.control, round, tiedWith, row.id, -1, settings.tieOrder)}>
                        ↑
                      </button>
                      <button type="button" className="btn" aria-label={t('voting.console.tieDown', { label: row.label })} onClick={() => breakTie(docs.control, round, tiedWith, row.id, 1, settings.tieOrder)}>
                        ↓
                      </button>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      ) : confirming ? (
        <div role="alertdialog" aria-labelledby="vote-reveal-question" className="vote-confirm">
          <p id="vote-reveal-question">{t('voting.console.revealConfirm')}</p>
          <button
            type="button"
            className="btn btn--primary"
            ref={confirmRef}
            onClick={() => {
              goTo('result');
              setVoting(docs.control, round, { revealed: true, open: false });
              setConfirming(false);
            }}
          >
            {t('voting.console.revealYes')}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              goTo('reveal');
              setConfirming(false);
            }}
          >
            {t('voting.console.cancel')}
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="btn btn--primary vote-reveal"
          ref={revealRef}
          onClick={() => {
            goTo('confirm');
            setConfirming(true);
          }}
        >
          {t('voting.console.reveal')}
        </button>
      )}
    </section>
  );
}

export function VotingConsole() {
  return <RoundConsole round="areas" />;
}

export function SolutionVotingConsole() {
  return <RoundConsole round="solutions" />;
}
