import { describe, expect, it } from 'vitest';
import { dueAgainstNext, dueText, nextPlanned, parseLink } from './term';
import { parsePlan } from './plan';
import { parseNextStep } from './nextSteps';

const say = (key: string, vars: Record<string, string>) => `${key}:${Object.values(vars).join(',')}`;

describe('the term', () => {
  it('reads a step due "före nästa möte" against the next planned meeting, and flags a date after it', () => {
    expect(dueText('next', '2027-02-14', say)).toBe('nextDated:2027-02-14');
    expect(dueText('next', '', say)).toBe('next:');
    expect(dueText('2027-02-01', '2027-02-14', say)).toBe('2027-02-01');
    expect(dueText('2027-02-14', '2027-02-14', say)).toBe('2027-02-14');
    expect(dueText('2027-03-01', '2027-02-14', say)).toBe('late:2027-03-01,2027-02-14');
    expect(dueText('2027-03-01', '', say)).toBe('2027-03-01');
    expect(dueText('', '2027-02-14', say)).toBe('');
    expect(dueAgainstNext('nonsense', '2027-02-14')).toEqual({ kind: 'none' });
  });

  it('keeps "next" as a step\'s due and drops any other non-date', () => {
    expect(parseNextStep('s', { due: 'next' }).due).toBe('next');
    expect(parseNextStep('s', { due: 'later' }).due).toBe('');
    expect(parseNextStep('s', { due: '2027-02-14' }).due).toBe('2027-02-14');
  });

  it('finds the next planned meeting after a moment, whatever the order of the plans', () => {
    const plans = [
      { date: '2027-04-01', start: '09:00' },
      { date: '2027-02-14', start: '13:00' },
      { date: '2027-02-14', start: '09:00' },
    ];
    expect(nextPlanned(plans, '2027-01-01T23:59')).toBe(plans[2]);
    expect(nextPlanned(plans, '2027-02-14T09:00')).toBe(plans[1]);
    expect(nextPlanned(plans, '2027-04-01T09:00')).toBeNull();
  });

  it('accepts only http(s) links and parses a plan\'s texts with the one text parser', () => {
    expect(parseLink('https://video.example/x y')).toBeNull();
    expect(parseLink('javascript:alert(1)')).toBeNull();
    expect(parseLink('data:text/html,x')).toBeNull();
    expect(parseLink('')).toBe('');
    expect(parseLink('https://video.example/möte')).toBe('https://video.example/m%C3%B6te');
    const ok = parsePlan({ title: ' Möte\u202E\r\n2 ', date: '2027-02-14', start: '09:00', place: 'Sal\t1' });
    expect(ok).toEqual({ ok: true, value: { title: 'Möte 2', date: '2027-02-14', start: '09:00', end: '10:00', place: 'Sal 1', link: '' } });
    expect(parsePlan({ date: '2027-02-14', start: '23:30' })).toMatchObject({ ok: true, value: { end: '23:59' } });
    expect(parsePlan({ date: '2027-02-14', start: '09:00', end: '09:00' })).toMatchObject({ ok: false, field: 'end' });
    expect(parsePlan({ date: '14/2', start: '09:00' })).toMatchObject({ ok: false, field: 'date' });
    expect(parsePlan(null)).toMatchObject({ ok: false, field: 'date' });
  });
});
