// English strings for the forum's term. Same keys as sv/term.ts.
import type { term as sv } from '../sv/term';

export const term: Record<keyof typeof sv, string> = {
  'term.due.choice': 'Before the next meeting',
  'term.due.choiceDated': 'Before the next meeting ({date})',
  'term.due.next': 'before the next meeting',
  'term.due.nextDated': 'before the next meeting ({date})',
  'term.due.late': '{date} – after the next meeting ({next})',
  'term.due.lateNote': 'After the next meeting ({next}).',
  'term.landing.plan': 'Plan the term for {title}',
  'term.landing.on': 'on {date}',
  'term.api.network': 'no contact with the server',
  'term.api.key': 'the key no longer works for this meeting',
  'term.api.server': 'the server answered with an error, try again',
  'term.api.invalidPlan': 'something in the plan is not right',
  'term.api.tooManyMeetings': 'too many new meetings in a short time, try again later',
  'term.api.alreadyCarried': 'the open steps have already been carried to another meeting',
  'term.api.nothingPlannedAfter': 'no meeting is planned after this one',
  'term.api.noPlan': 'the meeting has no planned date',
  'term.api.notFound': 'no longer exists',
  'term.api.servedElsewhere': 'the meeting is being held on another server just now, try again in a moment',
};
