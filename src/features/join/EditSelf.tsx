import { useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import type { Participant } from '@common/schema';
import { inputMaxLength, parseText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { useSelf } from '@/store/meetingHooks';
import { updateParticipant } from '@/sync/api';
import { fieldProblem } from './fieldProblem';

/** Correct one's own name or organisation; the relay writes it into the participant list. */
export function EditSelf() {
  const self = useSelf();
  // mounted once the participant list has synced, so the fields start with the saved values
  return self ? <EditSelfForm self={self} /> : null;
}

function EditSelfForm({ self }: { self: Participant }) {
  const t = useT();
  const { meetingId, participantId, key } = useMeeting();
  const [name, setName] = useState(self.name);
  const [organisation, setOrganisation] = useState(self.organisation);
  const [status, setStatus] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [errors, setErrors] = useState<{ name?: string; organisation?: string }>({});

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsedName = parseText(name, TextRules.name);
    const parsedOrg = parseText(organisation, TextRules.organisation);
    setErrors({
      name: fieldProblem(parsedName, t, 'shell.join.nameRequired'),
      organisation: fieldProblem(parsedOrg, t, 'shell.join.orgRequired'),
    });
    if (!parsedName.ok || !parsedOrg.ok) return setStatus('idle');
    const result = await updateParticipant(meetingId, participantId!, key, { name: parsedName.value, organisation: parsedOrg.value });
    setStatus(result.ok ? 'saved' : 'failed');
  }

  return (
    <details className="edit-self">
      <summary>{t('shell.phone.edit')}</summary>
      <form onSubmit={save} className="stack">
        <TextField label={t('shell.join.name')} value={name} maxLength={inputMaxLength(TextRules.name) + 20} error={errors.name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
        <TextField
          label={t('shell.join.organisation')}
          value={organisation}
          maxLength={inputMaxLength(TextRules.organisation) + 20}
          error={errors.organisation}
          onChange={(e) => setOrganisation(e.target.value)}
          autoComplete="organization"
        />
        <p role="status">{status === 'saved' ? t('shell.phone.saved') : status === 'failed' ? t('shell.join.failed') : ''}</p>
        <Button type="submit">{t('shell.phone.save')}</Button>
      </form>
    </details>
  );
}
