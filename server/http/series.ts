// GET /api/meetings/:id/series (that meeting's facilitator key): the forum's meetings in order with
// what their facilitator may see of each — title, date, closed, and the rating distribution only
// where the meeting published it. No keys, names or unrevealed ratings.
import * as Y from 'yjs';
import { controlDocName } from '../../common/docNames';
import { ControlRoots, PartTwoControlRoots } from '../../common/schema';
import { parseRatingResult, ratingMean, ratingShownCount } from '../../common/rating';
import type { SeriesMeeting } from '../../common/series';
import { TextRules } from '../../common/records';
import { cleanText } from '../../common/text';
import type { MeetingRegistry } from '../meetings';
import type { Lifecycle } from '../lifecycle';
import type { Rooms } from '../relay/rooms';
import { localDate } from '../../common/dates';


export async function seriesOverview(
  deps: { registry: MeetingRegistry; rooms: Rooms; lifecycle: Lifecycle },
  meetingId: string,
): Promise<SeriesMeeting[]> {
  const list: SeriesMeeting[] = [];
  for (const id of await deps.lifecycle.series.seriesOf(meetingId)) {
    const createdAt = await deps.registry.createdAt(id);
    if (createdAt === null) continue;
    const control = await deps.rooms.withRoom(controlDocName(id), { kind: 'control', meetingId: id }, (room) => ({
      info: (room.doc.getMap(ControlRoots.meeting) as Y.Map<unknown>).toJSON(),
      rating: parseRatingResult(room.doc.getMap(PartTwoControlRoots.ratingResult).toJSON()),
    }));
    const { distribution } = control.rating;
    list.push({
      meetingId: id,
      title: cleanText(control.info.title, TextRules.title),
      forumName: cleanText(control.info.forumName, TextRules.forumName),
      date: localDate(createdAt),
      closed: deps.lifecycle.isClosed(id),
      current: id === meetingId,
      rating: distribution ? { distribution, count: ratingShownCount(control.rating), mean: ratingMean(control.rating) ?? 0 } : null,
    });
  }
  return list;
}
