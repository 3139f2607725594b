// Swedish strings for the follow-up area. Keys are prefixed 'followup.'; en/followup.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/followup.ts.
export const followup = {
  'followup.intro': 'Vad blev det av förra mötets nästa steg?',
  'followup.none': 'Inga nästa steg att följa upp.',
  'followup.status.carried': 'Inte uppföljd än',
  'followup.status.done': 'Klar',
  'followup.status.ongoing': 'Pågår',
  'followup.status.notStarted': 'Ej påbörjad',
  'followup.status.dropped': 'Avförd',
  'followup.history': 'Tidigare: {list}',
  'followup.who': 'Vem: {who}',
  'followup.dueThisMeeting': 'till det här mötet',
} as const;
