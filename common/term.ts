// A forum's term: the meetings planned ahead (date, time, place or video link, title), the
// control-doc root the relay writes so every screen knows the next planned meeting, and how a
// next step's date reads against that meeting. Shared by the relay and the client.
import { TextRules } from './records';
import { cleanText, parseText, textLength } from './text';
import { DUE_NEXT_MEETING, parseDue } from './nextSteps';

export { DUE_NEXT_MEETING };

/** how many meetings one term request may plan */
export const TERM_MAX_MEETINGS = 12;
/** in code points, like every text (TextRules in common/records.ts) */
export const PLACE_MAX = TextRules.planPlace.max;
export const LINK_MAX = TextRules.planLink.max;

export interface MeetingPlan {
  title: string;
  /** YYYY-MM-DD, Stockholm */
  date: string;
  /** HH:MM, Stockholm */
  start: string;
  /** HH:MM, after start */
  end: string;
  place: string;
  /** an http(s) address of the video meeting, or '' */
  link: string;
}

/** What the relay keeps about a planned meeting (server/series.ts): the plan and its revision. */
export interface PlannedMeeting extends MeetingPlan {
  /** RFC 5545 SEQUENCE: bumped on every change, so calendars replace the event */
  sequence: number;
  createdAt: number;
  updatedAt: number;
  /** the forum's name when the meeting was planned: the feed's name, read without opening a document ('' or absent: none) */
  forumName?: string;
}

/** The ControlRoots.term fields: this meeting's own plan (when it was planned) and the next planned meeting. */
export interface TermInfo {
  date: string;
  start: string;
  end: string;
  place: string;
  link: string;
  nextDate: string;
  nextStart: string;
  nextTitle: string;
}

export type PlanField = keyof MeetingPlan;
export type PlanResult = { ok: true; value: MeetingPlan } | { ok: false; field: PlanField; message: string };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const parseTime = (v: unknown): string => (typeof v === 'string' && TIME.test(v) ? v : '');

/** An http(s) URL as typed, or '' when it is not one (no javascript:, data:, or spaces). */
export function parseLink(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'string') return null;
  // through the one text parser first (no controls or direction marks), then a URL
  const parsed = parseText(v, TextRules.planLink);
  if (!parsed.ok) return null;
  const text = parsed.value.trim();
  if (text === '') return '';
  if (/\s/u.test(text)) return null;
  try {
    const url = new URL(text);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return textLength(url.href) > LINK_MAX ? null : url.href;
  } catch {
    return null;
  }
}

export function parseTermInfo(raw: unknown): TermInfo {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    date: parseDue(r.date),
    start: parseTime(r.start),
    end: parseTime(r.end),
    place: cleanText(r.place, TextRules.planPlace),
    link: parseLink(r.link) ?? '',
    nextDate: parseDue(r.nextDate),
    nextStart: parseTime(r.nextStart),
    nextTitle: cleanText(r.nextTitle, TextRules.title),
  };
}

/** A meeting's place in time for ordering: its planned day and start, or the day it was made. */
export const sortKey = (m: { date: string; start?: string }) => `${m.date}T${m.start || '00:00'}`;

/**
 * The next planned meeting after a meeting held (or planned) at `after` (sortKey form), from a
 * series' plans; null when none is planned after it.
 */
export function nextPlanned<T extends { date: string; start: string }>(plans: readonly T[], after: string): T | null {
  let best: T | null = null;
  for (const p of plans) {
    const key = sortKey(p);
    if (key > after && (!best || key < sortKey(best))) best = p;
  }
  return best;
}

/** How a step's date reads against the next planned meeting. */
export type DueAgainstNext =
  | { kind: 'none' }
  /** "före nästa möte", with the next meeting's date when one is planned */
  | { kind: 'beforeNext'; nextDate: string }
  /** a date; `late` when it falls after the next planned meeting */
  | { kind: 'date'; date: string; nextDate: string; late: boolean };

export function dueAgainstNext(due: string, nextDate: string): DueAgainstNext {
  if (due === DUE_NEXT_MEETING) return { kind: 'beforeNext', nextDate };
  const date = parseDue(due);
  if (!date) return { kind: 'none' };
  return { kind: 'date', date, nextDate, late: nextDate !== '' && date > nextDate };
}

/**
 * A step's date as text against the next planned meeting: "före nästa möte (2027-02-14)", or a
 * date after the next meeting flagged. `say` gives the language's words (term.due.* keys).
 */
export function dueText(due: string, nextDate: string, say: (key: 'next' | 'nextDated' | 'late', vars: Record<string, string>) => string): string {
  const d = dueAgainstNext(due, nextDate);
  switch (d.kind) {
    case 'none':
      return '';
    case 'beforeNext':
      return d.nextDate ? say('nextDated', { date: d.nextDate }) : say('next', {});
    case 'date':
      return d.late ? say('late', { date: d.date, next: d.nextDate }) : d.date;
  }
}
