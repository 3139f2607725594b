import { useState } from 'react';
import { AppShell } from '@/components/AppShell';
import { JoinForm } from '@/features/join/JoinForm';
import { useT } from '@/i18n/useT';
import { forgetParticipant, loadParticipant } from '@/sync/identity';
import { MeetingGate } from './MeetingGate';
import PhoneView from './PhoneView';
import '@/styles/phone.css';

/** /m/<id>/p: rejoins as the saved participant after a reload, or asks for name and organisation. */
export default function PhoneRoute({ meetingId }: { meetingId: string }) {
  const t = useT();
  const [identity, setIdentity] = useState(() => loadParticipant(meetingId));
  if (!identity) {
    return (
      <AppShell variant="phone" title={t('shell.appName')}>
        <JoinForm meetingId={meetingId} onJoined={setIdentity} />
      </AppShell>
    );
  }
  return (
    <MeetingGate
      options={{ meetingId, role: 'participant', key: identity.participantKey, participantId: identity.participantId }}
      onRejoin={() => {
        forgetParticipant(meetingId);
        setIdentity(null);
      }}
    >
      <PhoneView />
    </MeetingGate>
  );
}
