// The English strings only facilitator devices show, a chunk of its own: loaded on the facilitator's
// route when English is chosen.
import type { FacilitatorKey } from './catalogues';
import { shell as enShell } from './en/facilitator/shell';
import { setup as enSetup } from './en/facilitator/setup';
import { checkin as enCheckin } from './en/facilitator/checkin';
import { gathering as enGathering } from './en/facilitator/gathering';
import { clustering as enClustering } from './en/facilitator/clustering';
import { voting as enVoting } from './en/facilitator/voting';
import { checkout as enCheckout } from './en/facilitator/checkout';
import { nextsteps as enNextsteps } from './en/facilitator/nextsteps';
import { deepdive as enDeepdive } from './en/facilitator/deepdive';
import { summary as enSummary } from './en/facilitator/summary';
import { followup as enFollowup } from './en/facilitator/followup';
import { walkthrough as enWalkthrough } from './en/facilitator/walkthrough';
import { methods as enMethods } from './en/facilitator/methods';
import { term as enTerm } from './en/facilitator/term';
import { cafe as enCafe } from './en/facilitator/cafe';

export const enFacilitator: Record<FacilitatorKey, string> = {
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
  ...enTerm,
  ...enCafe,
};
