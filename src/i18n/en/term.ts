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
};
