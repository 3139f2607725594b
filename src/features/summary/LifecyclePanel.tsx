// Close/reopen, replace a leaked key, delete, and import an archive as a new meeting.
import { useState, type ChangeEvent } from 'react';
import { Button } from '@/components/Button';
import { useT } from '@/i18n/useT';
import { useMeeting } from '@/store/meeting';
import { saveFacilitator } from '@/sync/identity';
import { closeMeeting, deleteMeeting, importArchive, reopenMeeting, replaceFacilitatorKey } from '@/sync/lifecycleApi';
import { parseArchive } from '@common/archive';
import { consolePath } from '@/sync/addresses';


export function LifecyclePanel({ closed }: { closed: boolean }) {
  const t = useT();
  const { meetingId, key } = useMeeting();
  const [message, setMessage] = useState('');
  const fail = (error: string) => setMessage(t('summary.actionFailed', { error }));

  async function toggle() {
    const result = closed ? await reopenMeeting(meetingId, key) : await closeMeeting(meetingId, key);
    if (!result.ok) fail(result.message);
  }
  async function replaceKey() {
    const result = await replaceFacilitatorKey(meetingId, key);
    if (!result.ok) return fail(result.message);
    saveFacilitator({ meetingId, key: result.value.facilitatorKey });
    setMessage(t('summary.replaceKeyDone'));
    location.replace(consolePath(meetingId, result.value.facilitatorKey));
    location.reload();
  }
  async function remove() {
    if (!window.confirm(t('summary.deleteConfirm'))) return;
    const result = await deleteMeeting(meetingId, key);
    if (!result.ok) return fail(result.message);
    setMessage(t('summary.deleted'));
    location.assign('/');
  }
  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await file.text();
    const checked = parseArchive(text);
    if (!checked.ok) return setMessage(t('summary.importFailed', { error: checked.error }));
    const result = await importArchive(text);
    if (!result.ok) return setMessage(t('summary.importFailed', { error: result.message }));
    saveFacilitator({ meetingId: result.value.meetingId, key: result.value.facilitatorKey, joinCode: result.value.joinCode });
    location.assign(consolePath(result.value.meetingId, result.value.facilitatorKey));
  }

  return (
    <section className="card no-print" aria-labelledby="summary-lifecycle">
      <h2 id="summary-lifecycle">{t('summary.lifecycle')}</h2>
      {closed && <p className="summary-closed">{t('summary.closedNotice')}</p>}
      <div className="summary-actions">
        <Button variant={closed ? 'secondary' : 'primary'} onClick={() => void toggle()}>
          {closed ? t('summary.reopen') : t('summary.close')}
        </Button>
        <Button onClick={() => void replaceKey()}>{t('summary.replaceKey')}</Button>
        <Button variant="danger" onClick={() => void remove()}>
          {t('summary.delete')}
        </Button>
        <label className="btn btn--secondary summary-import">
          {t('summary.import')}
          <input type="file" accept="application/json,.json" className="visually-hidden" onChange={(e) => void importFile(e)} />
        </label>
      </div>
      <p role="status">{message}</p>
    </section>
  );
}
