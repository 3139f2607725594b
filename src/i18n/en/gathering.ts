import type { gathering as sv } from '../sv/gathering';

export const gathering: Record<keyof typeof sv, string> = {
  'gathering.title': 'Identify gaps',
};
