// The English strings a phone shows, a chunk of its own: loaded when English is chosen (and by the
// service worker's precache, for a phone switching language offline).
import type { PhoneKey } from './catalogues';
import { shell as enShell } from './en/shell';
import { setup as enSetup } from './en/setup';
import { checkin as enCheckin } from './en/checkin';
import { gathering as enGathering } from './en/gathering';
import { clustering as enClustering } from './en/clustering';
import { voting as enVoting } from './en/voting';
import { checkout as enCheckout } from './en/checkout';
import { nextsteps as enNextsteps } from './en/nextsteps';
import { deepdive as enDeepdive } from './en/deepdive';
import { summary as enSummary } from './en/summary';
import { followup as enFollowup } from './en/followup';
import { walkthrough as enWalkthrough } from './en/walkthrough';
import { methods as enMethods } from './en/methods';
import { cafe as enCafe } from './en/cafe';
import { term as enTerm } from './en/term';

export const en: Record<PhoneKey, string> = {
  ...enShell,
  ...enSetup,
  ...enCheckin,
  ...enGathering,
  ...enClustering,
  ...enVoting,
  ...enCheckout,
  ...enNextsteps,
  ...enDeepdive,
  ...enSummary,
  ...enFollowup,
  ...enWalkthrough,
  ...enMethods,
  ...enCafe,
  ...enTerm,
};
