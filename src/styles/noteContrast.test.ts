// WCAG 2.1 AA: note text (#1b1b1b) on every note colour, in every stylesheet that paints notes, has ≥ 4.5:1.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NOTE_COLORS } from '@common/schema';

const FEATURES = resolve(__dirname, '..');
const SHEETS = ['clustering/clustering.css', 'clustering/clusteringPhone.css', 'gathering/gathering.css', 'parking/parking.css'];
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
  it.each(SHEETS)('%s defines every note colour with text contrast of at least 4.5:1', (sheet) => {
    const css = readFileSync(resolve(FEATURES, sheet), 'utf8');
    for (const color of NOTE_COLORS) {
      const match = css.match(new RegExp(`note-color-${color}\\s*\\{\\s*--note-bg:\\s*(#[0-9a-f]{6})`, 'i'));
      expect(match, `${sheet} ${color}`).not.toBeNull();
      expect(contrast(match![1], TEXT), `${sheet} ${color}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
