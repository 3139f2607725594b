// Bikupa (buzz groups) and fyra hörn (four corners): the records and the rules the relay and the
// screens share. Every text goes through the one parser (common/text.ts) with lengths in code points.
import { RATING_MIN_SHOWN } from './rating';
import { read, TextRules } from './records';
import {
  CORNER_COUNT,
  Limits,
  type BuzzLine,
  type BuzzLineOut,
  type BuzzSettings,
  type CornerBallot,
  type CornerReason,
  type CornerResult,
  type CornersSettings,
} from './schema';
import { cleanText } from './text';

/** A corner's count is published only at the same anonymity threshold as the check-out rating. */
export const CORNERS_MIN_SHOWN = RATING_MIN_SHOWN;

// a group number, a corner or a size is a choice: out of range is no answer, never the nearest one
const { fields: fieldsOf, num, whole: int } = read;

export const DEFAULT_BUZZ: BuzzSettings = { question: '', mode: 'neighbours', size: 2, seed: 1, round: '' };

// a round id: a short opaque string ('' before the first forming, and for groups formed before rounds existed)
const roundOf = (v: unknown) => (typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : '');

export function parseBuzzSettings(raw: unknown): BuzzSettings {
  const f = fieldsOf(raw);
  return {
    question: cleanText(f.question, TextRules.question),
    mode: f.mode === 'mixed' ? 'mixed' : 'neighbours',
    size: int(f.size, 2, 3, DEFAULT_BUZZ.size),
    seed: int(f.seed, 0, 2 ** 31, DEFAULT_BUZZ.seed),
    round: roundOf(f.round),
  };
}

/** participantId → group number; anything not a whole number from 1 is dropped. */
export function parseBuzzGroups(raw: unknown): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, value] of Object.entries(fieldsOf(raw))) {
    const group = int(value, 1, Limits.groupCountMax * 10, 0);
    if (group > 0) out.set(id, group);
  }
  return out;
}

/** What the phone sends; null when there is no line (an empty text clears it). */
export function parseBuzzLineOut(raw: unknown): BuzzLineOut | null {
  const f = fieldsOf(raw);
  const group = int(f.group, 1, Limits.groupCountMax * 10, 0);
  if (group === 0) return null;
  return { round: roundOf(f.round), group, text: cleanText(f.text, TextRules.answer), updatedAt: num(f.updatedAt, 0) };
}

export function parseBuzzLine(raw: unknown): BuzzLine | null {
  const f = fieldsOf(raw);
  const group = int(f.group, 1, Limits.groupCountMax * 10, 0);
  if (group === 0) return null;
  return { group, text: cleanText(f.text, TextRules.answer), updatedAt: num(f.updatedAt, 0) };
}

export const DEFAULT_CORNERS: CornersSettings = { statement: '', answers: ['', '', '', ''], open: false, revealed: false, reasonsOpen: false };

export function parseCornersSettings(raw: unknown): CornersSettings {
  const f = fieldsOf(raw);
  const answers = Array.isArray(f.answers) ? f.answers : [];
  return {
    statement: cleanText(f.statement, TextRules.question),
    answers: Array.from({ length: CORNER_COUNT }, (_, i) => cleanText(answers[i], TextRules.cornerAnswer)),
    open: f.open === true,
    revealed: f.revealed === true,
    reasonsOpen: f.reasonsOpen === true,
  };
}

export function parseCornerBallot(raw: unknown): CornerBallot | null {
  const f = fieldsOf(raw);
  const choice = int(f.choice, 0, CORNER_COUNT - 1, -1);
  return choice < 0 ? null : { choice, at: num(f.at, 0) };
}

export function parseCornerResult(raw: unknown): CornerResult {
  const f = fieldsOf(raw);
  const totals =
    Array.isArray(f.totals) && f.totals.length === CORNER_COUNT && f.totals.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
      ? (f.totals as number[])
      : null;
  return { count: int(f.count, 0, Number.MAX_SAFE_INTEGER, 0), totals };
}

export function parseCornerReason(raw: unknown): CornerReason | null {
  const f = fieldsOf(raw);
  const corner = int(f.corner, 0, CORNER_COUNT - 1, -1);
  if (corner < 0) return null;
  return { corner, text: cleanText(f.text, TextRules.answer), updatedAt: num(f.updatedAt, 0) };
}

/**
 * What the board may show of the counted ballots: always how many have picked, the corners only
 * when the facilitator has shown them and at least CORNERS_MIN_SHOWN have picked.
 */
export function cornerResult(ballots: readonly number[], revealed: boolean): CornerResult {
  const count = ballots.length;
  if (!revealed || count < CORNERS_MIN_SHOWN) return { count, totals: null };
  const totals = Array.from({ length: CORNER_COUNT }, () => 0);
  for (const choice of ballots) totals[choice]++;
  return { count, totals };
}
