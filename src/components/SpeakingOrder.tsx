// The order of a speaking round (check-in, check-out): shared by both rounds' views.
import type { CheckinState, Participant, RoundAnswer } from '@common/schema';
import { useT } from '@/i18n/useT';
import { Hyphenated } from './Hyphenated';

export type SpeakerStatus = 'speaking' | 'spoken' | 'passed' | 'waiting';

export interface Speaker {
  id: string;
  participant: Participant | undefined;
  answer: RoundAnswer | undefined;
  status: SpeakerStatus;
}

/** A round's speaking order joined with names, answers and each person's status (check-in and check-out alike). */
export function roundOf(state: CheckinState, answers: ReadonlyMap<string, RoundAnswer>, participants: ReadonlyMap<string, Participant>) {
  const speakers: Speaker[] = state.order.map((id) => {
    const answer = answers.get(id);
    const status: SpeakerStatus =
      state.current === id ? 'speaking' : answer?.passed ? 'passed' : state.spoken.includes(id) ? 'spoken' : 'waiting';
    return { id, participant: participants.get(id), answer, status };
  });
  const passed = new Set([...answers].filter(([, a]) => a.passed).map(([id]) => id));
  const remaining = speakers.filter((s) => s.status === 'waiting').length;
  return { state, speakers, passed, remaining, answers };
}

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
