import { useEffect, useLayoutEffect, useState } from 'react';
import { normaliseJoinCode } from '@common/docNames';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { resolveJoinCode, type ApiError, type JoinedParticipant } from '@/sync/api';
import { loadParticipant } from '@/sync/identity';
import { JoinForm } from './JoinForm';
import { releasePrerendered } from './prerendered';

type State = { status: 'resolving' } | { status: 'found'; meetingId: string } | { status: 'failed'; error: ApiError | 'invalid' };

export interface JoinByCodeProps {
  code: string;
  onJoined(meetingId: string, identity: JoinedParticipant): void;
  onHome(): void;
}

/** /j/CODE: find the meeting, then ask for name and organisation (or go straight in when known). */
export function JoinByCode({ code, onJoined, onHome }: JoinByCodeProps) {
  const t = useT();
  const normalised = normaliseJoinCode(code);
  const [state, setState] = useState<State>(normalised ? { status: 'resolving' } : { status: 'failed', error: 'invalid' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!normalised) return;
    let cancelled = false;
    setState({ status: 'resolving' });
    resolveJoinCode(normalised).then((result) => {
      if (cancelled) return;
      if (!result.ok) return setState({ status: 'failed', error: result.error });
      const known = loadParticipant(result.value.meetingId);
      if (known) onJoined(result.value.meetingId, known);
      else setState({ status: 'found', meetingId: result.value.meetingId });
    });
    return () => {
      cancelled = true;
    };
  }, [normalised, attempt, onJoined]);

  // the server's form stays while the meeting is looked up; a failed lookup replaces it
  useLayoutEffect(() => {
    if (state.status === 'failed') releasePrerendered();
  }, [state.status]);

  if (state.status === 'resolving') return <p role="status">{t('shell.join.resolving')}</p>;
  if (state.status === 'found') {
    return <JoinForm meetingId={state.meetingId} onJoined={(identity) => onJoined(state.meetingId, identity)} />;
  }
  const message =
    state.error === 'notFound' || state.error === 'invalid'
      ? t('shell.join.notFound', { code: normalised ?? code })
      : state.error === 'tooManyTries'
        ? t('shell.join.tooMany')
        : t('shell.join.network');
  return (
    <div className="stack">
      <h1>{t('shell.join.heading')}</h1>
      <p role="alert">{message}</p>
      <div className="thumb-actions">
        {state.error !== 'notFound' && state.error !== 'invalid' && (
          <Button variant="primary" size="large" onClick={() => setAttempt((n) => n + 1)}>
            {t('shell.join.retry')}
          </Button>
        )}
        <Button size="large" onClick={onHome}>
          {t('shell.closed.home')}
        </Button>
      </div>
    </div>
  );
}
