// Swedish strings for next steps. Keys are prefixed 'nextsteps.'; en/nextsteps.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/nextsteps.ts.
export const nextsteps = {
  'nextsteps.title': 'Nästa steg',
  'nextsteps.byDate': 'senast {date}',
  'nextsteps.mandate.decide': 'Beslutas här',
  'nextsteps.mandate.proposeTo': 'Förslag till {to}',
  'nextsteps.owner.nobody': 'Ingen ännu',
  'nextsteps.owner.forum': 'Forumet',
  'nextsteps.none': 'Inga nästa steg ännu.',
  'nextsteps.mine': 'Mina nästa steg ({count})',
  'nextsteps.mineNone': 'Du har inga nästa steg.',
  'nextsteps.all': 'Alla nästa steg ({count})',
  'nextsteps.volunteer': 'Jag tar den',
  'nextsteps.volunteerNamed': 'Jag tar den: {what}',
  'nextsteps.volunteerSent': 'Skickat – du blir ansvarig om ingen annan hann före.',
};
