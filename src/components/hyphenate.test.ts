import { describe, expect, it } from 'vitest';
import { hyphenateSv, SOFT_HYPHEN } from './hyphenate';

const marked = (text: string) => hyphenateSv(text).split(SOFT_HYPHEN).join('|');

describe('hyphenateSv', () => {
  it('puts soft hyphens only at Swedish hyphenation points of long words', () => {
    expect(marked('bostadsanpassning')).toBe('bo|stads|an|pass|ning');
    expect(marked('Kommunens biståndshandläggare')).toBe('Kom|mu|nens bi|stånds|hand|läg|ga|re');
    expect(marked('läkemedelsgenomgång')).toBe('lä|ke|me|dels|ge|nom|gång');
  });

  it('leaves short words, numbers, punctuation and line breaks alone', () => {
    expect(hyphenateSv('Taxi till vården (12)')).toBe('Taxi till vården (12)');
    expect(marked('Kommun – hemtjänst\növerlämning!')).toBe('Kommun – hem|tjänst\növer|läm|ning!');
  });

  it('removing the soft hyphens gives back the text exactly', () => {
    for (const text of ['Bostadsanpassningshandläggare, ÖVERLÄMNING och e-post', 'Samverkansverkstad ✓ 😊 läkemedelsgenomgång']) {
      expect(hyphenateSv(text).split(SOFT_HYPHEN).join('')).toBe(text);
    }
  });
});
