// Swedish hyphenation for the board, from TeX's Swedish patterns (the `hyphen` package), so long
// compounds break where Swedish allows on every browser, with or without its own dictionary.
import { hyphenateSync } from 'hyphen/sv';

export const SOFT_HYPHEN = '\u00AD';

// the board re-renders the same few hundred texts: remember them (bounded)
const cache = new Map<string, string>();
const CACHE_MAX = 2000;

/**
 * The text with soft hyphens (U+00AD) at the Swedish hyphenation points of words of 7 letters or
 * more; the browser breaks there only when a word does not fit. For display only: stored text,
 * exports and accessible names keep the plain text.
 */
export function hyphenateSv(text: string): string {
  let out = cache.get(text);
  if (out === undefined) {
    out = hyphenateSync(text, { minWordLength: 7 });
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(text, out);
  }
  return out;
}
