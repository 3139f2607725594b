import { useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import { inputMaxLength, typedText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { sendBuzzLine } from '@/doc/methods';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useParticipants } from '@/store/meetingHooks';
import { useBuzz, useBuzzGroups, useBuzzLines, useOwnBuzzLine } from './useBuzz';

/** The question, who is in my group, and the group's one line. */
export function BuzzPhone() {
  const t = useT();
  const { docs, participantId } = useMeeting();
  const settings = useBuzz();
  const groups = useBuzzGroups();
  const participants = useParticipants();
  const lines = useBuzzLines();
  const mine = useOwnBuzzLine();
  const group = participantId ? groups.get(participantId) : undefined;
  // only this round's line: last round's group number may be reused for another group
  const own = mine && mine.round === settings.round && mine.group === group ? mine : null;
  const [text, setText] = useState(own ? own.text : '');
  const [sent, setSent] = useState(false);
  // groups formed again while this screen is open: last round's text goes with them
  const [round, setRound] = useState(settings.round);
  if (round !== settings.round) {
    setRound(settings.round);
    setText('');
    setSent(false);
  }
  if (!participantId || !docs.private) return null;
  const mates = [...groups].filter(([id, g]) => g === group && id !== participantId).map(([id]) => participants.get(id)?.name ?? '?');
  const onBoard = lines.find((l) => l.group === group);

  function send(event: FormEvent) {
    event.preventDefault();
    if (group === undefined || !text.trim()) return;
    sendBuzzLine(docs.private!, settings.round, group, text);
    setSent(true);
  }

  return (
    <div className="stack">
      <h1>{t('methods.buzz.title')}</h1>
      <p className="phone-question">{settings.question || t('methods.buzz.question.none')}</p>
      {group === undefined ? (
        <p>{t('methods.buzz.noGroup')}</p>
      ) : (
        <>
          <p className="buzz-phone-group">
            <strong>{t('methods.group', { n: group })}</strong>
            {mates.length > 0 && <> – {t('methods.buzz.with', { names: mates.join(', ') })}</>}
          </p>
          <form onSubmit={send} className="stack">
            <TextField
              multiline
              rows={3}
              label={t('methods.buzz.line.label')}
              hint={t('methods.buzz.line.hint')}
              value={text}
              maxLength={inputMaxLength(TextRules.answer)}
              onChange={(e) => {
                setText(typedText(e.target.value, TextRules.answer));
                setSent(false);
              }}
            />
            <p role="status">{sent ? t(onBoard && own && onBoard.text === own.text ? 'methods.sent' : 'methods.sending') : ''}</p>
            <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
              {t('methods.buzz.line.send')}
            </Button>
          </form>
          {onBoard && (
            <p className="buzz-phone-onboard">
              {t('methods.buzz.onBoard')}: {onBoard.text}
            </p>
          )}
        </>
      )}
    </div>
  );
}
