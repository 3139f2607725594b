// iCalendar (RFC 5545) for a forum's planned meetings: one event per .ics download, and the
// series' subscription feed. Written here rather than with ical-generator: its current major
// declares Node >= 22 and needs a second package for a VTIMEZONE, while what we write is one fixed
// time zone and a handful of properties. Every text is a person's: escaped, folded, no line breaks.
import type { PlannedMeeting } from '../common/term';
// every planned meeting is in the meetings' time zone (the calendar files say so with a VTIMEZONE)
import { MEETING_TIME_ZONE as TERM_TIME_ZONE } from '../common/dates';

/** A planned meeting (common/term.ts) as one calendar event. */
export interface CalendarEvent extends PlannedMeeting {
  /** stable across every download and feed fetch: the meeting id */
  uid: string;
  /** the meeting's join page (carries the join code, never a key) */
  joinUrl: string;
  /** the fixed words of the description, in the meeting's language */
  joinLabel: string;
  linkLabel: string;
}

const UID_DOMAIN = 'samverkansverkstad';

/** Stockholm since 1996 (EU rules): summer time from the last Sunday of March 02:00 to the last Sunday of October 03:00. */
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TERM_TIME_ZONE}`,
  `X-LIC-LOCATION:${TERM_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

// every control character but none is allowed in a TEXT value once line breaks are escaped
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]/gu;

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; no raw CR or LF left. */
export function escapeText(text: string): string {
  return text
    .replace(CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A URI value: nothing that could end the line or the property (a parsed http(s) URL already is). */
const uri = (value: string) => value.replace(/[\u0000-\u0020\u007F"<>\\^`{|}]/gu, (c) => encodeURIComponent(c));

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    // the first line holds 75 octets; a continuation's leading space counts toward its 75
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

/** A UTC time as 20270325T080000Z. */
export const utcStamp = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const local = (date: string, time: string) => `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;

function eventLines(e: CalendarEvent): string[] {
  const place = e.place || e.link;
  const description = [`${e.joinLabel}: ${e.joinUrl}`, ...(e.link ? [`${e.linkLabel}: ${e.link}`] : [])].join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:${uri(e.uid)}@${UID_DOMAIN}`,
    `DTSTAMP:${utcStamp(e.updatedAt)}`,
    `CREATED:${utcStamp(e.createdAt)}`,
    `LAST-MODIFIED:${utcStamp(e.updatedAt)}`,
    `SEQUENCE:${Math.max(0, Math.floor(e.sequence))}`,
    `DTSTART;TZID=${TERM_TIME_ZONE}:${local(e.date, e.start)}`,
    `DTEND;TZID=${TERM_TIME_ZONE}:${local(e.date, e.end)}`,
    `SUMMARY:${escapeText(e.title)}`,
    ...(place ? [`LOCATION:${escapeText(place)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${uri(e.joinUrl)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR: the time zone once, then the events; CRLF line ends, folded lines. */
export function calendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Samverkansverkstad//Forumets termin//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TERM_TIME_ZONE}`,
    // how often a subscribing calendar should look again (Outlook reads the second)
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...VTIMEZONE,
    ...events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map(fold).join('\r\n') + '\r\n';
}
