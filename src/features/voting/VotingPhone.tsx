// The participant's phone while voting: place and take back dots with large buttons, see how many
// are left, say "klar". Dots go to the private doc only; the relay counts them.
import { useRef } from 'react';
import type { VoteRound } from '@common/schema';
import { placeDot, setVoteDone, takeBackDot } from '@/doc/voting';
import { LiveAnnouncer } from '@/components/LiveAnnouncer';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { ResultChart } from './ResultChart';
import { useMyDots, useRanking, useRevealAnnouncement, useVoteItems, useVotingSettings } from './useVoting';
import './voting.css';

/** The round's view, with one live region that stays in place across the reveal, so it is read out. */
function RoundPhone({ round }: { round: VoteRound }) {
  return (
    <>
      <LiveAnnouncer message={useRevealAnnouncement(round)} />
      <RoundPhoneView round={round} />
    </>
  );
}

function RoundPhoneView({ round }: { round: VoteRound }) {
  const t = useT();
  const { docs } = useMeeting();
  const settings = useVotingSettings(round);
  const { items, resolve } = useVoteItems(round, settings.includeLoose);
  const mine = useMyDots(round, settings, resolve);
  const { ranked } = useRanking(round);
  const priv = docs.private;
  // "Jag är klar" turns into its confirmation: the focus goes with it, not back to the page's top
  const finishedHere = useRef(false);
  const focusIfFinishedHere = (el: HTMLParagraphElement | null) => {
    if (!el) return;
    if (finishedHere.current) el.focus();
    finishedHere.current = false;
  };
  const title = t(round === 'areas' ? 'voting.title.areas' : 'voting.title.solutions');

  if (settings.revealed) {
    return (
      <section className="vote-phone" aria-labelledby="vote-phone-title">
        <h1 id="vote-phone-title">{title}</h1>
        <h2>{t('voting.result.heading')}</h2>
        <ResultChart ranked={ranked} chosen={settings.chosen} className="vote-chart-phone" />
      </section>
    );
  }
  const canVote = settings.open && !!priv;
  return (
    <section className="vote-phone" aria-labelledby="vote-phone-title">
      <h1 id="vote-phone-title">{title}</h1>
      <p>{t('voting.phone.intro', { dots: settings.dots })}</p>
      <p className="vote-left" role="status">
        {t('voting.phone.left', { left: mine.left, dots: settings.dots })}
      </p>
      {!settings.open && <p role="status">{t('voting.phone.closed')}</p>}
      {items.length === 0 ? (
        <p>{t('voting.phone.noItems')}</p>
      ) : (
        <ul className="vote-items">
          {items.map((item) => {
            const count = mine.onItem.get(item.id) ?? 0;
            const full = mine.left === 0 || (settings.maxPerItem > 0 && count >= settings.maxPerItem);
            return (
              <li key={item.id} className="vote-item">
                <p className="vote-item-label">{item.label}</p>
                <p className="vote-item-mine" aria-live="polite">
                  {t('voting.phone.mine', { count })}
                </p>
                <div className="vote-item-buttons">
                  {/* aria-disabled, not disabled: a button that runs out keeps the keyboard's focus */}
                  <button
                    type="button"
                    aria-disabled={!canVote || count === 0}
                    aria-label={t('voting.phone.takeBackNamed', { label: item.label })}
                    onClick={() => priv && canVote && count > 0 && takeBackDot(priv, round, item.id)}
                  >
                    {t('voting.phone.takeBack')}
                  </button>
                  <button
                    type="button"
                    className="vote-place"
                    aria-disabled={!canVote || full}
                    aria-label={t('voting.phone.placeNamed', { label: item.label })}
                    onClick={() => {
                      if (!priv || !canVote || full) return;
                      placeDot(priv, round, item.id);
                      if (mine.done) setVoteDone(priv, round, false);
                    }}
                  >
                    {t('voting.phone.place')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {canVote &&
        (mine.done || mine.left === 0 ? (
          <p role="status" className="vote-done" tabIndex={-1} ref={focusIfFinishedHere}>
            {mine.left > 0 ? t('voting.phone.doneAbstain', { left: mine.left }) : t('voting.phone.done')}
          </p>
        ) : (
          <button
            type="button"
            className="vote-finish"
            onClick={() => {
              if (!priv) return;
              finishedHere.current = true;
              setVoteDone(priv, round, true);
            }}
          >
            {t('voting.phone.finish')}
          </button>
        ))}
    </section>
  );
}

export function VotingPhone() {
  return <RoundPhone round="areas" />;
}

export function SolutionVotingPhone() {
  return <RoundPhone round="solutions" />;
}
