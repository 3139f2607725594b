// Swedish strings for the gathering area. Keys are prefixed 'gathering.'; en/gathering.ts must have the same keys.
export const gathering = {
  'gathering.title': 'Identifiera brister',
} as const;
