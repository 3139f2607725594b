// The one key check of the HTTP API: the key a request carries in `Authorization: Bearer <key>`
// and the role it grants in a meeting. Keys never go in a URL (the calendar feed's own key aside).
import type { IncomingMessage } from 'node:http';
import { isId } from '../../common/docNames';
import type { MeetingRegistry, Role } from '../meetings';
import { HttpError } from './answer';

export const bearerKey = (req: IncomingMessage): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];

/** The role the request's key grants in this meeting: 404 unknown meeting, 401 missing or wrong key. */
export async function authorise(registry: MeetingRegistry, req: IncomingMessage, meetingId: string): Promise<Role> {
  if (!isId(meetingId) || !(await registry.exists(meetingId))) throw new HttpError(404, 'Unknown meeting');
  const key = bearerKey(req);
  if (!key) throw new HttpError(401, 'Missing key');
  const role = await registry.authenticate(meetingId, key);
  if (role === 'unknownMeeting') throw new HttpError(404, 'Unknown meeting');
  if (role === null) throw new HttpError(401, 'Wrong key');
  return role;
}

/** As authorise, and 403 for any key but the meeting's facilitator key. */
export async function authoriseFacilitator(registry: MeetingRegistry, req: IncomingMessage, meetingId: string): Promise<void> {
  const role = await authorise(registry, req, meetingId);
  if (role.kind !== 'facilitator') throw new HttpError(403, 'Only the facilitator may do this');
}
