// English strings for the follow-up area: exactly the keys of sv/followup.ts.
import type { followup as sv } from '../sv/followup';

export const followup: Record<keyof typeof sv, string> = {
  'followup.intro': "What became of the last meeting's next steps?",
  'followup.none': 'No next steps to follow up.',
  'followup.status.carried': 'Not followed up yet',
  'followup.status.done': 'Done',
  'followup.status.ongoing': 'In progress',
  'followup.status.notStarted': 'Not started',
  'followup.status.dropped': 'Dropped',
  'followup.history': 'Before: {list}',
  'followup.who': 'Who: {who}',
  'followup.dueThisMeeting': 'by this meeting',
};
