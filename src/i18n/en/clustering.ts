import type { clustering as sv } from '../sv/clustering';

export const clustering: Record<keyof typeof sv, string> = {
  'clustering.title': 'Cluster',
};
