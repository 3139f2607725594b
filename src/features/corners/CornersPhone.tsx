import { useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import { inputMaxLength, typedText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { pickCorner, sendCornerReason } from '@/doc/methods';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { CORNERS, cornerLetter, useCornerReasons, useCornerResult, useCorners, useOwnCorner, useOwnCornerReason } from './useCorners';

/** The statement, the four corners to pick from, then (in one's corner) why. */
export function CornersPhone() {
  const t = useT();
  const { docs } = useMeeting();
  const settings = useCorners();
  const mine = useOwnCorner();
  const sentReason = useOwnCornerReason();
  const reasons = useCornerReasons();
  const result = useCornerResult();
  const [text, setText] = useState(sentReason);
  const [sent, setSent] = useState(false);
  if (!docs.private) return null;

  function send(event: FormEvent) {
    event.preventDefault();
    if (mine === null || !text.trim()) return;
    sendCornerReason(docs.private!, mine, text);
    setSent(true);
  }

  const canPick = settings.open && !settings.revealed;
  return (
    <div className="stack">
      <h1>{t('methods.corners.title')}</h1>
      <p className="phone-question">{settings.statement || t('methods.corners.statement.none')}</p>
      <div role="group" aria-label={t('methods.corners.pick')} className="stack">
        {CORNERS.map((i) => (
          <Button
            key={i}
            size="large"
            variant={mine === i ? 'primary' : 'secondary'}
            aria-pressed={mine === i}
            disabled={!canPick}
            onClick={() => pickCorner(docs.private!, i)}
          >
            {cornerLetter(i)}: {settings.answers[i] || t('methods.corners.answer.none')}
          </Button>
        ))}
      </div>
      <p role="status">
        {mine !== null
          ? t('methods.corners.yours', { corner: cornerLetter(mine) })
          : settings.open && !settings.revealed
            ? t('methods.corners.pickNow')
            : t('methods.corners.wait')}
      </p>
      {/* the relay takes no reason while the corners' counts are withheld */}
      {settings.reasonsOpen && result.totals && mine !== null && (
        <form onSubmit={send} className="stack">
          <TextField
            multiline
            rows={3}
            label={t('methods.corners.reason.label', { corner: cornerLetter(mine) })}
            hint={t('methods.corners.reason.hint')}
            value={text}
            maxLength={inputMaxLength(TextRules.answer)}
            onChange={(e) => {
              setText(typedText(e.target.value, TextRules.answer));
              setSent(false);
            }}
          />
          <p role="status">{sent ? t(reasons[mine].includes(sentReason) && sentReason === text.trim() ? 'methods.sent' : 'methods.sending') : ''}</p>
          <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
            {t('methods.corners.reason.send')}
          </Button>
        </form>
      )}
    </div>
  );
}
