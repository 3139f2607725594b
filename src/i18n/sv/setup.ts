// Swedish strings for the setup area. Keys are prefixed 'setup.'; en/setup.ts must have the same keys.
export const setup = {
  'setup.title': 'Förberedelser',
} as const;
