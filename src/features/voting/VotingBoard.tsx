// The projected board while voting: only "9 av 14 har röstat klart" before the reveal, then the
// ranked bar chart, large enough for the back of the room.
import type { VoteRound } from '@common/schema';
import { useT } from '@/i18n/useT';
import { ResultChart } from './ResultChart';
import { useRanking } from './useVoting';
import { useVoteProgress } from './useVoteProgress';
import './voting.css';

/** rows that fit a 720 px high stage at the board's type size */
const BOARD_ROWS = 8;

function RoundBoard({ round }: { round: VoteRound }) {
  const t = useT();
  const progress = useVoteProgress(round);
  const { ranked, settings } = useRanking(round);
  return (
    <section className="vote-board" aria-label={t(round === 'areas' ? 'voting.title.areas' : 'voting.title.solutions')}>
      {settings.revealed ? (
        <>
          <h2>{t('voting.result.heading')}</h2>
          <ResultChart ranked={ranked} chosen={settings.chosen} limit={BOARD_ROWS} className="vote-chart-board" />
        </>
      ) : (
        <>
          <p className="vote-board-progress" aria-live="polite">
            {t('voting.progress', { finished: progress.finished.length, total: progress.total })}
          </p>
          <p className="vote-board-hint">{t('voting.board.hint', { dots: settings.dots })}</p>
        </>
      )}
    </section>
  );
}

export function VotingBoard() {
  return <RoundBoard round="areas" />;
}

export function SolutionVotingBoard() {
  return <RoundBoard round="solutions" />;
}
