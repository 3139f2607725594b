// The order of a speaking round (check-in, check-out): shared by both rounds' views.
import { useT } from '@/i18n/useT';
import { Hyphenated } from './Hyphenated';
import type { Speaker } from './speakingRound';

const ICON = { speaking: '▶', spoken: '✓', passed: '–', waiting: '○' } as const;

export interface SpeakingOrderProps {
  speakers: Speaker[];
  showAnswers: boolean;
  /** facilitator only: give the word to someone */
  onGiveWord?(id: string): void;
}

/** The order of speakers; status is shown as an icon and a word, not colour alone. */
export function SpeakingOrder({ speakers, showAnswers, onGiveWord }: SpeakingOrderProps) {
  const t = useT();
  return (
    <ol className="speaking-order" aria-labelledby="order-h">
      {speakers.map((s) => {
        const name = s.participant?.name ?? '?';
        return (
          <li key={s.id} className={`speaker speaker--${s.status}`} aria-current={s.status === 'speaking' ? 'true' : undefined}>
            <span className="speaker__icon" aria-hidden="true">
              {ICON[s.status]}
            </span>
            <span className="speaker__who">
              <span className="speaker__name">{name}</span>
              {s.participant?.organisation && <span className="speaker__org">{s.participant.organisation}</span>}
            </span>
            <span className="speaker__status">{t(`checkin.status.${s.status}`)}</span>
            {showAnswers && s.answer?.text && (
              <q className="speaker__answer">
                <Hyphenated text={s.answer.text} />
              </q>
            )}
            {onGiveWord && s.status !== 'speaking' && (
              <button type="button" className="btn btn--ghost" onClick={() => onGiveWord(s.id)}>
                {t('checkin.giveWord', { name })}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
