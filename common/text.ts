// The one parser for every user-typed text, run by the relay and the client alike so both
// agree on what a name, a note or an agenda point may hold. See parseText.

export type TextProblem = 'notText' | 'empty' | 'tooLong';

export type TextResult =
  | { ok: true; value: string }
  | { ok: false; problem: TextProblem; max: number; message: string };

export interface TextRule {
  /** in characters (Unicode code points) after cleaning */
  max: number;
  /** must hold at least one visible character (names, organisations); else '' is a valid value */
  required?: boolean;
  /** keeps line breaks (notes, purpose); single-line text turns them into spaces */
  multiline?: boolean;
  /** used in the readable message, e.g. "Name" */
  label?: string;
}

// bidi embeddings, overrides, isolates and marks: they let one name reverse the text after it
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
// C0/C1 controls other than line breaks and tabs, lone surrogates, BOM, interlinear annotations
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFF9-\uFFFB]|\p{Cs}/gu;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const SINGLE_LINE_SPACE = /[\s\u0085\u2028\u2029]+/gu;
// more than a few stacked combining marks only smear over neighbouring lines ("zalgo")
const MARK_PILE = /(\p{M}{8})\p{M}+/gu;
// what renders as nothing: spaces, format and control characters, default-ignorables, marks with
// no base, and the blank look-alikes (braille blank, Hangul fillers are default-ignorable already)
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Z}\p{M}\p{Default_Ignorable_Code_Point}\p{Cn}\p{Co}\p{Cs}\u2800]/u;
// blanks trimmed at either end; not every default-ignorable (an emoji's variation selector or a flag's tags end it)
const BLANK = '\\p{White_Space}\\u180E\\u200B-\\u200D\\u2060\\u115F\\u1160\\u3164\\uFFA0\\u2800';
const EDGE = new RegExp(`^[${BLANK}]+|[${BLANK}]+$`, 'gu');
const VISIBLE = new RegExp(`[^${INVISIBLE.source.slice(1, -1)}]`, 'u');

/** Code points, not UTF-16 units: an emoji or "Å" typed as A + ring counts as a person sees it (after NFC). */
export const textLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};
const lengthOf = textLength;

/** The first `max` code points: never splits an emoji's surrogate pair. */
export function firstCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let units = 0;
  let n = 0;
  for (const ch of text) {
    if (n === max) break;
    units += ch.length;
    n++;
  }
  return text.slice(0, units);
}

/**
 * A `maxLength` for an input bound to a rule: the browser counts UTF-16 units, so a limit of N
 * code points may take up to 2N of them. The attribute only stops a paste of megabytes; the
 * parser (or typedText) is what caps, by code points, so an emoji at the limit counts as one.
 */
export const inputMaxLength = (rule: Pick<TextRule, 'max'>): number => rule.max * 2;

function clean(raw: string, multiline: boolean): string {
  let text = raw.normalize('NFC').replace(BIDI, '').replace(CONTROL, '').replace(MARK_PILE, '$1');
  if (multiline) {
    text = text
      .replace(LINE_BREAKS, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/\t/g, ' ');
  } else {
    text = text.replace(SINGLE_LINE_SPACE, ' ');
  }
  return text.replace(EDGE, '');
}

function describe(rule: TextRule, problem: TextProblem): string {
  const label = rule.label ?? 'Text';
  switch (problem) {
    case 'notText':
      return `${label} must be text`;
    case 'empty':
      return `${label} must contain visible characters`;
    case 'tooLong':
      return `${label} must be at most ${rule.max} characters`;
  }
}

const fail = (rule: TextRule, problem: TextProblem): TextResult => ({
  ok: false,
  problem,
  max: rule.max,
  message: describe(rule, problem),
});

/**
 * Parses what a person typed: NFC, bidi and control characters removed, outer blanks trimmed,
 * single-line text on one line; refuses non-strings, text with nothing visible when required,
 * and text longer than rule.max.
 */
export function parseText(raw: unknown, rule: TextRule): TextResult {
  if (typeof raw !== 'string') return fail(rule, 'notText');
  // far past any limit: refuse before normalising megabytes
  if (raw.length > rule.max * 8 + 64) return fail(rule, 'tooLong');
  let value = clean(raw, rule.multiline ?? false);
  if (!VISIBLE.test(value)) {
    if (rule.required) return fail(rule, 'empty');
    value = '';
  }
  if (lengthOf(value) > rule.max) return fail(rule, 'tooLong');
  return { ok: true, value };
}

/**
 * The tolerant form for data already stored or about to be written by a command: never fails;
 * non-text and invisible-only text become '', over-long text is cut at rule.max characters.
 */
export function cleanText(raw: unknown, rule: Pick<TextRule, 'max' | 'multiline'>): string {
  if (typeof raw !== 'string') return '';
  const cut = raw.length > rule.max * 8 + 64 ? raw.slice(0, rule.max * 8 + 64) : raw;
  const value = clean(cut, rule.multiline ?? false);
  if (!VISIBLE.test(value)) return '';
  if (lengthOf(value) <= rule.max) return value;
  return clean(firstCodePoints(value, rule.max), rule.multiline ?? false);
}

/**
 * The form for text written as it is typed (a field bound to the document keystroke by
 * keystroke): what may never be stored is removed (bidi and control characters; line breaks in
 * single-line text) and the length is capped at rule.max code points, but blanks stay where the
 * typist put them, so a space is not taken from under the caret. Readers trim (cleanText).
 */
export function typedText(raw: unknown, rule: Pick<TextRule, 'max' | 'multiline'>): string {
  if (typeof raw !== 'string') return '';
  const cut = raw.length > rule.max * 8 + 64 ? raw.slice(0, rule.max * 8 + 64) : raw;
  let text = cut.normalize('NFC').replace(BIDI, '').replace(CONTROL, '').replace(MARK_PILE, '$1');
  text = rule.multiline ? text.replace(LINE_BREAKS, '\n').replace(/\t/g, ' ') : text.replace(/[\t\n\r\u0085\u2028\u2029]/g, ' ');
  return firstCodePoints(text, rule.max);
}

/** Any stored string that is no typed text (an id, an order key, a date): bidi and control characters removed, nothing else. */
export function withoutUnsafe(raw: string): string {
  return raw.replace(BIDI, '').replace(CONTROL, '');
}

/** True when the text shows at least one visible character. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}
