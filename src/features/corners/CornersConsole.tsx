import { useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import { inputMaxLength, typedText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { setCorners } from '@/doc/facilitator/methods';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { CORNERS, cornerLetter, useCornerReasons, useCornerResult, useCorners } from './useCorners';

/** The statement and four answers; open the picking, show the corners, let them send reasons. */
export function CornersConsole() {
  const t = useT();
  const { docs } = useMeeting();
  const settings = useCorners();
  const result = useCornerResult();
  const reasons = useCornerReasons();
  const [statement, setStatement] = useState(settings.statement);
  const [answers, setAnswers] = useState(settings.answers);

  function save(event: FormEvent) {
    event.preventDefault();
    setCorners(docs.control, { statement, answers });
  }

  return (
    <div className="console-grid">
      <section className="card" aria-labelledby="corners-s-h">
        <h2 id="corners-s-h">{t('methods.corners.title')}</h2>
        <p>{t('methods.corners.intro')}</p>
        <form onSubmit={save} className="stack">
          <TextField multiline rows={2} label={t('methods.corners.statement.label')} value={statement} maxLength={inputMaxLength(TextRules.question)} onChange={(e) => setStatement(typedText(e.target.value, TextRules.question))} />
          {CORNERS.map((i) => (
            <TextField
              key={i}
              label={t('methods.corners.answer.label', { corner: cornerLetter(i) })}
              value={answers[i]}
              maxLength={inputMaxLength(TextRules.cornerAnswer)}
              onChange={(e) => setAnswers(answers.map((a, k) => (k === i ? typedText(e.target.value, TextRules.cornerAnswer) : a)))}
            />
          ))}
          <Button type="submit" variant="primary" disabled={settings.revealed || !statement.trim()}>
            {t('methods.corners.save')}
          </Button>
        </form>
      </section>
      <section className="card" aria-labelledby="corners-r-h">
        <h2 id="corners-r-h">{t('methods.corners.run')}</h2>
        <p role="status">{t('methods.corners.count', { count: result.count })}</p>
        <div className="row">
          <Button variant={settings.open ? 'secondary' : 'primary'} disabled={settings.revealed} onClick={() => setCorners(docs.control, { open: !settings.open })}>
            {t(settings.open ? 'methods.corners.close' : 'methods.corners.open')}
          </Button>
          <Button variant="primary" disabled={settings.revealed || result.count === 0} onClick={() => setCorners(docs.control, { revealed: true, open: false })}>
            {t('methods.corners.reveal')}
          </Button>
          {/* the relay puts no reason under a corner whose count is withheld (cornerReasons) */}
          <Button
            disabled={!settings.revealed || !result.totals || settings.reasonsOpen}
            aria-describedby={settings.revealed && !result.totals ? 'corners-reasons-withheld' : undefined}
            onClick={() => setCorners(docs.control, { reasonsOpen: true })}
          >
            {t('methods.corners.reasonsOpen')}
          </Button>
        </div>
        {settings.revealed && !result.totals && <p id="corners-reasons-withheld">{t('methods.corners.reasonsWithheld')}</p>}
        <p>{t('methods.corners.threshold')}</p>
        {settings.revealed && result.totals && (
          <ul>
            {CORNERS.map((i) => (
              <li key={i}>
                <strong>{cornerLetter(i)}</strong> {settings.answers[i]}: {t('methods.corners.standing', { count: result.totals![i] })}
                {reasons[i].length > 0 && (
                  <ul>
                    {reasons[i].map((r, k) => (
                      <li key={k}>{r}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
