import { useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import { inputMaxLength, typedText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { formBuzz, setBuzz } from '@/doc/facilitator/methods';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useOnlineParticipants } from '@/store/presence';
import { groupNumbers, useBuzz, useBuzzGroups, useBuzzLines } from './useBuzz';

/** Question, how to form the pairs or trios, the groups, and their lines as they arrive. */
export function BuzzConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const settings = useBuzz();
  const groups = useBuzzGroups();
  const lines = useBuzzLines();
  const participants = useParticipants();
  const online = useOnlineParticipants();
  const [question, setQuestion] = useState(settings.question);

  function save(event: FormEvent) {
    event.preventDefault();
    if (question.trim()) setBuzz(docs.control, { question });
  }

  return (
    <div className="console-grid">
      <section className="card" aria-labelledby="buzz-q-h">
        <h2 id="buzz-q-h">{t('methods.buzz.title')}</h2>
        <p>{t('methods.buzz.intro')}</p>
        <form onSubmit={save} className="stack">
          <TextField multiline rows={2} label={t('methods.buzz.question.label')} value={question} maxLength={inputMaxLength(TextRules.question)} onChange={(e) => setQuestion(typedText(e.target.value, TextRules.question))} />
          <Button type="submit" variant="primary" disabled={!question.trim()}>
            {t('methods.buzz.question.set')}
          </Button>
        </form>
      </section>
      <section className="card" aria-labelledby="buzz-g-h">
        <h2 id="buzz-g-h">{t('methods.buzz.groups.heading')}</h2>
        <fieldset className="stack">
          <legend>{t('methods.buzz.mode')}</legend>
          {(['neighbours', 'mixed'] as const).map((mode) => (
            <label key={mode}>
              <input type="radio" name="buzz-mode" checked={settings.mode === mode} onChange={() => setBuzz(docs.control, { mode })} />{' '}
              {t(`methods.buzz.mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="stack">
          <legend>{t('methods.buzz.size')}</legend>
          {[2, 3].map((size) => (
            <label key={size}>
              <input type="radio" name="buzz-size" checked={settings.size === size} onChange={() => setBuzz(docs.control, { size })} />{' '}
              {t(size === 2 ? 'methods.buzz.size.pairs' : 'methods.buzz.size.trios')}
            </label>
          ))}
        </fieldset>
        <Button variant="primary" disabled={online.length === 0} onClick={() => formBuzz(docs.control, docs.meeting, online)}>
          {t('methods.buzz.form', { count: online.length })}
        </Button>
        <p>{t('methods.buzz.timerHint')}</p>
        <ol className="buzz-console-groups">
          {groupNumbers(groups).map((n) => {
            const line = lines.find((l) => l.group === n);
            const names = [...groups].filter(([, g]) => g === n).map(([id]) => participants.get(id)?.name ?? '?');
            return (
              <li key={n}>
                <strong>{t('methods.group', { n })}</strong>: {names.join(', ')}
                <br />
                {line ? <span>✓ {line.text}</span> : <span>{t('methods.buzz.waiting')}</span>}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
