import { useCallback, useEffect } from 'react';
import { AppShell } from '@/components/AppShell';
import { JoinByCode } from '@/features/join/JoinByCode';
import { useT } from '@/i18n/useT';
import { navigate } from './navigate';
import { phonePath } from './routes';
import '@/styles/phone.css';

export default function JoinRoute({ code }: { code: string }) {
  const t = useT();
  // while the person types their name, fetch the participant's view (the next screen); when the
  // main thread is idle, so loading it never delays the form itself on a slow phone
  useEffect(() => {
    const load = () => void import('./PhoneRoute').catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(load, 1500);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(load, { timeout: 5000 });
    return () => cancelIdleCallback(handle);
  }, []);
  const onJoined = useCallback((meetingId: string) => navigate(phonePath(meetingId), { replace: true }), []);
  return (
    <AppShell variant="phone" title={t('shell.appName')}>
      <JoinByCode code={code} onJoined={onJoined} onHome={() => navigate('/')} />
    </AppShell>
  );
}
