import { describe, expect, it } from 'vitest';
import { sv } from './catalogues';
import { en } from './en';
import { fillPlaceholders } from './translate';

describe('message catalogues', () => {
  it('have the same keys in Swedish and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
  });

  it('have no empty string in either language', () => {
    for (const [lang, cat] of Object.entries({ sv, en })) {
      const empty = Object.entries(cat).filter(([, v]) => v.trim() === '').map(([k]) => k);
      expect(empty, `empty ${lang} strings`).toEqual([]);
    }
  });

  it('use the same placeholders in both languages', () => {
    // {name} and {name|one|other}: the same names in both
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]).sort().join(',');
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toBe(placeholders(sv[key]));
    }
  });

  it('say one and many as each language does', () => {
    expect(fillPlaceholders('{count|# lapp|# lappar}', { count: 1 }, 'sv')).toBe('1 lapp');
    expect(fillPlaceholders('{count|# lapp|# lappar}', { count: 0 }, 'sv')).toBe('0 lappar');
    expect(fillPlaceholders('{count|# lapp|# lappar}', { count: 25 }, 'sv')).toBe('25 lappar');
    expect(fillPlaceholders('+{n|# note|# notes} from {who}', { n: 1, who: 'Anna' }, 'en')).toBe('+1 note from Anna');
    // a missing value stays visible, so a gap is noticed
    expect(fillPlaceholders('{count|# lapp|# lappar}', {}, 'sv')).toBe('{count|# lapp|# lappar}');
  });
});
