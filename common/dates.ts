// Calendar dates as the room sees them: a meeting's day is its day in its own time zone, not in
// UTC (a meeting that starts at 00:30 in Stockholm is dated that day, not the day before).

/** The time zone meetings are dated in unless told otherwise. */
export const MEETING_TIME_ZONE = 'Europe/Stockholm';

const formats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD` of an instant (ms since the epoch) in a time zone. */
export function localDate(ms: number, timeZone: string = MEETING_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}
