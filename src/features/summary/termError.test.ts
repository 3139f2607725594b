// The console's words for a failed term request: the server's code or the kind of failure picks a
// catalogue key, so Swedish and English screens never show the server's English text or "HTTP 503".
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@common/api';
import { translate } from '@/i18n/translate';
import { termErrorKey } from './termError';

describe('termErrorKey', () => {
  it('says every server code and every kind of failure in Swedish and English, never the English message', () => {
    const failures = [
      ...ERROR_CODES.map((code) => ({ ok: false as const, error: 'server' as const, message: 'English text', said: 'English text', status: 409, code })),
      { ok: false as const, error: 'network' as const, message: 'network' },
      { ok: false as const, error: 'server' as const, message: 'HTTP 503', status: 503 },
      { ok: false as const, error: 'server' as const, message: 'Wrong key', said: 'Wrong key', status: 401 },
    ];
    const seen = new Set<string>();
    for (const failure of failures) {
      const key = termErrorKey(failure);
      seen.add(key);
      for (const lang of ['sv', 'en'] as const) {
        const text = translate(lang, key);
        expect(text).not.toBe(key);
        expect(text).not.toMatch(/English text|HTTP|network|Wrong key/);
      }
    }
    // each code its own words
    expect(seen.size).toBe(ERROR_CODES.length + 3);
    expect(translate('sv', termErrorKey({ ok: false, error: 'server', message: 'x', code: 'alreadyCarried' }))).toMatch(/redan förts över/);
  });
});
