// One planned meeting checked as the relay receives it (and as the facilitator's term form checks
// it before sending): every text through the one text parser.
import { TextRules } from './records';
import { parseText } from './text';
import { parseDue } from './nextSteps';
import { parseLink, parseTime, type PlanResult } from './term';

/** Checks one planned meeting as the relay receives it: every text through the one text parser. */
export function parsePlan(raw: unknown): PlanResult {
  const r = (raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const title = parseText(r.title ?? '', TextRules.title);
  if (!title.ok) return { ok: false, field: 'title', message: title.message };
  const date = parseDue(r.date);
  if (!date) return { ok: false, field: 'date', message: 'Date must be a day as YYYY-MM-DD' };
  const start = parseTime(r.start);
  if (!start) return { ok: false, field: 'start', message: 'Start must be a time as HH:MM' };
  const end = r.end === undefined || r.end === '' ? addHour(start) : parseTime(r.end);
  if (!end || end <= start) return { ok: false, field: 'end', message: 'End must be a time after the start' };
  const place = parseText(r.place ?? '', TextRules.planPlace);
  if (!place.ok) return { ok: false, field: 'place', message: place.message };
  const link = parseLink(r.link);
  if (link === null) return { ok: false, field: 'link', message: 'Link must be a web address starting with https://' };
  return { ok: true, value: { title: title.value, date, start, end, place: place.value, link } };
}

/** An hour after start, at most 23:59 (the default end of a meeting). */
function addHour(start: string): string {
  if (!start) return '';
  const h = Number(start.slice(0, 2)) + 1;
  return h > 23 ? '23:59' : `${String(h).padStart(2, '0')}${start.slice(2)}`;
}
