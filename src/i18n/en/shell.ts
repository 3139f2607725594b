import type { shell as sv } from '../sv/shell';

export const shell: Record<keyof typeof sv, string> = {
  'shell.appName': 'Samverkansverkstad',
};
