import { describe, expect, it } from 'vitest';
import { localDate } from './dates';

describe('localDate', () => {
  it('dates a meeting that starts before 01:00 in Stockholm to that day, in winter and in summer', () => {
    expect(localDate(Date.parse('2027-01-14T23:30:00Z'))).toBe('2027-01-15'); // 00:30 CET
    expect(localDate(Date.parse('2027-06-14T22:30:00Z'))).toBe('2027-06-15'); // 00:30 CEST
    expect(new Date(Date.parse('2027-06-14T22:30:00Z')).toISOString().slice(0, 10)).toBe('2027-06-14'); // what UTC said
  });

  it('keeps the day at the end of the evening and across the change to summer time', () => {
    expect(localDate(Date.parse('2027-03-28T00:59:00Z'))).toBe('2027-03-28');
    expect(localDate(Date.parse('2027-03-27T22:59:00Z'))).toBe('2027-03-27'); // 23:59 CET
    expect(localDate(Date.parse('2027-10-30T22:30:00Z'))).toBe('2027-10-31'); // 00:30 CEST, the night it ends
  });

  it('takes another time zone when one is given', () => {
    expect(localDate(Date.parse('2027-01-14T23:30:00Z'), 'UTC')).toBe('2027-01-14');
  });
});
