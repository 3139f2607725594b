import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { setQuestion, setSpeakerSeconds } from '@/doc/facilitator/checkin';
import type { MessageKey } from '@/i18n/catalogues';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useCheckin } from '@/store/meetingHooks';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

const SUGGESTED: MessageKey[] = ['checkin.question.q1', 'checkin.question.q2', 'checkin.question.q3'];

export function QuestionForm() {
  const t = useT();
  const { docs } = useMeeting();
  const state = useCheckin();
  const [question, setDraft] = useState(state.question);
  const [seconds, setSeconds] = useState(String(state.speakerSeconds));

  function save(event: FormEvent) {
    event.preventDefault();
    // an empty question would leave the board saying the leader is about to ask one
    if (question.trim() === '') return;
    setQuestion(docs.control, question);
  }

  return (
    <section className="card" aria-labelledby="question-h">
      {/* the field below says it once on screen; the heading is for navigating by headings */}
      <h2 id="question-h" className="visually-hidden">
        {t('checkin.question.label')}
      </h2>
      <form onSubmit={save} className="stack">
        <TextField multiline rows={2} label={t('checkin.question.label')} value={question} maxLength={inputMaxLength(TextRules.question)} onChange={(e) => setDraft(typedText(e.target.value, TextRules.question))} />
        <Button type="submit" variant="primary" disabled={question.trim() === ''}>
          {t('checkin.question.set')}
        </Button>
      </form>
      <div role="group" aria-label={t('checkin.question.suggestions')} className="chips">
        {SUGGESTED.map((key) => (
          <Button
            key={key}
            variant="ghost"
            aria-label={t('checkin.question.use', { q: t(key) })}
            onClick={() => {
              setDraft(t(key));
              setQuestion(docs.control, t(key));
            }}
          >
            {t(key)}
          </Button>
        ))}
      </div>
      <TextField
        label={t('checkin.speakerSeconds')}
        type="number"
        inputMode="numeric"
        min={0}
        max={600}
        value={seconds}
        onChange={(e) => {
          setSeconds(e.target.value);
          const value = Number(e.target.value);
          if (Number.isFinite(value) && value >= 0) setSpeakerSeconds(docs.control, value);
        }}
        className="field--narrow"
      />
    </section>
  );
}
