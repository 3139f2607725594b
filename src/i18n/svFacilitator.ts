// The Swedish strings only facilitator devices show (console, board, summary, viewer): loaded with
// the facilitator's route, never on a phone. catalogues.ts has what a phone shows.
import { shell as svShell } from './sv/facilitator/shell';
import { setup as svSetup } from './sv/facilitator/setup';
import { checkin as svCheckin } from './sv/facilitator/checkin';
import { gathering as svGathering } from './sv/facilitator/gathering';
import { clustering as svClustering } from './sv/facilitator/clustering';
import { voting as svVoting } from './sv/facilitator/voting';
import { checkout as svCheckout } from './sv/facilitator/checkout';
import { nextsteps as svNextsteps } from './sv/facilitator/nextsteps';
import { deepdive as svDeepdive } from './sv/facilitator/deepdive';
import { summary as svSummary } from './sv/facilitator/summary';
import { followup as svFollowup } from './sv/facilitator/followup';
import { walkthrough as svWalkthrough } from './sv/facilitator/walkthrough';
import { methods as svMethods } from './sv/facilitator/methods';
import { term as svTerm } from './sv/facilitator/term';
import { cafe as svCafe } from './sv/facilitator/cafe';

export const svFacilitator = {
  ...svShell,
  ...svSetup,
  ...svCheckin,
  ...svGathering,
  ...svClustering,
  ...svVoting,
  ...svCheckout,
  ...svNextsteps,
  ...svDeepdive,
  ...svSummary,
  ...svFollowup,
  ...svWalkthrough,
  ...svMethods,
  ...svTerm,
  ...svCafe,
};
