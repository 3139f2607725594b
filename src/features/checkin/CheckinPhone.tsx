import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { passCheckin, setCheckinAnswer } from '@/doc/checkin';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { PrivateRoots } from '@common/schema';
import { useCheckin, useCheckinAnswers, useOwnRoundAnswer } from '@/store/meetingHooks';
import { SpeakerTimer } from './SpeakerTimer';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

/** The question, your place in the order, an optional typed answer, and a way to pass. */
export function CheckinPhone() {
  const t = useT();
  const { docs, participantId } = useMeeting();
  const state = useCheckin();
  // the phone's own copy: shown at once, offline too; the relay puts it on the board
  const mine = useOwnRoundAnswer(PrivateRoots.checkin);
  const onBoard = useCheckinAnswers().get(participantId ?? '');
  const arrived = onBoard !== undefined && onBoard.text === (mine.text ?? '') && onBoard.passed === (mine.passed === true);
  const [text, setText] = useState(mine?.text ?? '');
  const [saved, setSaved] = useState(false);
  if (!participantId || !docs.private) return null;
  const place = state.order.indexOf(participantId);
  const myTurn = state.current === participantId;

  function save(event: FormEvent) {
    event.preventDefault();
    setCheckinAnswer(docs.private!, text);
    setSaved(true);
  }

  return (
    <div className="stack">
      <h1>{t('checkin.title')}</h1>
      <p className="phone-question">{state.question || t('checkin.question.none')}</p>
      {myTurn ? (
        <p className="phone-turn" role="status">
          <span aria-hidden="true">▶ </span>
          {t('checkin.yourTurn')}
        </p>
      ) : (
        place >= 0 && !state.spoken.includes(participantId) && <p>{t('checkin.yourPlace', { n: place + 1 })}</p>
      )}
      {myTurn && <SpeakerTimer size="small" />}
      {mine?.passed && (
        <p role="status">
          <span aria-hidden="true">– </span>
          {t('checkin.youPassed')}
        </p>
      )}
      <form onSubmit={save} className="stack">
        <TextField
          multiline
          rows={3}
          label={t('checkin.answer.label')}
          value={text}
          maxLength={inputMaxLength(TextRules.answer)}
          onChange={(e) => {
            setText(typedText(e.target.value, TextRules.answer));
            setSaved(false);
          }}
        />
        <p role="status">{saved ? t(arrived ? 'checkin.answer.saved' : 'checkin.answer.sending') : ''}</p>
        <div className="thumb-actions">
          <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
            {t('checkin.answer.save')}
          </Button>
          {mine?.passed ? (
            <Button size="large" onClick={() => passCheckin(docs.private!, false)}>
              {t('checkin.unpass')}
            </Button>
          ) : (
            <Button size="large" onClick={() => passCheckin(docs.private!, true)}>
              {t('checkin.pass')}
            </Button>
          )}
        </div>
      </form>
    </div>
  );
}
