import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { proposeAgendaPoint } from '@/doc/agenda';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useMeetingInfo, useOwnProposals, useSelf } from '@/store/meetingHooks';
import { AgendaList } from './AgendaList';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

/** While people arrive: the purpose, the agenda, and a way to propose an agenda point. */
export function SetupPhone() {
  const t = useT();
  const { docs, participantId } = useMeeting();
  const info = useMeetingInfo();
  const self = useSelf();
  const mine = useOwnProposals();
  const [text, setText] = useState('');
  const [sent, setSent] = useState(false);

  function propose(event: FormEvent) {
    event.preventDefault();
    if (!participantId || !docs.private) return;
    if (proposeAgendaPoint(docs.private, text)) {
      setText('');
      setSent(true);
    }
  }

  return (
    <div className="stack">
      {self && <h1>{t('setup.phone.welcome', { name: self.name })}</h1>}
      <p>{t('setup.phone.waiting')}</p>
      {info.purpose && <p className="phone-purpose">{info.purpose}</p>}
      <AgendaList />
      <form onSubmit={propose} aria-labelledby="propose-h" className="stack">
        <h2 id="propose-h">{t('setup.propose.heading')}</h2>
        <TextField
          multiline
          rows={3}
          label={t('setup.propose.label')}
          value={text}
          maxLength={inputMaxLength(TextRules.agendaPoint)}
          onChange={(e) => {
            setText(typedText(e.target.value, TextRules.agendaPoint));
            setSent(false);
          }}
        />
        <p role="status">{sent ? t('setup.propose.sent') : ''}</p>
        <div className="thumb-actions">
          <Button type="submit" variant="primary" size="large" disabled={!text.trim()}>
            {t('setup.propose.submit')}
          </Button>
        </div>
      </form>
      {mine.length > 0 && (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">{t('setup.propose.yours')}</h2>
          <ul>
            {mine.map((p) => (
              <li key={p.id}>
                {p.text} ({t(`setup.proposals.status.${p.status}`)})
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
