import { useState, type FormEvent } from 'react';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { acceptProposal, addAgendaItem, declineProposal, moveAgendaItem, removeAgendaItem } from '@/doc/facilitator/agenda';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useAgenda, useParticipants } from '@/store/meetingHooks';
import { useProposals } from '@/store/facilitatorHooks';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';

/** The agenda with keyboard-accessible reordering, and participants' proposals to accept or decline. */
export function AgendaEditor() {
  const t = useT();
  const { docs } = useMeeting();
  const agenda = useAgenda();
  const proposals = useProposals().filter((p) => p.status === 'proposed');
  const participants = useParticipants();
  const [text, setText] = useState('');

  function add(event: FormEvent) {
    event.preventDefault();
    if (addAgendaItem(docs.control, text)) setText('');
  }

  return (
    <section className="card" aria-labelledby="agenda-h">
      <h2 id="agenda-h">{t('setup.agenda.heading')}</h2>
      {agenda.length === 0 ? (
        <p>{t('setup.agenda.empty')}</p>
      ) : (
        <ol className="edit-list">
          {agenda.map((item, i) => (
            <li key={item.id}>
              <span className="edit-list__text">
                {item.text} {item.proposalId && <small>{t('setup.agenda.fromParticipant')}</small>}
              </span>
              <Button onClick={() => moveAgendaItem(docs.control, item.id, -1)} disabled={i === 0} aria-label={t('setup.agenda.moveUp', { text: item.text })}>
                ↑
              </Button>
              <Button
                onClick={() => moveAgendaItem(docs.control, item.id, 1)}
                disabled={i === agenda.length - 1}
                aria-label={t('setup.agenda.moveDown', { text: item.text })}
              >
                ↓
              </Button>
              <Button variant="danger" onClick={() => removeAgendaItem(docs.control, item.id)} aria-label={t('setup.agenda.remove', { text: item.text })}>
                ✕
              </Button>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={add} className="row row--end">
        <TextField label={t('setup.agenda.itemLabel')} value={text} maxLength={inputMaxLength(TextRules.agendaPoint)} onChange={(e) => setText(typedText(e.target.value, TextRules.agendaPoint))} />
        <Button type="submit">{t('setup.agenda.add')}</Button>
      </form>
      <h3>{t('setup.proposals.heading')}</h3>
      {proposals.length === 0 ? (
        <p>{t('setup.proposals.empty')}</p>
      ) : (
        <ul className="edit-list">
          {proposals.map((p) => (
            <li key={p.id}>
              <span className="edit-list__text">
                {p.text} <small>{t('setup.proposals.by', { name: participants.get(p.participantId)?.name ?? '?' })}</small>
              </span>
              <Button variant="primary" onClick={() => acceptProposal(docs.control, docs.meeting, p.id)} aria-label={t('setup.proposals.accept', { text: p.text })}>
                ✓
              </Button>
              <Button onClick={() => declineProposal(docs.meeting, p.id)} aria-label={t('setup.proposals.decline', { text: p.text })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
