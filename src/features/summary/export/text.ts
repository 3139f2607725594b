// Shared by every exporter: the meeting's language, labels, and how a user text is cleaned
// before any format-specific escaping.
import type { MeetingSummary, SummaryNextStep } from '@common/summary';
import type { StepStatus } from '@common/schema';
import type { Vars } from '@/i18n/translate';
import { translateAny } from '@/i18n/translateAny';
import type { MessageKey } from '@/i18n/catalogues';

export type Label = (key: MessageKey, vars?: Vars) => string;

export const labelsFor = (summary: MeetingSummary): Label => (key, vars) => translateAny(summary.language, key, vars);

/** Bidi overrides and isolates could reorder what a reader sees (abc‮exe.txt); drop them. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls other than tab/newline are invalid in XML and meaningless in text. */
const C0_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function cleanText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(C0_CONTROLS, '').replace(/\r\n?/g, '\n');
}

/** One line: newlines and tabs become spaces (table cells, list items). */
export const oneLine = (text: string): string => cleanText(text).replace(/[\n\t]+/g, ' ').trim();

export const statusLabel = (t: Label, status: StepStatus) => t(`summary.status.${status}`);

export const mandateLabel = (t: Label, step: SummaryNextStep) =>
  step.mandate === 'propose' ? t('summary.mandate.propose', { to: step.proposeTo }) : t('summary.mandate.decide');

/** A safe file name from the meeting title: letters, digits and dashes only. */
export function fileBase(summary: MeetingSummary): string {
  const base = oneLine(summary.info.title)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'mote'}-${summary.info.date}`;
}
