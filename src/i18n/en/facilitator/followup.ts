import type { followup as sv } from '../../sv/facilitator/followup';

export const followup: Record<keyof typeof sv, string> = {
  'followup.status': 'Status of {what}',
  'followup.why': 'Why dropped? ({what})',
  'followup.planNext': 'Plan the next meeting',
  'followup.planNextHelp': "Creates the forum's next meeting with the forum name, expected organisations, the agenda, the parking lot and the open next steps.",
  'followup.plannedNext': 'The next meeting is already planned: {title}, {date}. The open steps go there.',
  'followup.openPlannedNext': 'Open the next meeting',
  'followup.plannedNextNoKey': 'The key to the next meeting is not saved on this device. Open it from the summary where the term was planned.',
  'followup.planNextFailed': 'The next meeting could not be created: {error}',
  'followup.myMeetings': 'My meetings',
  'followup.myMeetingsNone': 'No other meetings saved on this device.',
  'followup.previous': 'Previous meeting',
};
