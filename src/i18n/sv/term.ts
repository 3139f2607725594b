// Swedish strings for the forum's term (planned meetings, calendar files, "före nästa möte").
// Keys are prefixed 'term.'; en/term.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/term.ts.
export const term = {
  'term.due.choice': 'Före nästa möte',
  'term.due.choiceDated': 'Före nästa möte ({date})',
  'term.due.next': 'före nästa möte',
  'term.due.nextDated': 'före nästa möte ({date})',
  'term.due.late': '{date} – efter nästa möte ({next})',
  'term.due.lateNote': 'Efter nästa möte ({next}).',
  'term.landing.plan': 'Planera terminen för {title}',
  'term.landing.on': 'den {date}',
};
