import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { TextRules } from '@common/records';
import { inputMaxLength, parseText } from '@common/text';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { useT } from '@/i18n/useT';
import { joinMeeting, type JoinedParticipant } from '@/sync/api';
import { saveParticipant } from '@/sync/identity';
import { fieldProblem } from './fieldProblem';
import { releasePrerendered, type Carried } from './prerendered';

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
  const formRef = useRef<HTMLFormElement>(null);
  const [carried, setCarried] = useState<Carried | null>(null);

  // the server's copy of this form was usable before the app arrived: take over what was typed
  useLayoutEffect(() => {
    const typed = releasePrerendered();
    if (!typed) return;
    setName(typed.name);
    setOrganisation(typed.organisation);
    setCarried(typed);
  }, []);
  useLayoutEffect(() => {
    if (!carried) return;
    const field = carried.focus?.field === 'name' ? nameRef.current : carried.focus?.field === 'organisation' ? orgRef.current : null;
    if (field) {
      field.focus();
      if (carried.focus?.start != null) field.setSelectionRange(carried.focus.start, carried.focus.end ?? carried.focus.start);
    }
    if (carried.submitted) formRef.current?.requestSubmit();
  }, [carried]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // the relay's own parser: a name of only invisible characters is no name here either
    const parsedName = parseText(name, TextRules.name);
    const parsedOrg = parseText(organisation, TextRules.organisation);
    const found = {
      name: fieldProblem(parsedName, t, 'shell.join.nameRequired'),
      organisation: fieldProblem(parsedOrg, t, 'shell.join.orgRequired'),
    };
    setErrors(found);
    if (!parsedName.ok) return nameRef.current?.focus();
    if (!parsedOrg.ok) return orgRef.current?.focus();
    setBusy(true);
    const result = await joinMeeting(meetingId, { name: parsedName.value, organisation: parsedOrg.value });
    setBusy(false);
    if (!result.ok) {
      const form =
        result.error === 'notFound'
          ? t('shell.join.meetingGone')
          : result.error === 'network'
            ? t('shell.join.network')
            : result.error === 'tooManyTries'
              ? t('shell.join.tooMany')
              : result.said ?? t('shell.join.failed');
      setErrors({ form });
      return;
    }
    saveParticipant(meetingId, result.value);
    onJoined(result.value);
  }

  return (
    <form ref={formRef} className="join-form" onSubmit={submit} noValidate aria-labelledby="join-form-h">
      <h1 id="join-form-h">{t('shell.join.heading')}</h1>
      <TextField
        ref={nameRef}
        label={t('shell.join.name')}
        autoComplete="name"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
        maxLength={inputMaxLength(TextRules.name) + 20}
      />
      <TextField
        ref={orgRef}
        label={t('shell.join.organisation')}
        hint={t('shell.join.orgHint')}
        autoComplete="organization"
        value={organisation}
        onChange={(e) => setOrganisation(e.target.value)}
        error={errors.organisation}
        maxLength={inputMaxLength(TextRules.organisation) + 20}
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
