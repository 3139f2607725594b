import { LandingPage } from '@/features/landing/LandingPage';
import { navigate } from './navigate';
import { consolePath } from '@/sync/addresses';

export default function LandingRoute() {
  return (
    <LandingPage
      onCreated={(m) => navigate(consolePath(m.meetingId, m.facilitatorKey, m.joinCode))}
      onJoinCode={(code) => navigate(`/j/${code}`)}
      onOpen={(r) => navigate(consolePath(r.meetingId, r.key, r.joinCode))}
    />
  );
}
