// A speaking round's order on the projected board (check-in and check-out alike): the whole list
// while it fits the stage; when it does not, who speaks, how many are done and who is next.
import { useRef } from 'react';
import { useFitList } from './useFitList';
import { useOverflowing, useViewportKey } from './useOverflowing';
import { useT } from '@/i18n/useT';
import { Hyphenated } from './Hyphenated';
import { SpeakingOrder } from './SpeakingOrder';
import { type Speaker } from './speakingRound';

export function RoundOrderBox({ speakers, heading, empty }: { speakers: Speaker[]; heading: string; empty: string }) {
  const current = speakers.find((s) => s.status === 'speaking');
  const box = useRef<HTMLDivElement>(null);
  const viewport = useViewportKey();
  // a long round does not fit as a list: the room then sees who speaks, who is next and how many are done
  const compact = useOverflowing(box, `${speakers.length}|${viewport}`);
  return (
    <>
      <h2 id="order-h" className={compact ? 'visually-hidden' : undefined}>
        {heading}
      </h2>
      <div className="speaking-order-box" ref={box}>
        {speakers.length === 0 ? (
          <p>{empty}</p>
        ) : compact ? (
          <RoundSummary speakers={speakers} current={current} />
        ) : (
          <SpeakingOrder speakers={speakers} showAnswers />
        )}
      </div>
    </>
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
      {current?.answer?.text && (
        <q className="board-answer">
          <Hyphenated text={current.answer.text} />
        </q>
      )}
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
