// The calendar files as a calendar app reads them: parsed with ical.js (the parser Thunderbird's
// calendar is built on), local Stockholm times across the change to and from summer time, and a
// title that tries to end its line and start its own event.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { calendar, escapeText, fold, type CalendarEvent } from './calendar';

const event = (fields: Partial<CalendarEvent>): CalendarEvent => ({
  uid: 'm1',
  title: 'Forum Norr',
  date: '2027-03-25',
  start: '09:00',
  end: '10:00',
  place: '',
  link: '',
  joinUrl: 'http://127.0.0.1:8080/j/ABC234',
  sequence: 0,
  createdAt: Date.UTC(2026, 11, 1),
  updatedAt: Date.UTC(2026, 11, 2),
  joinLabel: 'Gå med i mötet',
  linkLabel: 'Videomöte',
  ...fields,
});

function parse(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { comp, events: comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('calendar files', () => {
  it('puts 09:00 Stockholm at 08:00Z before the change to summer time and 07:00Z after it', () => {
    const { events } = parse(calendar('Forum', [event({ uid: 'a', date: '2027-03-25' }), event({ uid: 'b', date: '2027-04-01' })]));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-03-25T08:00:00.000Z', '2027-04-01T07:00:00.000Z']);
    expect(events.map((e) => e.endDate.toJSDate().toISOString())).toEqual(['2027-03-25T09:00:00.000Z', '2027-04-01T08:00:00.000Z']);
    expect(events.map((e) => e.startDate.zone.tzid)).toEqual(['Europe/Stockholm', 'Europe/Stockholm']);
  });

  it('puts 09:00 Stockholm at 07:00Z before the change back (31 October 2027) and 08:00Z after it', () => {
    const { events } = parse(calendar('Forum', [event({ uid: 'a', date: '2027-10-28' }), event({ uid: 'b', date: '2027-11-04' })]));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2027-10-28T07:00:00.000Z', '2027-11-04T08:00:00.000Z']);
  });

  it('keeps a hostile title, place and link as one property each: no line break, no extra event', () => {
    const title = 'Möte\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected;X=1,2\\ \n:ATTENDEE';
    const text = calendar('Forum\r\nX-INJECT:1', [event({ title, place: 'Rum 1; plan 2, "A"\nBEGIN:VALARM', link: 'https://video.example/a b' })]);
    const { comp, events } = parse(text);
    expect(events).toHaveLength(1);
    expect(events[0].summary).toBe('Möte\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected;X=1,2\\ \n:ATTENDEE');
    expect(events[0].location).toBe('Rum 1; plan 2, "A"\nBEGIN:VALARM');
    expect(comp.getFirstPropertyValue('x-inject')).toBeNull();
    expect(comp.getFirstSubcomponent('vevent')!.getAllSubcomponents('valarm')).toHaveLength(0);
    // every physical line is a property or a fold continuation: no raw CR or LF inside a value
    for (const line of text.split('\r\n').slice(0, -1)) expect(line).toMatch(/^([A-Z-]+[;:]| )/);
  });

  it('folds lines at 75 octets without cutting a character in two', () => {
    const line = 'SUMMARY:' + 'å'.repeat(100) + '🙂'.repeat(20);
    const folded = fold(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    const { events } = parse(calendar('F', [event({ title: 'å'.repeat(100) + '🙂'.repeat(20) })]));
    expect(events[0].summary).toBe('å'.repeat(100) + '🙂'.repeat(20));
  });

  it('escapes backslash, semicolon, comma and newlines in text values', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf\u0007')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('gives each event a stable UID, its SEQUENCE, DTSTAMP and LAST-MODIFIED, and the join page', () => {
    const { comp, events } = parse(calendar('Forum', [event({ uid: 'abc', sequence: 3, link: 'https://video.example/m' })]));
    const v = comp.getFirstSubcomponent('vevent')!;
    expect(events[0].uid).toBe('abc@samverkansverkstad');
    expect(events[0].sequence).toBe(3);
    expect(v.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-02T00:00:00Z');
    expect(v.getFirstPropertyValue('last-modified')!.toString()).toBe('2026-12-02T00:00:00Z');
    expect(v.getFirstPropertyValue('url')).toBe('http://127.0.0.1:8080/j/ABC234');
    expect(events[0].location).toBe('https://video.example/m');
    expect(events[0].description).toBe('Gå med i mötet: http://127.0.0.1:8080/j/ABC234\nVideomöte: https://video.example/m');
  });
});
