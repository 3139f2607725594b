// Swedish strings for the setup area. Keys are prefixed 'setup.'; en/setup.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/setup.ts.
export const setup = {
  'setup.agenda.heading': 'Dagordning',
  'setup.agenda.empty': 'Dagordningen är tom.',
  'setup.proposals.status.sending': 'skickas',
  'setup.proposals.status.proposed': 'väntar',
  'setup.proposals.status.accepted': 'tillagd på dagordningen',
  'setup.proposals.status.declined': 'avböjd',
  'setup.propose.heading': 'Föreslå en punkt till dagordningen',
  'setup.propose.label': 'Ditt förslag',
  'setup.propose.submit': 'Skicka förslag',
  'setup.propose.sent': 'Tack! Ditt förslag är skickat till mötesledaren.',
  'setup.propose.yours': 'Dina förslag',
  'setup.phone.welcome': 'Välkommen, {name}!',
  'setup.phone.waiting': 'Mötet börjar snart. Din mobil följer med automatiskt.',
} as const;
