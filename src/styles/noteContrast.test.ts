// WCAG 2.1 AA: note text (#1b1b1b) on every note colour of the shared stylesheet has ≥ 4.5:1.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NOTE_COLORS } from '@common/schema';

const SHEET = resolve(__dirname, 'notes.css');
const FEATURES = resolve(__dirname, '../features');
const FEATURE_SHEETS = ['clustering/clustering.css', 'clustering/clusteringPhone.css', 'gathering/gathering.css', 'parking/parking.css'];
const TEXT = '#1b1b1b';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

describe('note colours', () => {
  it('the shared stylesheet defines every note colour with text contrast of at least 4.5:1', () => {
    const css = readFileSync(SHEET, 'utf8');
    for (const color of NOTE_COLORS) {
      const match = css.match(new RegExp(`note-color-${color}\\s*\\{\\s*--note-bg:\\s*(#[0-9a-f]{6})`, 'i'));
      expect(match, color).not.toBeNull();
      expect(contrast(match![1], TEXT), color).toBeGreaterThanOrEqual(4.5);
    }
  });

  it.each(FEATURE_SHEETS)('%s does not define its own copy of the note colours', (sheet) => {
    expect(readFileSync(resolve(FEATURES, sheet), 'utf8')).not.toMatch(/--note-bg:\s*#/);
  });
});
