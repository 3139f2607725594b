import { describe, expect, it } from 'vitest';
import { CALENDAR_LABELS } from './calendarLabels';

describe('calendar labels', () => {
  it('has the same keys in Swedish and English, each with visible words', () => {
    expect(Object.keys(CALENDAR_LABELS.en).sort()).toEqual(Object.keys(CALENDAR_LABELS.sv).sort());
    for (const lang of ['sv', 'en'] as const) for (const text of Object.values(CALENDAR_LABELS[lang])) expect(text.trim()).not.toBe('');
    expect(CALENDAR_LABELS.sv.join).not.toBe(CALENDAR_LABELS.en.join);
  });
});
