import { useState, type FormEvent } from 'react';
import { normaliseJoinCode } from '@common/docNames';
import { AppShell } from '@/components/AppShell';
import { Button } from '@/components/Button';
import { TextField } from '@/components/TextField';
import { useT } from '@/i18n/useT';
import { createMeeting, type CreatedMeeting } from '@/sync/api';
import { listFacilitatorMeetings, saveFacilitator, type FacilitatorRecord } from '@/sync/identity';
import { inputMaxLength, typedText } from '@common/text';
import { TextRules } from '@common/records';
import { summaryPath } from '@/sync/addresses';
import './landing.css';

export interface LandingPageProps {
  onCreated(meeting: CreatedMeeting): void;
  onJoinCode(code: string): void;
  onOpen(record: FacilitatorRecord): void;
}

export function LandingPage({ onCreated, onJoinCode, onOpen }: LandingPageProps) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [mine] = useState(listFacilitatorMeetings);

  async function create(event: FormEvent) {
    event.preventDefault();
    setCreating(true);
    setCreateError(null);
    const result = await createMeeting(title.trim());
    setCreating(false);
    if (!result.ok) {
      setCreateError(t('shell.landing.createFailed'));
      return;
    }
    saveFacilitator({
      meetingId: result.value.meetingId,
      key: result.value.facilitatorKey,
      boardKey: result.value.boardKey,
      joinCode: result.value.joinCode,
      title: title.trim(),
    });
    onCreated(result.value);
  }

  function join(event: FormEvent) {
    event.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (!normalised) {
      setCodeError(t('shell.landing.codeInvalid'));
      return;
    }
    onJoinCode(normalised);
  }

  return (
    <AppShell variant="page" title={t('shell.appName')}>
      <h1>{t('shell.appName')}</h1>
      <p>{t('shell.landing.intro')}</p>
      <div className="landing-grid">
        <section aria-labelledby="join-h" className="card">
          <h2 id="join-h">{t('shell.landing.joinHeading')}</h2>
          <form onSubmit={join} noValidate>
            <TextField
              label={t('shell.landing.codeLabel')}
              hint={t('shell.landing.codeHint')}
              error={codeError}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              className="field--code"
            />
            <Button type="submit" variant="primary" size="large">
              {t('shell.landing.join')}
            </Button>
          </form>
        </section>
        <section aria-labelledby="create-h" className="card">
          <h2 id="create-h">{t('shell.landing.createHeading')}</h2>
          <form onSubmit={create}>
            <TextField
              label={t('shell.landing.titleLabel')}
              value={title}
              maxLength={inputMaxLength(TextRules.title)}
              onChange={(e) => setTitle(typedText(e.target.value, TextRules.title))}
              error={createError}
            />
            <Button type="submit" variant="primary" size="large" disabled={creating} aria-busy={creating}>
              {creating ? t('shell.landing.creating') : t('shell.landing.create')}
            </Button>
          </form>
        </section>
      </div>
      {mine.length > 0 && (
        <section aria-labelledby="mine-h">
          <h2 id="mine-h">{t('shell.landing.yourMeetings')}</h2>
          <ul className="plain-list">
            {mine.map((m) => (
              <li key={m.meetingId} className="landing-mine">
                <Button variant="ghost" onClick={() => onOpen(m)}>
                  {t('shell.landing.open', { title: m.title || t('shell.landing.untitled') })}
                  {m.date ? ` ${t('term.landing.on', { date: m.date })}` : ''}
                  {m.joinCode ? ` (${m.joinCode})` : ''}
                </Button>
                <a className="btn btn--ghost" href={summaryPath(m.meetingId, m.key)}>
                  {t('term.landing.plan', { title: m.title || t('shell.landing.untitled') })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </AppShell>
  );
}
