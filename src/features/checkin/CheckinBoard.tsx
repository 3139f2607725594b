import { useRef } from 'react';
import { useFitList } from '@/components/useFitList';
import { useOverflowing, useViewportKey } from '@/components/useOverflowing';
import { useT } from '@/i18n/useT';
import { SpeakerTimer } from './SpeakerTimer';
import { SpeakingOrder } from '@/components/SpeakingOrder';
import type { Speaker } from '@/components/SpeakingOrder';
import { useRound } from './useRound';
import { Hyphenated } from '@/components/Hyphenated';

/** The projected round: the question, who speaks now, the order and typed answers. */
export function CheckinBoard() {
  const t = useT();
  const { state, speakers, remaining } = useRound();
  const current = speakers.find((s) => s.status === 'speaking');
  const box = useRef<HTMLDivElement>(null);
  const viewport = useViewportKey();
  // a long round does not fit as a list: the room then sees who speaks, who is next and how many are done
  const compact = useOverflowing(box, `${speakers.length}|${viewport}`);
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
      <h2 id="order-h" className={compact ? 'visually-hidden' : undefined}>
        {t('checkin.order.heading')}
      </h2>
      <div className="speaking-order-box" ref={box}>
        {speakers.length === 0 ? (
          <p>{t('checkin.order.empty')}</p>
        ) : compact ? (
          <RoundSummary speakers={speakers} current={current} />
        ) : (
          <SpeakingOrder speakers={speakers} showAnswers />
        )}
      </div>
      {speakers.length > 0 && remaining === 0 && !current && <p className="board-done">✓ {t('checkin.done')}</p>}
    </div>
  );
}

function RoundSummary({ speakers, current }: { speakers: Speaker[]; current: Speaker | undefined }) {
  const t = useT();
  const waiting = speakers.filter((s) => s.status === 'waiting');
  const spoken = speakers.filter((s) => s.status === 'spoken').length;
  const passed = speakers.filter((s) => s.status === 'passed').length;
  const list = useRef<HTMLUListElement>(null);
  const more = useFitList(list, [waiting.length, t]);
  return (
    <div className="board-checkin-summary">
      {current?.answer?.text && <q className="board-answer">
          <Hyphenated text={current.answer.text} />
        </q>}
      <p>{t('checkin.board.progress', { spoken, passed, waiting: waiting.length })}</p>
      {waiting.length > 0 && (
        <section aria-labelledby="checkin-next-h">
          <h2 id="checkin-next-h">{t('checkin.board.next')}</h2>
          <ul ref={list} className="fit-list">
            {waiting.map((s) => (
              <li key={s.id}>{s.participant?.name ?? '?'}</li>
            ))}
          </ul>
          {more > 0 && <p className="fit-more">{t('shell.board.more', { count: more })}</p>}
        </section>
      )}
    </div>
  );
}
