import { describe, expect, it } from 'vitest';
import { sv } from './catalogues';
import { en } from './en';

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
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
    for (const key of Object.keys(sv) as (keyof typeof sv)[]) {
      expect(placeholders(en[key]), key).toBe(placeholders(sv[key]));
    }
  });
});
