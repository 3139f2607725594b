import { useCallback, useEffect } from 'react';
import { AppShell } from '@/components/AppShell';
import { JoinByCode } from '@/features/join/JoinByCode';
import { useT } from '@/i18n/useT';
import { navigate } from './navigate';
import { phonePath } from './routes';
import '@/styles/phone.css';

export default function JoinRoute({ code }: { code: string }) {
  const t = useT();
  // while the person types their name, fetch the participant's view (the next screen)
  useEffect(() => void import('./PhoneRoute').catch(() => undefined), []);
  const onJoined = useCallback((meetingId: string) => navigate(phonePath(meetingId), { replace: true }), []);
  return (
    <AppShell variant="phone" title={t('shell.appName')}>
      <JoinByCode code={code} onJoined={onJoined} onHome={() => navigate('/')} />
    </AppShell>
  );
}
