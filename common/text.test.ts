import { describe, expect, it } from 'vitest';
import { cleanText, parseText, textLength, typedText, type TextRule } from './text';

const name: TextRule = { max: 60, required: true, label: 'Name' };
const note: TextRule = { max: 280, multiline: true, label: 'Note' };

const value = (raw: unknown, rule: TextRule = name) => {
  const result = parseText(raw, rule);
  return result.ok ? result.value : result.problem;
};

describe('parseText', () => {
  it('keeps an ordinary Swedish name, trimmed', () => {
    expect(value('  Åsa Öberg-Ängström ')).toBe('Åsa Öberg-Ängström');
  });

  it('refuses names of only zero-width, format, space or control characters', () => {
    for (const blank of [
      '',
      '   ',
      '\u200B\u200B\u200B',
      '\u200D\u200C\u2060\uFEFF',
      '\u00A0\u2003\u3000',
      '\u3164\u3164',
      '\u2800',
      '\u180E',
      '\uFE0F\uFE0F',
      '\u0301\u0308',
      '\u202E\u2066',
      '\u0000\u0007\u001B',
      '\u{E0041}\u{E0042}',
    ]) {
      const result = parseText(blank, name);
      expect(result, JSON.stringify(blank)).toMatchObject({ ok: false, problem: 'empty' });
      if (!result.ok) expect(result.message).toBe('Name must contain visible characters');
    }
  });

  it('removes bidi overrides, isolates and marks so a name cannot reverse the text after it', () => {
    expect(value('Eva\u202E gnirts')).toBe('Eva gnirts');
    expect(value('\u2067Ali\u2069 \u200F\u061CX\u200E')).toBe('Ali X');
    expect(value('a\u202Ab\u202Bc\u202Cd\u202De\u2068f')).toBe('abcdef');
  });

  it('removes control characters and puts a single-line field on one line', () => {
    expect(value('Anna\u0000\u0007 \n\r\n\tBerg\u007F\u0085')).toBe('Anna Berg');
  });

  it('keeps line breaks in multi-line text, at most one blank line', () => {
    expect(value('one\r\ntwo\n\n\n\nthree\u2028four', note)).toBe('one\ntwo\n\nthree\nfour');
  });

  it('normalises to NFC so Å typed as A + ring is one character', () => {
    const decomposed = 'A\u030Asa';
    expect(value(decomposed)).toBe('\u00C5sa');
    expect(value('\u00C5'.repeat(60))).toBe('\u00C5'.repeat(60));
    expect(value('A\u030A'.repeat(60))).toBe('\u00C5'.repeat(60));
  });

  it('keeps emoji whole, including ZWJ sequences, variation selectors and flags', () => {
    const family = '👩‍👩‍👧';
    const heart = '❤️';
    const england = '🏴󠁧󠁢󠁥󠁮󠁧󠁿';
    expect(value(`Team ${family} ${heart} ${england}`)).toBe(`Team ${family} ${heart} ${england}`);
    expect(value('😀')).toBe('😀');
  });

  it('keeps combining marks on a base but caps a pile of them', () => {
    expect(value('Nguye\u0302\u0303n')).toBe('Nguy\u1EC5n');
    const zalgo = 'a' + '\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030A\u030B'.repeat(5);
    const result = value(zalgo);
    expect([...result].length).toBeLessThanOrEqual(9);
  });

  it('refuses text over the limit with a readable message, 10,000 characters included', () => {
    expect(value('x'.repeat(60))).toBe('x'.repeat(60));
    expect(parseText('x'.repeat(61), name)).toEqual({
      ok: false,
      problem: 'tooLong',
      max: 60,
      message: 'Name must be at most 60 characters',
    });
    expect(parseText('å'.repeat(10_000), name)).toMatchObject({ ok: false, problem: 'tooLong' });
    expect(parseText('\u200B'.repeat(10_000) + 'Eva', name)).toMatchObject({ ok: false, problem: 'tooLong' });
  });

  it('counts an emoji as one character, as a person sees it', () => {
    expect(value('😀'.repeat(60))).toBe('😀'.repeat(60));
  });

  it('refuses what is not a string', () => {
    for (const raw of [undefined, null, 3, {}, ['Eva']]) {
      expect(parseText(raw, name)).toMatchObject({ ok: false, problem: 'notText', message: 'Name must be text' });
    }
  });

  it('gives empty optional text as the empty string', () => {
    expect(parseText(' \u200B ', { max: 10 })).toEqual({ ok: true, value: '' });
  });
});

describe('cleanText', () => {
  it('never fails: cuts at the limit and makes garbage empty', () => {
    expect(cleanText('x'.repeat(10_000), { max: 5 })).toBe('xxxxx');
    expect(cleanText(42, { max: 5 })).toBe('');
    expect(cleanText('\u200B\u202E', { max: 5 })).toBe('');
    expect(cleanText(' ab\u202Ec ', { max: 5 })).toBe('abc');
  });
});

describe('typedText (a field saved keystroke by keystroke)', () => {
  const what: TextRule = { max: 10 };
  it('keeps blanks where the typist put them, and removes what may never be stored', () => {
    expect(typedText('Ring  Eva ', what)).toBe('Ring  Eva ');
    expect(typedText(' a\u202E\u2066b\u0007', what)).toBe(' ab');
    expect(typedText('rad\nett', what)).toBe('rad ett');
    expect(typedText('rad\r\nett', { max: 10, multiline: true })).toBe('rad\nett');
  });

  it('caps at the limit in code points and never splits an emoji', () => {
    expect(typedText('x'.repeat(9) + '👍🏽', what)).toBe('x'.repeat(9) + '👍');
    expect(textLength(typedText('😀'.repeat(40), what))).toBe(10);
    expect(typedText('😀'.repeat(40), what)).toBe('😀'.repeat(10));
  });

  it('is empty for what is not text', () => {
    expect(typedText(42, what)).toBe('');
  });
});

describe('cleanText', () => {
  it('cuts at the limit without leaving half an emoji', () => {
    expect(cleanText('x'.repeat(9) + '👍🏽', { max: 10 })).toBe('x'.repeat(9) + '👍');
  });
});
