import { useRef, useState, type FormEvent } from 'react';
import { Limits } from '@common/schema';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { useT } from '@/i18n/useT';
import { joinMeeting, type JoinedParticipant } from '@/sync/api';
import { saveParticipant } from '@/sync/identity';

export interface JoinFormProps {
  meetingId: string;
  onJoined(identity: JoinedParticipant): void;
}

/** Name and organisation; the relay registers the participant and returns its key. */
export function JoinForm({ meetingId, onJoined }: JoinFormProps) {
  const t = useT();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [errors, setErrors] = useState<{ name?: string; organisation?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  const orgRef = useRef<HTMLInputElement>(null);

  function validate() {
    const next: typeof errors = {};
    const n = name.trim();
    const o = organisation.trim();
    if (!n) next.name = t('shell.join.nameRequired');
    else if (n.length > Limits.nameMax) next.name = t('shell.join.tooLong', { max: Limits.nameMax });
    if (!o) next.organisation = t('shell.join.orgRequired');
    else if (o.length > Limits.organisationMax) next.organisation = t('shell.join.tooLong', { max: Limits.organisationMax });
    return next;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (found.name) return nameRef.current?.focus();
    if (found.organisation) return orgRef.current?.focus();
    setBusy(true);
    const result = await joinMeeting(meetingId, { name: name.trim(), organisation: organisation.trim() });
    setBusy(false);
    if (!result.ok) {
      const form =
        result.error === 'notFound'
          ? t('shell.join.meetingGone')
          : result.error === 'network'
            ? t('shell.join.network')
            : result.error === 'tooManyTries'
              ? t('shell.join.tooMany')
              : result.message ?? t('shell.join.failed');
      setErrors({ form });
      return;
    }
    saveParticipant(meetingId, result.value);
    onJoined(result.value);
  }

  return (
    <form className="join-form" onSubmit={submit} noValidate aria-labelledby="join-form-h">
      <h1 id="join-form-h">{t('shell.join.heading')}</h1>
      <TextField
        ref={nameRef}
        label={t('shell.join.name')}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={Limits.nameMax + 20}
      />
      <TextField
        ref={orgRef}
        label={t('shell.join.organisation')}
        hint={t('shell.join.orgHint')}
        autoComplete="organization"
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
        error={errors.organisation}
        maxLength={Limits.organisationMax + 20}
      />
      {errors.form && (
        <p className="form-error" role="alert">
          <span aria-hidden="true">⚠ </span>
          {errors.form}
        </p>
      )}
      <div className="thumb-actions">
        <Button type="submit" variant="primary" size="large" disabled={busy} aria-busy={busy}>
          {busy ? t('shell.join.submitting') : t('shell.join.submit')}
        </Button>
      </div>
    </form>
  );
}
