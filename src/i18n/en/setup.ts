import type { setup as sv } from '../sv/setup';

export const setup: Record<keyof typeof sv, string> = {
  'setup.agenda.heading': 'Agenda',
  'setup.agenda.empty': 'The agenda is empty.',
  'setup.proposals.status.sending': 'sending',
  'setup.proposals.status.proposed': 'waiting',
  'setup.proposals.status.accepted': 'added to the agenda',
  'setup.proposals.status.declined': 'declined',
  'setup.propose.heading': 'Propose an agenda item',
  'setup.propose.label': 'Your proposal',
  'setup.propose.submit': 'Send proposal',
  'setup.propose.sent': 'Thank you! Your proposal was sent to the facilitator.',
  'setup.propose.yours': 'Your proposals',
  'setup.phone.welcome': 'Welcome, {name}!',
  'setup.phone.waiting': 'The meeting starts soon. Your phone follows along by itself.',
};
