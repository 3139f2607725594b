// The one set of tolerant readers (common/records.ts `read` and the parse functions built on it):
// hostile and malformed input, lengths in code points, bidi controls, and stored values written
// before the one vocabulary still read.
import { describe, expect, it } from 'vitest';
import { parseDeepDiveGroup, parseFollowUpStep, parseGroupAnswer, parseSolution, read, TextRules } from './records';
import { parseNextStep } from './nextSteps';
import { parseBallot } from './voting';
import { parseRatingBallot } from './rating';
import { parseCornerBallot } from './methods';
import { buildSummary } from './summary';

const emoji = '😀';
const RLO = '\u202E';

describe('the tolerant readers', () => {
  it('read ids by code points and refuse one with a bidi control or nothing in it', () => {
    expect(read.id(emoji.repeat(64))).toBe(emoji.repeat(64));
    expect(read.id(emoji.repeat(65))).toBeNull();
    expect(read.id('a'.repeat(65))).toBeNull();
    expect(read.id(`ab${RLO}c`)).toBeNull();
    expect(read.id('')).toBeNull();
    expect(read.id(42)).toBeNull();
    expect(read.ids(['a', 'a', 7, '', `x${RLO}`, 'b'])).toEqual(['a', 'b']);
    expect(read.ids('a')).toEqual([]);
  });

  it('cut keys and texts at code points, never inside an emoji, with bidi controls gone', () => {
    const key = read.key(`${RLO}${emoji.repeat(70)}`);
    expect([...key]).toHaveLength(64);
    expect(key).toBe(emoji.repeat(64));
    expect(read.key(`a${RLO}b`, 1)).toBe('a');
    expect(read.key({ not: 'text' })).toBe('');
    const text = read.text(`  ${emoji.repeat(TextRules.stepWhat.max + 5)}${RLO}  `, TextRules.stepWhat);
    expect([...text]).toHaveLength(TextRules.stepWhat.max);
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(read.order(`a${RLO}1`)).toBe('a1');
    expect(read.order('x'.repeat(257))).toBe('a0');
    expect(read.order(null)).toBe('a0');
  });

  it('tell a clamped number from a choice, and take only finite numbers', () => {
    expect(read.int(7.9, 0, 5, 1)).toBe(5);
    expect(read.int(Number.NaN, 0, 5, 1)).toBe(1);
    expect(read.whole(7, 0, 5, -1)).toBe(-1);
    expect(read.whole(2.5, 0, 5, -1)).toBe(-1);
    expect(read.num(Infinity, 3)).toBe(3);
    expect(read.numOrNull('5')).toBeNull();
    expect(read.bool('true')).toBe(false);
    expect(read.fields(['a'])).toEqual({});
    expect(read.items({ a: { x: 1 }, b: 'text', c: null, d: [1] })).toEqual([['a', { x: 1 }]]);
    // a corner out of range is no ballot, never the nearest corner
    expect(parseCornerBallot({ choice: 9 })).toBeNull();
    expect(parseRatingBallot({ value: 4.5 })).toBeNull();
    expect(parseRatingBallot({ value: 4, at: 'x' })).toEqual({ value: 4, at: 0 });
  });

  it('read a dot only with a clean item id', () => {
    expect(parseBallot('d1', { round: 'areas', itemId: `c${RLO}1`, at: 1 })).toBeNull();
    expect(parseBallot('d1', { round: 'areas', itemId: 'c1', at: 'soon' })).toEqual({ id: 'd1', round: 'areas', itemId: 'c1', at: 0 });
    expect(parseBallot('d1', { round: 'elsewhere', itemId: 'c1' })).toBeNull();
  });

  it('read the deep dive and its solutions from whatever a group or the relay stored', () => {
    expect(parseGroupAnswer({ question: 'nonsense', text: `${RLO}svar`, order: 5 }, 'a1')).toEqual({ id: 'a1', question: 'why', text: 'svar', order: 'a0', createdAt: 0 });
    expect(parseDeepDiveGroup({ name: 3, areaId: `c${RLO}1` }, 'g1')).toEqual({ id: 'g1', name: '', order: 'a0', areaId: 'c1' });
    expect(parseSolution('text', 'x')).toBeNull();
    expect(parseSolution({ text: ' Lösning ', groupId: 'g1' }, 'x1')).toMatchObject({ id: 'x1', text: 'Lösning', groupId: 'g1', areaId: '' });
  });
});

describe('one vocabulary, old stored values still read', () => {
  it("a follow-up stored with 'doing' reads as 'ongoing', in its history too", () => {
    const old = { what: `Kartlägg${RLO}`, who: 'Åsa', status: 'doing', history: [{ status: 'carried', at: 1 }, { status: 'doing', why: '', at: 2 }, 'junk'] };
    const step = parseFollowUpStep(old, 's1');
    expect(step).toMatchObject({ id: 's1', what: 'Kartlägg', status: 'ongoing' });
    expect(step?.history.map((h) => h.status)).toEqual(['carried', 'ongoing']);
    expect(parseFollowUpStep({ status: 'whatever', history: 'none' }, 's2')).toMatchObject({ status: 'carried', history: [] });
    expect(parseFollowUpStep(null, 's3')).toBeNull();
  });

  it('a next step reads the one status and mandate vocabulary; anything else falls back', () => {
    expect(parseNextStep('s1', { status: 'ongoing', mandate: 'propose', proposeTo: 'Styrgruppen' })).toMatchObject({ status: 'ongoing', mandate: 'propose', proposeTo: 'Styrgruppen' });
    expect(parseNextStep('s2', { status: 'open', mandate: 'proposed', proposeTo: 'X' })).toMatchObject({ status: 'notStarted', mandate: 'decide', proposeTo: '' });
  });

  it('the summary shows an old follow-up and a next step in the same words as the console', () => {
    const s = buildSummary({
      meeting: { nextSteps: { s1: { what: ' Gör ', ownerKind: 'forum', due: 'next', mandate: 'propose', proposeTo: 'Region', status: 'ongoing', order: 'a0' } } },
      control: { meeting: { forumName: 'Forum Norr' }, followup: { f1: { what: 'Förra', who: 'Åsa', status: 'doing', order: 'a0' } } },
      date: '2026-12-05',
      language: 'sv',
    });
    expect(s.followUp).toEqual([{ what: 'Förra', who: 'Åsa', status: 'ongoing', why: '' }]);
    expect(s.nextSteps).toEqual([{ id: 's1', what: 'Gör', who: 'Forum Norr', when: 'next', mandate: 'propose', proposeTo: 'Region', status: 'ongoing', origin: '' }]);
  });
});
