// Swedish strings for the board's walk-through and the cluster opened on every board. Keys are prefixed 'walk.'; en/walkthrough.ts must have the same keys.
// These are the strings a phone may show; those only facilitator devices show are in facilitator/walkthrough.ts.
export const walkthrough = {
  'walk.phone.onBoard': 'På tavlan nu',
  'walk.phone.mineOnBoard': '{count|# av dina lappar är|# av dina lappar är} på tavlan nu.',
} as const;
