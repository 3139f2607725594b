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
  'term.api.network': 'ingen kontakt med servern',
  'term.api.key': 'nyckeln gäller inte längre för det här mötet',
  'term.api.server': 'servern svarade med ett fel, försök igen',
  'term.api.invalidPlan': 'något i planen stämmer inte',
  'term.api.tooManyMeetings': 'för många nya möten på kort tid, försök igen senare',
  'term.api.alreadyCarried': 'de öppna stegen har redan förts över till ett annat möte',
  'term.api.nothingPlannedAfter': 'inget möte är planerat efter det här',
  'term.api.noPlan': 'mötet har inget planerat datum',
  'term.api.notFound': 'finns inte längre',
  'term.api.servedElsewhere': 'mötet pågår på en annan server just nu, försök igen om en stund',
};
