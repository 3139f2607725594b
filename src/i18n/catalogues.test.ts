import { describe, expect, it } from 'vitest';
import { sv as svPhone } from './catalogues';
import { en as enPhone } from './en';
import { enFacilitator } from './enFacilitator';
import { svFacilitator } from './svFacilitator';
import { fillPlaceholders } from './translate';

const sv = { ...svPhone, ...svFacilitator };
const en = { ...enPhone, ...enFacilitator };

describe('message catalogues', () => {
  it('have the same keys in Swedish and English, for phones and for facilitator devices', () => {
    expect(Object.keys(enPhone).sort()).toEqual(Object.keys(svPhone).sort());
    expect(Object.keys(enFacilitator).sort()).toEqual(Object.keys(svFacilitator).sort());
  });

  it('say each string once: a key is for phones or for facilitator devices only, never both', () => {
    expect(Object.keys(svFacilitator).filter((key) => key in svPhone)).toEqual([]);
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
