// The Swedish strings a phone shows (in the entry: the default language) and the language list.
// English is assembled in en.ts and loaded only when chosen; the strings only facilitator devices
// show are in svFacilitator.ts / enFacilitator.ts, loaded with the facilitator's route (i18n/facilitator.ts).
// Each area's file pair is owned by one feature; en must have exactly sv's keys (checked by the
// types and by catalogues.test.ts), and the phone's build must not use a facilitator-only key
// (checked by src/app/chunks.test.ts).
import type { svFacilitator } from './svFacilitator';
import { shell as svShell } from './sv/shell';
import { setup as svSetup } from './sv/setup';
import { checkin as svCheckin } from './sv/checkin';
import { gathering as svGathering } from './sv/gathering';
import { clustering as svClustering } from './sv/clustering';
import { voting as svVoting } from './sv/voting';
import { checkout as svCheckout } from './sv/checkout';
import { nextsteps as svNextsteps } from './sv/nextsteps';
import { deepdive as svDeepdive } from './sv/deepdive';
import { summary as svSummary } from './sv/summary';
import { followup as svFollowup } from './sv/followup';
import { walkthrough as svWalkthrough } from './sv/walkthrough';
import { methods as svMethods } from './sv/methods';
import { cafe as svCafe } from './sv/cafe';
import { term as svTerm } from './sv/term';

export const sv = {
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
  ...svCafe,
  ...svTerm,
};
export type PhoneKey = keyof typeof sv;
export type FacilitatorKey = keyof typeof svFacilitator;
export type MessageKey = PhoneKey | FacilitatorKey;

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Catalogue = Record<MessageKey, string>;
