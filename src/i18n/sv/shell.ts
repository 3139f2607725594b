// Swedish strings for the shell area. Keys are prefixed 'shell.'; en/shell.ts must have the same keys.
export const shell = {
  'shell.appName': 'Samverkansverkstad',
} as const;
