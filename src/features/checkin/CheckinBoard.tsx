import { RoundOrderBox } from '@/components/RoundOrderBox';
import { useT } from '@/i18n/useT';
import { SpeakerTimer } from './SpeakerTimer';
import { useRound } from './useRound';

/** The projected round: the question, who speaks now, the order and typed answers. */
export function CheckinBoard() {
  const t = useT();
  const { state, speakers, remaining } = useRound();
  const current = speakers.find((s) => s.status === 'speaking');
  return (
    <div className="board-checkin">
      <p className="board-question">{state.question || t('checkin.question.none')}</p>
      {current && (
        <p className="board-speaker" aria-live="polite">
          <span aria-hidden="true">▶ </span>
          {t('checkin.status.speaking')}: <strong>{current.participant?.name ?? '?'}</strong>
        </p>
      )}
      <SpeakerTimer size="large" />
      <RoundOrderBox speakers={speakers} heading={t('checkin.order.heading')} empty={t('checkin.order.empty')} />
      {speakers.length > 0 && remaining === 0 && !current && <p className="board-done">✓ {t('checkin.done')}</p>}
    </div>
  );
}
