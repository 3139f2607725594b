// Swedish strings for the checkin area. Keys are prefixed 'checkin.'; en/checkin.ts must have the same keys.
export const checkin = {
  'checkin.title': 'Incheckning',
} as const;
