import { useState } from 'react';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { replaceBoardKey } from '@/sync/api';
import { loadFacilitator, saveFacilitator } from '@/sync/identity';
import { viewerPath } from './routes';

/**
 * The view-only board link for a room computer or a remote viewer. Its key was returned when
 * this device created the meeting; elsewhere (or when it leaked) the facilitator makes a new one,
 * and the old one stops at once.
 */
export function ViewerLink() {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const [boardKey, setBoardKey] = useState(() => loadFacilitator(meetingId)?.boardKey ?? null);
  const [status, setStatus] = useState<'idle' | 'busy' | 'replaced' | 'failed'>('idle');

  async function replace() {
    setStatus('busy');
    const result = await replaceBoardKey(meetingId, key);
    if (!result.ok) return setStatus('failed');
    saveFacilitator({ meetingId, key, boardKey: result.value.boardKey });
    setBoardKey(result.value.boardKey);
    setStatus(boardKey ? 'replaced' : 'idle');
  }

  return (
    <div className="stack">
      {boardKey && (
        <a className="btn btn--secondary" href={viewerPath(meetingId, boardKey)} target="_blank" rel="noopener">
          {t('shell.console.viewer')}
        </a>
      )}
      <p className="hint">{t('shell.console.viewerHint')}</p>
      <Button onClick={replace} disabled={status === 'busy'}>
        {t(boardKey ? 'shell.console.viewerReplace' : 'shell.console.viewerCreate')}
      </Button>
      <p role="status">
        {status === 'replaced' ? t('shell.console.viewerReplaced') : status === 'failed' ? t('shell.console.viewerFailed') : ''}
      </p>
    </div>
  );
}
