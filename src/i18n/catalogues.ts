// The two catalogues, Swedish first. Each area's file pair is owned by one feature;
// en must have exactly sv's keys (checked by the type below and by catalogues.test.ts).
import { shell as svShell } from './sv/shell';
import { setup as svSetup } from './sv/setup';
import { checkin as svCheckin } from './sv/checkin';
import { gathering as svGathering } from './sv/gathering';
import { clustering as svClustering } from './sv/clustering';
import { voting as svVoting } from './sv/voting';
import { checkout as svCheckout } from './sv/checkout';
import { nextsteps as svNextsteps } from './sv/nextsteps';
import { deepdive as svDeepdive } from './sv/deepdive';
import { shell as enShell } from './en/shell';
import { setup as enSetup } from './en/setup';
import { checkin as enCheckin } from './en/checkin';
import { gathering as enGathering } from './en/gathering';
import { clustering as enClustering } from './en/clustering';
import { voting as enVoting } from './en/voting';
import { checkout as enCheckout } from './en/checkout';
import { nextsteps as enNextsteps } from './en/nextsteps';
import { deepdive as enDeepdive } from './en/deepdive';

export const sv = { ...svShell, ...svSetup, ...svCheckin, ...svGathering, ...svClustering, ...svVoting, ...svCheckout, ...svNextsteps, ...svDeepdive };
export type MessageKey = keyof typeof sv;
export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enSetup,
  ...enCheckin,
  ...enGathering,
  ...enClustering,
  ...enVoting,
  ...enCheckout,
  ...enNextsteps,
  ...enDeepdive,
};

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };
