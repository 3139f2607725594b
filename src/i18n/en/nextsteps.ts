// English strings for next steps. Same keys as sv/nextsteps.ts.
import type { nextsteps as sv } from '../sv/nextsteps';

export const nextsteps: Record<keyof typeof sv, string> = {
  'nextsteps.title': 'Next steps',
  'nextsteps.byDate': 'by {date}',
  'nextsteps.mandate.decide': 'Decided here',
  'nextsteps.mandate.proposeTo': 'Proposal to {to}',
  'nextsteps.owner.nobody': 'Nobody yet',
  'nextsteps.owner.forum': 'The forum',
  'nextsteps.none': 'No next steps yet.',
  'nextsteps.mine': 'My next steps ({count})',
  'nextsteps.mineNone': 'You have no next steps.',
  'nextsteps.all': 'All next steps ({count})',
  'nextsteps.volunteer': 'I’ll take it',
  'nextsteps.volunteerNamed': 'I’ll take it: {what}',
  'nextsteps.volunteerSent': 'Sent – you become the owner unless someone was quicker.',
};
