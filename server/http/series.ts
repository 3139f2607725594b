// GET /api/meetings/:id/series (that meeting's facilitator key): the forum's meetings in order with
// what their facilitator may see of each — title, date, closed, and the rating distribution only
// where the meeting published it. No keys, names or unrevealed ratings.
import { ControlRoots } from '../../common/schema';
import { parseRatingResult, ratingMean, ratingShownCount } from '../../common/rating';
import type { SeriesMeeting } from '../../common/series';
import { parseMeetingInfo } from '../../common/records';
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
    // another member meeting may be served by another instance: read, never take it
    const control = await deps.lifecycle.readControl(id, (doc) => ({
      info: parseMeetingInfo(doc.getMap(ControlRoots.meeting).toJSON()),
      rating: parseRatingResult(doc.getMap(ControlRoots.ratingResult).toJSON()),
    }));
    const { distribution } = control.rating;
    const plan = await deps.lifecycle.series.planOf(id);
    list.push({
      meetingId: id,
      title: control.info.title,
      forumName: control.info.forumName,
      date: plan?.date ?? localDate(createdAt),
      planned: plan ? { start: plan.start, end: plan.end, place: plan.place, link: plan.link, sequence: plan.sequence } : null,

      closed: deps.lifecycle.isClosed(id),
      current: id === meetingId,
      rating: distribution ? { distribution, count: ratingShownCount(control.rating), mean: ratingMean(control.rating) ?? 0 } : null,
    });
  }
  // planned meetings take their place by date (a meeting held the day a plan is for comes first)
  const at = (m: SeriesMeeting) => `${m.date}T${m.planned?.start ?? '00:00'}`;
  return list.map((m, i) => ({ m, i })).sort((a, b) => (at(a.m) < at(b.m) ? -1 : at(a.m) > at(b.m) ? 1 : a.i - b.i)).map(({ m }) => m);
}
