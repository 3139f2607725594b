// Swedish strings for the clustering area. Keys are prefixed 'clustering.'; en/clustering.ts must have the same keys.
export const clustering = {
  'clustering.title': 'Klustra',
} as const;
