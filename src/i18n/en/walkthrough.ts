// English strings for the board's walk-through and the cluster opened on every board (same keys as sv/walkthrough.ts).
export const walkthrough = {
  'walk.phone.onBoard': 'On the board now',
  'walk.phone.mineOnBoard': '{count|# of your notes is|# of your notes are} on the board now.',
} as const;
