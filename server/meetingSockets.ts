// The one registry of a meeting's open sockets and the role each authenticated as: a replaced key,
// a deleted or reopened meeting, and a meeting this instance no longer serves close them here.
import type { WebSocket } from 'ws';
import type { Role } from './meetings';

interface Entry {
  ws: WebSocket;
  role: Role;
}

export class MeetingSockets {
  private readonly byMeeting = new Map<string, Set<Entry>>();

  /** Remembers an open socket; returns the forget. */
  track(meetingId: string, role: Role, ws: WebSocket): () => void {
    let set = this.byMeeting.get(meetingId);
    if (!set) this.byMeeting.set(meetingId, (set = new Set()));
    const entry = { ws, role };
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.byMeeting.get(meetingId) === set) this.byMeeting.delete(meetingId);
    };
  }

  /** Does the meeting have an open socket here? */
  has(meetingId: string): boolean {
    return this.byMeeting.has(meetingId);
  }

  count(meetingId: string): number {
    return this.byMeeting.get(meetingId)?.size ?? 0;
  }

  /** Closes the meeting's sockets whose role matches. */
  close(meetingId: string, which: (role: Role) => boolean, code: number, reason: string): void {
    for (const { ws, role } of this.byMeeting.get(meetingId) ?? []) if (which(role)) ws.close(code, reason);
  }
}
