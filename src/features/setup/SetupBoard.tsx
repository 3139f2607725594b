import { useMeetingInfo } from '@/store/meetingHooks';
import { AgendaList } from './AgendaList';
import { Representation } from './Representation';

/** Before the meeting starts: what it is about, the agenda, and who is here. */
export function SetupBoard() {
  const info = useMeetingInfo();
  return (
    <div className="board-setup">
      <div>
        {info.forumName && <p className="board-kicker">{info.forumName}</p>}
        {info.purpose && <p className="board-purpose">{info.purpose}</p>}
        <AgendaList />
      </div>
      <Representation />
    </div>
  );
}
