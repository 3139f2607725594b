// English strings for the follow-up area: exactly the keys of sv/followup.ts.
import type { followup as sv } from '../sv/followup';

export const followup: Record<keyof typeof sv, string> = {
  'followup.intro': "What became of the last meeting's next steps?",
  'followup.none': 'No next steps to follow up.',
  'followup.status': 'Status of {what}',
  'followup.status.carried': 'Not followed up yet',
  'followup.status.done': 'Done',
  'followup.status.ongoing': 'In progress',
  'followup.status.notStarted': 'Not started',
  'followup.status.dropped': 'Dropped',
  'followup.why': 'Why dropped? ({what})',
  'followup.history': 'Before: {list}',
  'followup.who': 'Who: {who}',
  'followup.planNext': 'Plan the next meeting',
  'followup.planNextHelp': "Creates the forum's next meeting with the forum name, expected organisations, the agenda, the parking lot and the open next steps.",
  'followup.plannedNext': 'The next meeting is already planned: {title}, {date}. The open steps go there.',
  'followup.openPlannedNext': 'Open the next meeting',
  'followup.plannedNextNoKey': 'The key to the next meeting is not saved on this device. Open it from the summary where the term was planned.',
  'followup.dueThisMeeting': 'by this meeting',
  'followup.planNextFailed': 'The next meeting could not be created: {error}',
  'followup.myMeetings': 'My meetings',
  'followup.myMeetingsNone': 'No other meetings saved on this device.',
  'followup.previous': 'Previous meeting',
};
