// The two catalogues, Swedish first. Each area's file pair is owned by one feature;
// en must have exactly sv's keys (checked by the type below and by catalogues.test.ts).
import { shell as svShell } from './sv/shell';
import { setup as svSetup } from './sv/setup';
import { checkin as svCheckin } from './sv/checkin';
import { gathering as svGathering } from './sv/gathering';
import { clustering as svClustering } from './sv/clustering';
import { summary as svSummary } from './sv/summary';
import { followup as svFollowup } from './sv/followup';
import { shell as enShell } from './en/shell';
import { setup as enSetup } from './en/setup';
import { checkin as enCheckin } from './en/checkin';
import { gathering as enGathering } from './en/gathering';
import { clustering as enClustering } from './en/clustering';
import { summary as enSummary } from './en/summary';
import { followup as enFollowup } from './en/followup';

export const sv = { ...svShell, ...svSetup, ...svCheckin, ...svGathering, ...svClustering, ...svSummary, ...svFollowup };
export type MessageKey = keyof typeof sv;
export const en: Record<MessageKey, string> = {
  ...enShell,
  ...enSetup,
  ...enCheckin,
  ...enGathering,
  ...enClustering,
  ...enSummary,
  ...enFollowup,
};

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };
