import type { checkin as sv } from '../sv/checkin';

export const checkin: Record<keyof typeof sv, string> = {
  'checkin.title': 'Check-in',
};
