import type { setup as sv } from '../sv/setup';

export const setup: Record<keyof typeof sv, string> = {
  'setup.title': 'Setup',
};
