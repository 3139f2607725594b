// The English catalogue, a chunk of its own: a phone in Swedish never downloads it.
import type { MessageKey } from './catalogues';
import { shell as enShell } from './en/shell';
import { setup as enSetup } from './en/setup';
import { checkin as enCheckin } from './en/checkin';
import { gathering as enGathering } from './en/gathering';
import { clustering as enClustering } from './en/clustering';

export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enSetup,
  ...enCheckin,
  ...enGathering,
  ...enClustering,
};
