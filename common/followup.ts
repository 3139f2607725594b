// Follow-up across a forum's meetings: what "Planera nästa möte" carries into the next meeting,
// and the carried steps' statuses with their history. Pure functions over plain document JSON.
import type { Json, JsonRoots } from './json';
import { ControlRoots, DEFAULT_TEMPLATE, MeetingRoots, type FollowUpStep, type PhaseId, type StepStatus } from './schema';
import { buildSummary } from './summary';
import { parseFollowUpStep, TextRules } from './records';
import { cleanRoots } from './cleanRoots';
import { cleanText } from './text';

/** Series fields in control.meeting: the forum's first meeting id and the previous one. */
export interface SeriesInfo {
  seriesId: string;
  previousMeetingId: string;
}

const key = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : '');

/**
 * The roots of the forum's next meeting, from the plain JSON of this one: forum name, expected
 * organisations, the agenda as a template, the parking lot (as parked notes) and the open next
 * steps (plus steps still open from earlier follow-ups), with a follow-up phase after check-in.
 */
export function planNextMeeting(
  from: { meetingId: string; meeting: JsonRoots; control: JsonRoots },
  now: number,
): { meeting: JsonRoots; control: JsonRoots; title: string } {
  const summary = buildSummary({ meeting: from.meeting, control: from.control, date: '', language: 'sv' });
  const info = from.control[ControlRoots.meeting] ?? {};
  const seriesId = key(info.seriesId) || from.meetingId;
  const carried: Record<string, Json> = {};
  let n = 0;
  const order = () => `a${(n++).toString(36).padStart(3, '0')}`;
  // steps the last follow-up left unfinished come along again, with their history
  for (const [id, raw] of Object.entries(from.control[ControlRoots.followup] ?? {})) {
    const step = parseFollowUpStep(raw, id);
    if (!step || step.status === 'done' || step.status === 'dropped') continue;
    carried[id] = { ...step, order: order(), status: 'carried', why: '', history: [...step.history, { status: 'carried', why: '', at: now }] } as unknown as Json;
  }
  for (const step of summary.nextSteps) {
    if (step.status === 'done' || step.status === 'dropped' || !step.id) continue;
    const entry: FollowUpStep = {
      id: step.id,
      what: step.what,
      who: step.who,
      when: step.when,
      origin: step.origin,
      order: order(),
      fromMeetingId: from.meetingId,
      status: 'carried',
      why: '',
      history: [{ status: 'carried', why: '', at: now }],
    };
    carried[step.id] = entry as unknown as Json;
  }
  const phases: PhaseId[] = [...DEFAULT_TEMPLATE];
  phases.splice(phases.indexOf('checkin') + 1, 0, 'followup');
  const parked: Record<string, Json> = {};
  summary.parking.forEach((p, i) => {
    const id = `parked${i}`;
    parked[id] = { id, text: p.text, color: 'yellow', tag: '', group: 0, clusterId: null, stackedOn: null, parked: true, handOverTo: p.handOverTo, order: order(), createdAt: now };
  });
  const title = cleanText(info.title, TextRules.title);
  // what is carried was typed in the last meeting: through its rule again, as if typed now
  return {
    title,
    control: cleanRoots('control', {
      [ControlRoots.meeting]: { title, purpose: '', forumName: cleanText(info.forumName, TextRules.forumName), seriesId, previousMeetingId: from.meetingId },
      [ControlRoots.expectedOrgs]: from.control[ControlRoots.expectedOrgs] ?? {},
      [ControlRoots.agenda]: Object.fromEntries(
        Object.entries(from.control[ControlRoots.agenda] ?? {}).map(([id, item]) => [id, { ...(item as object), proposalId: null }]),
      ) as Record<string, Json>,
      [ControlRoots.phase]: { current: 'setup', phases },
      [ControlRoots.followup]: carried,
    }),
    meeting: cleanRoots('meeting', { [MeetingRoots.notes]: parked }),
  };
}

/** The step with a new status; the history keeps every earlier one. */
export function withStatus(step: FollowUpStep, status: StepStatus, why: string, now: number): FollowUpStep {
  const reason = status === 'dropped' ? cleanText(why, TextRules.followUpWhy) : '';
  return { ...step, status, why: reason, history: [...step.history, { status, why: reason, at: now }] };
}
