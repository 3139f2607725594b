// The one way a meeting's open steps and parking lot go forward to another meeting: POST /term (to
// the first planned meeting after it), POST /carry (to the next planned one) and POST /next (to the
// meeting it makes) all call carryForward, which records where they went, once. A second carry
// from the same meeting is refused, so nothing is carried into two meetings.
import { ControlRoots, MeetingRoots } from '../../common/schema';
import { planNextMeeting } from '../../common/followup';
import { rootsOf, type Json } from '../../common/json';
import type { MeetingRegistry } from '../meetings';
import type { SeriesIndex } from '../series';
import { SERVER_ORIGIN, type Rooms } from '../relay/rooms';
import { HttpError } from './answer';
import { writeRoots } from './lifecycle';

export interface CarryContext {
  registry: MeetingRegistry;
  rooms: Rooms;
  series: SeriesIndex;
}

export const ALREADY_CARRIED = 'This meeting’s open steps have already been carried forward';

/** The meeting this one's open steps went to, if it still exists. */
export async function carriedTarget(ctx: CarryContext, from: string): Promise<string | null> {
  const to = await ctx.series.carriedTo(from);
  return to && (await ctx.registry.exists(to)) ? to : null;
}

/** What planNextMeeting makes of a meeting, read from its documents. */
export async function nextOf(ctx: CarryContext, meetingId: string, now: number) {
  const control = await ctx.rooms.withDoc({ kind: 'control', meetingId }, rootsOf);
  const meeting = await ctx.rooms.withDoc({ kind: 'meeting', meetingId }, rootsOf);
  return planNextMeeting({ meetingId, meeting, control }, now);
}

/**
 * Writes `from`'s open steps (as follow-up steps, with a follow-up phase after check-in) and its
 * parking lot (as parked notes) into `to`, and records that they went there. A step due "före
 * nästa möte" keeps that due date: it now belongs to `to`, so it is due before the meeting after
 * `to` (when carried again, the same holds). Refused (409) when they already went to a meeting
 * that still exists. Answers how many steps went.
 */
export async function carryForward(ctx: CarryContext, from: string, to: string, carried?: ReturnType<typeof planNextMeeting>): Promise<number> {
  if (await carriedTarget(ctx, from)) throw new HttpError(409, ALREADY_CARRIED, {}, 'alreadyCarried');
  const next = carried ?? (await nextOf(ctx, from, Date.now()));
  const followup: Record<string, Json> = { ...(next.control[ControlRoots.followup] ?? {}) };
  const notes = Object.fromEntries(
    Object.values(next.meeting[MeetingRoots.notes] ?? {}).map((note, i) => {
      const id = `parked-${from.slice(0, 8)}-${i}`;
      return [id, { ...(note as object), id } as Json];
    }),
  );
  // recorded first: a second carry that starts while this one writes is refused, not doubled
  await ctx.series.setCarried(from, to);
  await ctx.rooms.withDoc({ kind: 'control', meetingId: to }, (doc) => {
    const existing = doc.getMap<unknown>(ControlRoots.followup);
    const fresh = Object.fromEntries(Object.entries(followup).filter(([id]) => !existing.has(id)));
    writeRoots(doc, { [ControlRoots.followup]: fresh });
    const phase = doc.getMap<unknown>(ControlRoots.phase);
    const phases = Array.isArray(phase.get('phases')) ? [...(phase.get('phases') as string[])] : [];
    if (Object.keys(followup).length > 0 && !phases.includes('followup')) {
      const at = phases.indexOf('checkin');
      phases.splice(at >= 0 ? at + 1 : 0, 0, 'followup');
      doc.transact(() => phase.set('phases', phases), SERVER_ORIGIN);
    }
  });
  if (Object.keys(notes).length) {
    await ctx.rooms.withDoc({ kind: 'meeting', meetingId: to }, (doc) => writeRoots(doc, { notes }));
  }
  return Object.keys(followup).length;
}
